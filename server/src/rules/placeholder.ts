import { defineRule } from './contract';
import type { Fix, RuleExamples } from '../engine/types';
import { findPlaceholders, readerForms, type Placeholder } from '../policy/placeholders';
import { byChunk, type ChunkMemo } from '../engine/chunk-shares';
import type { ProseBlock } from '../engine/parsed-markdown';
import type { PolicylintConfig } from '../config/types';
import { ownValue } from '../config/own';
import { compileUserPattern, type UserPattern } from '../config/safe-regex';

const compiled = new WeakMap<PolicylintConfig, UserPattern[]>();

/** Config patterns run on RE2, in linear time; the config loader has already refused those RE2 cannot compile. */
function extraPatterns(config: PolicylintConfig): UserPattern[] {
  let patterns = compiled.get(config);
  if (!patterns) {
    patterns = (config.placeholders?.patterns ?? []).flatMap((p) => {
      try {
        return [compileUserPattern(p)];
      } catch {
        return [];
      }
    });
    compiled.set(config, patterns);
  }
  return patterns;
}

/** A Bad and a Good example in each language: the rule's page shows them, test/rule-examples.test.ts lints them. */
const EXAMPLES: RuleExamples = {
  bad: {
    'zh-CN': {
      text: [
        '# 客户服务承诺书',
        '',
        '【公司名称】承诺热线电话在20秒内接通。',
      ].join('\n'),
      finding: { line: 3, messageId: 'blank' },
    },
    en: {
      text: [
        '# Customer promise',
        '',
        '[Company] answers every call within 20 seconds.',
      ].join('\n'),
      finding: { line: 3, messageId: 'blank' },
    },
  },
  good: {
    'zh-CN': {
      text: [
        '# 客户服务承诺书',
        '',
        '华信云服科技有限公司承诺热线电话在20秒内接通。',
      ].join('\n'),
    },
    en: {
      text: [
        '# Customer promise',
        '',
        'Acme Ltd answers every call within 20 seconds.',
      ].join('\n'),
    },
  },
};

export default defineRule({
  id: 'placeholder',
  meta: {
    summary: { en: 'Unfilled placeholder', 'zh-CN': '未填写的占位符' },
    finds: '`____`, `【公司名称】`, `[Company]`, `{{company}}`, `your-org`, `XX小时`, `××`, `TBD`, `TO BE COMPLETED`, `待补充`, blank `（  ）`; a blank where a number belongs is an error, a signature/date blank only `info`',
    description: {
      en: 'Template blanks (____, 【公司名称】, [Company], {{company}}, your-org, XX, ××, TBD, 待补充, blank brackets) left in a document that is about to be published.',
      'zh-CN': '文档中残留模板空白（____、【公司名称】、[Company]、{{company}}、your-org、XX、××、TBD、待补充、空括号），发布前须填写。',
    },
    severity: 'error',
    fixable: 'suggestion',
    examples: EXAMPLES,
    messages: {
      blank: {
        en: 'Placeholder "{text}" is not filled in. Replace it with the real text before the document is published.',
        'zh-CN': '占位符「{text}」尚未填写。发布前请替换为实际内容。',
      },
      emptyField: {
        en: 'The field "{text}" has nothing after it. Fill in the value before the document is published.',
        'zh-CN': '「{text}」后没有填写内容。发布前请补充。',
      },
      valueBlank: {
        en: 'The value "{text}" is a blank, so this commitment promises nothing. Fill in the number.',
        'zh-CN': '「{text}」处的数值未填写，这项承诺没有可衡量的时限。请填写具体数值。',
      },
      signatureBlank: {
        en: 'Signature or date blank "{text}": fill it in by hand when signing, or enter it before sending the document electronically.',
        'zh-CN': '签署栏空白「{text}」：请在签署时手工填写；如以电子方式发送，请先填写。',
      },
      select: { en: 'Select the blank to type over it', 'zh-CN': '选中空白处以便填写' },
      fill: { en: 'Fill in "{value}"', 'zh-CN': '填入「{value}」' },
    },
  },
  check(context) {
    const { doc, config } = context;
    const extra = extraPatterns(config);
    const values = config.placeholders?.values;
    // The fields of a form the reader fills in ("请您尽可能填全以下邮件内容"); looked for once a field is met.
    let forms: [number, number][] | undefined;
    const inReaderForm = (offset: number) => (forms ??= readerForms(doc.md.prose)).some(([from, to]) => offset >= from && offset < to);
    const report = (block: ProseBlock, found: readonly Placeholder[]) => {
      for (const p of found) {
        // A label in a table cell has its value in the next cell.
        if (p.form === 'field' && block.kind !== 'paragraph') continue;
        const span = block.toSourceSpan(p.start, p.end);
        if (p.form === 'field' && inReaderForm(span.start)) continue;
        const fixes: Fix[] = [];
        const value = ownValue(values, p.text);
        if (value !== undefined) {
          fixes.push({
            kind: 'suggestion',
            title: context.message('fill', { value }),
            edits: [{ ...span, text: value }],
            selectAfter: { start: span.start, end: span.start + value.length },
          });
        }
        fixes.push({ kind: 'suggestion', title: context.message('select'), edits: [], selectAfter: span });
        const messageId = p.context === 'signature' ? 'signatureBlank' : p.context === 'value' ? 'valueBlank' : p.form === 'field' ? 'emptyField' : 'blank';
        context.report({
          ...span,
          messageId,
          data: { text: p.text, form: p.form },
          severity: p.context === 'signature' ? 'info' : undefined,
          fixes,
        });
      }
    };
    // Each chunk's blanks are kept with the chunk (engine/chunk-shares.ts byChunk): a keystroke looks
    // again in the chunk it is in only. A config's own patterns are not part of what is kept.
    if (extra.length > 0) {
      for (const block of doc.md.prose) report(block, findPlaceholders(block.text, extra));
      return;
    }
    for (const { share, value } of byChunk(doc.md, BLANKS_BY_CHUNK, blanksByBlock)) for (const [i, found] of value) report(share.prose[i]!, found);
  },
});

const BLANKS_BY_CHUNK: ChunkMemo<[number, Placeholder[]][]> = new WeakMap();

/** The blanks of each block that has any, by its index. */
function blanksByBlock(prose: readonly ProseBlock[]): [number, Placeholder[]][] {
  const out: [number, Placeholder[]][] = [];
  for (let i = 0; i < prose.length; i++) {
    const found = findPlaceholders(prose[i]!.text);
    if (found.length) out.push([i, found]);
  }
  return out;
}
