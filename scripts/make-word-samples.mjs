// Builds samples/word/*.docx from Markdown samples with the `docx` package, the
// way a Word user would have written them: the title in the Title style,
// headings in Heading styles, chapter and clause numbers as Word's automatic
// multilevel numbering (第%1章 / %1.%2, 一、 / %1.%2), numbered lists as Word
// lists restarting at 1, the table of contents as a TOC field. A number the
// automatic list would not produce (a skipped chapter, a repeated clause, the
// defects the samples carry) is typed as text, as it is in real drafts.
//
//   node scripts/make-word-samples.mjs      (the output is committed)

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, HeadingLevel, LevelFormat, LevelSuffix, Packer, Paragraph, Table, TableCell, TableOfContents, TableRow, TextRun } from 'docx';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLES = [
  ['samples/defects/customer-service-handbook.md', 'samples/word/customer-service-handbook.docx'],
  ['samples/defects/complaint-commitment-letter.md', 'samples/word/complaint-commitment-letter.docx'],
];
const CN = '〇一二三四五六七八九十';
const cnValue = (s) => (s.length === 1 ? CN.indexOf(s) : s.length === 2 && s[0] === '十' ? 10 + CN.indexOf(s[1]) : s.length === 2 ? CN.indexOf(s[0]) * 10 : CN.indexOf(s[0]) * 10 + CN.indexOf(s[2]));

const NUMBERING = {
  config: [
    {
      reference: 'chapters',
      levels: [
        { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '第%1章', suffix: LevelSuffix.SPACE, start: 1 },
        { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2', suffix: LevelSuffix.SPACE, isLegalNumberingStyle: true, start: 1 },
      ],
    },
    {
      reference: 'clauses',
      levels: [
        { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', suffix: LevelSuffix.NOTHING, start: 1 },
        { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2', suffix: LevelSuffix.SPACE, isLegalNumberingStyle: true, start: 1 },
      ],
    },
    { reference: 'items', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', suffix: LevelSuffix.TAB, start: 1 }] },
  ],
};

/** Word's counters for one multilevel list, to know whether a typed number is the one Word would show. */
class Counter {
  constructor() {
    this.counts = [];
  }
  peek(level) {
    const next = [...this.counts];
    next[level] = (next[level] ?? 0) + 1;
    next.length = level + 1;
    return next;
  }
  take(level) {
    this.counts = this.peek(level);
  }
}

function build(markdown) {
  const lines = markdown.split('\n');
  const children = [];
  const counters = { chapters: new Counter(), clauses: new Counter() };
  let itemsInstance = 0;
  let itemCount = 0;
  let previousWasItem = false;
  let title = true;

  /** A numbered paragraph when the typed number is Word's next, else the number typed as text. */
  const numbered = (list, level, values, text, options) => {
    const expected = counters[list].peek(level);
    if (expected.length === values.length && expected.every((v, i) => v === values[i])) {
      counters[list].take(level);
      return new Paragraph({ ...options, text, numbering: { reference: list, level } });
    }
    return null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    const item = /^(\d+)\.\s+(.*)$/.exec(line);
    if (!item) previousWasItem = false;
    if (title && line.startsWith('# ')) {
      children.push(new Paragraph({ text: line.slice(2), style: 'Title' }));
      title = false;
      continue;
    }
    const h2 = /^## (.*)$/.exec(line);
    const h3 = /^### (.*)$/.exec(line);
    if (h2 && /^目\s*录$/.test(h2[1])) {
      children.push(new Paragraph({ text: h2[1], heading: HeadingLevel.HEADING_1 }));
      const entries = [];
      while (i + 1 < lines.length && lines[i + 1].trim() === '') i++;
      while (i + 1 < lines.length && /^\s*- /.test(lines[i + 1])) {
        const m = /^(\s*)- (.*)$/.exec(lines[++i]);
        entries.push({ title: m[2], level: m[1].length / 2 + 1, page: entries.length + 1 });
      }
      children.push(new TableOfContents('Table of Contents', { hyperlink: true, headingStyleRange: '1-2', cachedEntries: entries, beginDirty: false }));
      continue;
    }
    if (h2) {
      const heading = HeadingLevel.HEADING_1;
      const chapter = /^第([一二三四五六七八九十]+)章\s+(.*)$/.exec(h2[1]);
      const dun = /^([一二三四五六七八九十]+)、(.*)$/.exec(h2[1]);
      const p = chapter ? numbered('chapters', 0, [cnValue(chapter[1])], chapter[2], { heading }) : dun ? numbered('clauses', 0, [cnValue(dun[1])], dun[2], { heading }) : null;
      children.push(p ?? new Paragraph({ text: h2[1], heading }));
      continue;
    }
    if (h3) {
      const heading = HeadingLevel.HEADING_2;
      const clause = /^(\d+)\.(\d+)\s+(.*)$/.exec(h3[1]);
      const p = clause ? numbered('chapters', 1, [Number(clause[1]), Number(clause[2])], clause[3], { heading }) : null;
      children.push(p ?? new Paragraph({ text: h3[1], heading }));
      continue;
    }
    const clause = /^(\d+)\.(\d+)\s*(.*)$/.exec(line);
    if (clause) {
      const p = numbered('clauses', 1, [Number(clause[1]), Number(clause[2])], clause[3], {});
      children.push(p ?? new Paragraph({ text: line }));
      continue;
    }
    if (item) {
      if (!previousWasItem) (itemsInstance++, (itemCount = 0));
      previousWasItem = true;
      if (Number(item[1]) === itemCount + 1) {
        itemCount++;
        children.push(new Paragraph({ text: item[2], numbering: { reference: 'items', level: 0, instance: itemsInstance } }));
      } else {
        children.push(new Paragraph({ text: line }));
      }
      continue;
    }
    if (line.startsWith('|')) {
      const rows = [];
      for (; i < lines.length && lines[i].startsWith('|'); i++) {
        if (/^\|[\s:|-]+\|$/.test(lines[i])) continue;
        rows.push(lines[i].replace(/^\||\|$/g, '').split('|').map((c) => c.trim()));
      }
      i--;
      children.push(new Table({ rows: rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) })) }));
      continue;
    }
    children.push(new Paragraph({ children: [new TextRun(line)] }));
  }
  return new Document({
    creator: 'policylint samples',
    numbering: NUMBERING,
    styles: { paragraphStyles: [] },
    sections: [{ children }],
  });
}

for (const [from, to] of SAMPLES) {
  const doc = build(readFileSync(join(ROOT, from), 'utf8'));
  const bytes = await Packer.toBuffer(doc);
  mkdirSync(dirname(join(ROOT, to)), { recursive: true });
  writeFileSync(join(ROOT, to), bytes);
  console.log(`${to}: ${bytes.length} bytes`);
}
