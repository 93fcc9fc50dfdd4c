import type { RuleExamples } from '../engine/types';
import { defineRule } from './contract';
import { DOCUMENT_KINDS, parseKind } from '../policy/kinds';
import { enabledRegulations, REGULATION_PACKS } from '../policy/regulations/packs';

/** A Bad and a Good example in each language: the rule's page shows them, test/rule-examples.test.ts lints them. */
const EXAMPLES: RuleExamples = {
  bad: {
    'zh-CN': {
      text: [
        '---',
        'kind: manual',
        '---',
        '# 客服工作说明',
        '',
        '服务热线 400-800-1234。',
      ].join('\n'),
      finding: { line: 2, messageId: 'kind' },
    },
    en: {
      text: [
        '---',
        'kind: manual',
        '---',
        '# Support guide',
        '',
        'Phone: 0800 123 456.',
      ].join('\n'),
      finding: { line: 2, messageId: 'kind' },
    },
  },
  good: {
    'zh-CN': {
      text: [
        '---',
        'kind: handbook',
        '---',
        '# 客服工作说明',
        '',
        '服务热线 400-800-1234。',
      ].join('\n'),
    },
    en: {
      text: [
        '---',
        'kind: handbook',
        '---',
        '# Support guide',
        '',
        'Phone: 0800 123 456.',
      ].join('\n'),
    },
  },
};

export default defineRule({
  id: 'front-matter',
  meta: {
    summary: { en: 'Invalid front matter', 'zh-CN': '文档头信息无效' },
    finds: "front matter that isn't valid YAML, or an unknown `kind`",
    description: {
      en: 'The YAML front matter must parse, and `kind` must be one of the known document kinds; otherwise the document is checked as the wrong kind, or not at all.',
      'zh-CN': 'YAML 头信息须能解析，且 `kind` 须为已知的文档类型，否则文档会按错误类型检查或不被检查。',
    },
    severity: 'warning',
    fixable: false,
    examples: EXAMPLES,
    messages: {
      syntax: {
        en: 'The front matter is not valid YAML ({detail}), so its settings are ignored. Fix the YAML.',
        'zh-CN': '文档头信息不是有效的 YAML（{detail}），其中的设置被忽略。请修正 YAML 语法。',
      },
      kind: {
        en: 'Unknown document kind "{value}". Use one of: {kinds}.',
        'zh-CN': '未知的文档类型「{value}」。可用类型：{kinds}。',
      },
      regulation: {
        en: 'Unknown regulation pack "{value}", so no statutory limit is checked for it. Use one of: {packs}.',
        'zh-CN': '未知的法规包「{value}」，不会据此核对法定时限。可用法规包：{packs}。',
      },
    },
  },
  check(context) {
    const { doc } = context;
    if (doc.frontMatterError) {
      context.report({ ...doc.frontMatterError.span, messageId: 'syntax', data: { detail: doc.frontMatterError.message } });
      return;
    }
    const kind = doc.frontMatter.kind;
    if (kind !== undefined && !parseKind(kind) && doc.md.frontMatter) {
      const raw = doc.md.frontMatter;
      const at = raw.raw.search(/^kind\s*:/m);
      const start = at >= 0 ? raw.valueOffset + at : raw.span.start;
      context.report({ start, end: start + (at >= 0 ? raw.raw.slice(at).split(/\r?\n/)[0]!.length : 3), messageId: 'kind', data: { value: String(kind), kinds: DOCUMENT_KINDS.join(', ') } });
    }
    // The config's own unknown ids are config errors (the schema lists the packs); these are the front matter's.
    if (doc.frontMatter.regulations !== undefined && doc.md.frontMatter) {
      const raw = doc.md.frontMatter;
      const at = raw.raw.search(/^regulations\s*:/m);
      const start = at >= 0 ? raw.valueOffset + at : raw.span.start;
      const end = start + (at >= 0 ? raw.raw.slice(at).split(/\r?\n/)[0]!.length : 3);
      const packs = REGULATION_PACKS.map((p) => p.id).join(', ');
      for (const value of enabledRegulations(doc.frontMatter, {}).unknown) context.report({ start, end, messageId: 'regulation', data: { value, packs } });
    }
  },
});
