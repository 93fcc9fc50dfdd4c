import type { RuleExamples } from '../engine/types';
import { defineRule } from './contract';
import type { OutlineEntry } from '../engine/outline';
import { lineBreakOf } from '../engine/related';
import { headingKey, type TocEntry } from '../engine/toc';

/** Which kind of body heading a TOC entry stands for: a Markdown level or a numbering style. */
function levelOf(e: OutlineEntry): string {
  if (e.headingDepth !== undefined) return `h${e.headingDepth}`;
  return `${e.marker!.style}-${e.marker!.depth}`;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function slug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** A Bad and a Good example in each language: the rule's page shows them, test/rule-examples.test.ts lints them. */
const EXAMPLES: RuleExamples = {
  bad: {
    'zh-CN': {
      text: [
        '# 客户服务手册',
        '',
        '## 目录',
        '',
        '- [第一章 服务渠道](#第一章-服务渠道)',
        '- [第二章 服务时间](#第二章-服务时间)',
        '',
        '## 第一章 服务渠道',
        '',
        '服务热线 400-800-1234。',
      ].join('\n'),
      finding: { line: 6, messageId: 'missingInBody' },
    },
    en: {
      text: [
        '# Customer Service Handbook',
        '',
        '## Contents',
        '',
        '- [Chapter 1 Channels](#chapter-1-channels)',
        '- [Chapter 2 Service hours](#chapter-2-service-hours)',
        '',
        '## Chapter 1 Channels',
        '',
        'Phone: 0800 123 456.',
      ].join('\n'),
      finding: { line: 6, messageId: 'missingInBody' },
    },
  },
  good: {
    'zh-CN': {
      text: [
        '# 客户服务手册',
        '',
        '## 目录',
        '',
        '- [第一章 服务渠道](#第一章-服务渠道)',
        '- [第二章 服务时间](#第二章-服务时间)',
        '',
        '## 第一章 服务渠道',
        '',
        '服务热线 400-800-1234。',
        '',
        '## 第二章 服务时间',
        '',
        '周一至周五 9:00-18:00。',
      ].join('\n'),
    },
    en: {
      text: [
        '# Customer Service Handbook',
        '',
        '## Contents',
        '',
        '- [Chapter 1 Channels](#chapter-1-channels)',
        '- [Chapter 2 Service hours](#chapter-2-service-hours)',
        '',
        '## Chapter 1 Channels',
        '',
        'Phone: 0800 123 456.',
        '',
        '## Chapter 2 Service hours',
        '',
        'Monday to Friday, 9:00-18:00.',
      ].join('\n'),
    },
  },
};

export default defineRule({
  id: 'toc-mismatch',
  // The body's titled entries against the table: what a numbered clause says does not matter here.
  reads: 'titles',
  meta: {
    summary: { en: 'Table of contents does not match the body', 'zh-CN': '目录与正文不一致' },
    finds: 'a TOC entry with no section in the body, or the reverse',
    description: {
      en: 'An entry in the table of contents with no section in the body, or a body section at a listed level that the table of contents leaves out.',
      'zh-CN': '目录中列出的章节在正文中不存在，或正文中与目录同级的章节未列入目录。',
    },
    severity: 'warning',
    fixable: 'suggestion',
    examples: EXAMPLES,
    messages: {
      missingInBody: {
        en: 'The table of contents lists "{title}", but the body has no such section. Add the section or remove the entry.',
        'zh-CN': '目录列有「{title}」，但正文中没有该章节。请补充章节或删除该目录条目。',
      },
      missingInToc: {
        en: 'Section "{title}" is not in the table of contents. Add it so readers can find it.',
        'zh-CN': '章节「{title}」未列入目录。请将其加入目录，便于查阅。',
      },
      removeEntry: { en: 'Remove this entry from the table of contents', 'zh-CN': '从目录中删除此条目' },
      addEntry: { en: 'Add "{title}" to the table of contents', 'zh-CN': '将「{title}」加入目录' },
    },
  },
  check(context) {
    const { doc } = context;
    const toc = doc.outline.toc;
    if (!toc) return;
    const titleLine = doc.title ? doc.lines.lineOf(doc.title.span.start) : -1;
    const body = doc.outline.entries.filter((e) => e.titleLike && e.line !== titleLine);
    const byKey = new Map<string, OutlineEntry>();
    for (const e of body) {
      const k = headingKey(e.title);
      if (k && !byKey.has(k)) byKey.set(k, e);
    }
    const listedLevels = new Set<string>();
    const listed = new Set<OutlineEntry>();
    // An entry names its heading as written, or with a page number after it.
    const headingOf = (entry: TocEntry) => byKey.get(entry.fullKey) ?? byKey.get(entry.key);
    for (const entry of toc.entries) {
      const match = headingOf(entry);
      if (match) {
        listed.add(match);
        listedLevels.add(levelOf(match));
        continue;
      }
      const lineStart = doc.lines.lineStart(entry.line);
      const next = entry.line + 1 < doc.lines.lineCount ? doc.lines.lineStart(entry.line + 1) : doc.text.length;
      context.report({
        ...entry.span,
        messageId: 'missingInBody',
        data: { title: entry.title },
        fixes: [{ kind: 'suggestion', title: context.message('removeEntry'), edits: [{ start: lineStart, end: next, text: '' }] }],
      });
    }
    // The reverse only makes sense at the levels the table of contents lists.
    const eol = lineBreakOf(doc);
    // What a new entry copies from the entry it follows: the line's prefix (indentation, list marker) and its form.
    const formOf = (template: TocEntry) => {
      const templateLine = doc.lines.lineText(template.line);
      const prefix = templateLine.slice(0, template.span.start - doc.lines.lineStart(template.line)).replace(/\[$/, '');
      return { prefix, linked: /\]\(#/.test(templateLine) };
    };
    // A missing heading's entry goes after the last entry, in the table's order, whose heading comes before it.
    // Headings come in line order, so that entry is the latest-listed of those matched above the line: one pass.
    const matched = toc.entries
      .map((entry, index) => ({ entry, index, line: headingOf(entry)?.line }))
      .filter((m): m is { entry: TocEntry; index: number; line: number } => m.line !== undefined)
      .sort((a, b) => a.line - b.line);
    let next = 0;
    let before: { entry: TocEntry; index: number } | undefined;
    for (const e of body) {
      for (; next < matched.length && matched[next]!.line < e.line; next++) if (!before || matched[next]!.index > before.index) before = matched[next];
      if (listed.has(e) || !listedLevels.has(levelOf(e))) continue;
      const anchor = before?.entry;
      context.report({
        start: e.span.start,
        end: e.span.end,
        messageId: 'missingInToc',
        data: { title: e.title },
        // Built when asked for: a long document that repeats its chapters has thousands of these.
        fixes: () => {
          const insertAt = doc.lines.lineEnd(anchor?.line ?? toc.entries[0]!.line - 1);
          const { prefix, linked } = formOf(anchor ?? toc.entries[0]!);
          const headingText = doc.text.slice(e.span.start, e.span.end);
          // Follow the entries' own form: a Markdown link to the heading's anchor, or plain text.
          const entryText = linked ? `[${headingText}](#${slug(headingText)})` : headingText;
          return [{ kind: 'suggestion', title: context.message('addEntry', { title: e.title }), edits: [{ start: insertAt, end: insertAt, text: `${eol}${prefix}${entryText}` }] }];
        },
      });
    }
  },
});
