import type { RuleExamples } from '../engine/types';
import { defineRule } from './contract';
import { isSectionLevel, type OutlineEntry } from '../engine/outline';
import { styleKey } from '../engine/numbering';

function hasContent(e: OutlineEntry): boolean {
  return e.hasBody || e.children.length > 0;
}

/** Whether a plain numbered line of the same numbering style and parent says something rather than names a section. */
function hasClauseSibling(entries: readonly OutlineEntry[], e: OutlineEntry): boolean {
  const siblings = e.parent >= 0 ? entries[e.parent]!.children.map((i) => entries[i]!) : entries.filter((s) => s.parent < 0);
  return siblings.some((s) => s !== e && s.source === 'numbered' && s.headingDepth === undefined && (!s.titleLike || SAYS_SOMETHING.test(s.title)) && s.marker !== undefined && e.marker !== undefined && styleKey(s.marker) === styleKey(e.marker));
}

/** A comma, a full stop or a modal of duty: a numbered line that is a sentence, not a section's name. */
const SAYS_SOMETHING = /[,，;；。]|应当|必须|不得|\b(?:must|shall)\b/i;

/** A numbered line that states a target (3、短信回复率100%, "2. Answer rate ≥ 95%") says something: it is a clause, not a title. */
const STATES_A_TARGET = /[≥≤＞＜>]\s*\d|\d\s*[%％]|\d\s*(?:个)?(?:小时|分钟|秒|工作日|天|日)(?:内|以内)?$|\b\d+\s*(?:seconds?|minutes?|hours?|(?:working\s+|business\s+)?days?)$/i;

/** A Bad and a Good example in each language: the rule's page shows them, test/rule-examples.test.ts lints them. */
const EXAMPLES: RuleExamples = {
  bad: {
    'zh-CN': {
      text: [
        '# 客户服务手册',
        '',
        '## 服务渠道',
        '',
        '## 服务时间',
        '',
        '周一至周五 9:00-18:00。',
      ].join('\n'),
      finding: { line: 3, messageId: 'empty' },
    },
    en: {
      text: [
        '# Customer Service Handbook',
        '',
        '## Channels',
        '',
        '## Service hours',
        '',
        'Monday to Friday, 9:00-18:00.',
      ].join('\n'),
      finding: { line: 3, messageId: 'empty' },
    },
  },
  good: {
    'zh-CN': {
      text: [
        '# 客户服务手册',
        '',
        '## 服务渠道',
        '',
        '服务热线 400-800-1234。',
        '',
        '## 服务时间',
        '',
        '周一至周五 9:00-18:00。',
      ].join('\n'),
    },
    en: {
      text: [
        '# Customer Service Handbook',
        '',
        '## Channels',
        '',
        'Phone: 0800 123 456.',
        '',
        '## Service hours',
        '',
        'Monday to Friday, 9:00-18:00.',
      ].join('\n'),
    },
  },
};

export default defineRule({
  id: 'empty-section',
  meta: {
    summary: { en: 'Empty section', 'zh-CN': '空章节' },
    finds: 'a heading with nothing under it',
    description: {
      en: 'A heading with nothing under it: no text and no subsections. Usually content was never written or was lost in conversion. A run of short numbered items that all stand alone is a list, not a set of sections, and is left alone, as is a numbered line that states a target (3、短信回复率100%) and a short numbered item beside numbered sentences (items of a list, not sections).',
      'zh-CN': '标题下没有任何内容或下级章节，通常是内容尚未撰写或在格式转换中丢失。一组均无正文的简短编号条目视为列表，不作报告；写明指标值的编号行（如「3、短信回复率100%」）是条款，也不作报告；与编号语句并列的简短编号条目是列表项，同样不作报告。',
    },
    severity: 'warning',
    fixable: false,
    examples: EXAMPLES,
    messages: {
      empty: {
        en: 'Section "{title}" is empty. Write its content or remove the heading.',
        'zh-CN': '章节「{title}」没有内容。请补充内容或删除该标题。',
      },
    },
  },
  check(context) {
    const { doc } = context;
    const titleLine = doc.title ? doc.lines.lineOf(doc.title.span.start) : -1;
    for (const e of doc.outline.entries) {
      if (!e.titleLike || hasContent(e) || e.line === titleLine) continue;
      if (e.source === 'numbered' && e.headingDepth === undefined && STATES_A_TARGET.test(e.title)) continue;
      // Plain numbered lines are sections only when their siblings are, and none of them is a clause
      // (3.投诉请求、主要事实和相关依据 beside 4.投诉人提交书面材料的，应当由投诉人签字: items of a list).
      if (!isSectionLevel(doc.outline, e) || (e.headingDepth === undefined && hasClauseSibling(doc.outline.entries, e))) continue;
      context.report({ ...e.span, messageId: 'empty', data: { title: e.title || doc.text.slice(e.span.start, e.span.end) } });
    }
  },
});
