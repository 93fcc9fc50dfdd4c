import type { RuleExamples } from '../engine/types';
import { defineRule } from './contract';
import { relatedIn } from '../engine/related';
import { headingKey } from '../engine/toc';
import { isSectionLevel } from '../engine/outline';

/** A Bad and a Good example in each language: the rule's page shows them, test/rule-examples.test.ts lints them. */
const EXAMPLES: RuleExamples = {
  bad: {
    'zh-CN': {
      text: [
        '# 客户服务手册',
        '',
        '## 服务渠道',
        '',
        '服务热线 400-800-1234。',
        '',
        '## 服务渠道',
        '',
        '电子邮件 service@example.com。',
      ].join('\n'),
      finding: { line: 7, messageId: 'duplicate' },
    },
    en: {
      text: [
        '# Customer Service Handbook',
        '',
        '## Channels',
        '',
        'Phone: 0800 123 456.',
        '',
        '## Channels',
        '',
        'Email: help@example.com.',
      ].join('\n'),
      finding: { line: 7, messageId: 'duplicate' },
    },
  },
  good: {
    'zh-CN': {
      text: [
        '# 客户服务手册',
        '',
        '## 服务热线',
        '',
        '服务热线 400-800-1234。',
        '',
        '## 电子邮件',
        '',
        '电子邮件 service@example.com。',
      ].join('\n'),
    },
    en: {
      text: [
        '# Customer Service Handbook',
        '',
        '## Phone',
        '',
        'Phone: 0800 123 456.',
        '',
        '## Email',
        '',
        'Email: help@example.com.',
      ].join('\n'),
    },
  },
};

export default defineRule({
  id: 'duplicate-heading',
  reads: 'outline',
  meta: {
    summary: { en: 'Duplicate heading', 'zh-CN': '重复的标题' },
    finds: 'two sibling sections with the same title',
    description: {
      en: 'Two sibling sections (same level, same parent) with the same title: readers and links cannot tell them apart, and one is often a copy-paste leftover.',
      'zh-CN': '同一上级下的两个同级章节标题相同：读者和链接无法区分，往往是复制粘贴遗留。',
    },
    severity: 'warning',
    fixable: false,
    examples: EXAMPLES,
    messages: {
      duplicate: {
        en: 'Heading "{title}" repeats the sibling heading on line {line}. Merge the two sections or rename one.',
        'zh-CN': '标题「{title}」与第{line}行的同级标题重复。请合并两个章节或修改其中一个标题。',
      },
      first: { en: 'first heading with this title', 'zh-CN': '首次出现的同名标题' },
    },
  },
  check(context) {
    const { doc } = context;
    const seen = new Map<string, (typeof doc.outline.entries)[number]>();
    for (const e of doc.outline.entries) {
      if (!e.titleLike || !isSectionLevel(doc.outline, e)) continue;
      const key = headingKey(e.title);
      if (!key) continue;
      const level = e.headingDepth !== undefined ? `h${e.headingDepth}` : e.marker ? `${e.marker.style}-${e.marker.depth}` : 'plain';
      const id = `${e.parent}|${level}|${key}`;
      const first = seen.get(id);
      if (!first) {
        seen.set(id, e);
        continue;
      }
      context.report({
        ...e.titleSpan,
        messageId: 'duplicate',
        data: { title: e.title, line: first.line + 1 },
        related: [relatedIn(doc, first.titleSpan, context.message('first'))],
      });
    }
  },
});
