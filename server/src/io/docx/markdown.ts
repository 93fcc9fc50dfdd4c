// Blocks as Markdown that keeps what a reader of the Word document sees:
// numbers as text (a "1." list item keeps its number as Markdown's own),
// headings as #, TOC entries as a nested list under the TOC title, tables as
// GFM tables (HTML when cells merge), footnotes at the end. Each Markdown line
// remembers the Word paragraph it came from.

import type { Block, BodyResult, ParagraphBlock, TableBlock } from './body';
import { FOOTNOTE_MARK, numberGap } from './body';

export interface MarkdownWithSources {
  markdown: string;
  /** For each line (index = line - 1), the 1-based Word paragraph; 0 for a line Word has no paragraph for. */
  paragraphs: number[];
}

const TOC_TITLE = /^(?:目\s*录|目\s*次|contents|table\s+of\s+contents)$/i;

/** Backslash-escapes what Markdown would otherwise read as markup, so the linted text is the Word text. */
export function escapeInline(text: string): string {
  return text
    .replace(/[\\`*[\]<>~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?\w+;)/g, '\\&')
    // Underscores inside a word (在__小时, snake_case) are never emphasis; only those at a word's edge are escaped.
    .replace(/_+/g, (run, at: number, all: string) => (/[\p{L}\p{N}]/u.test(all[at - 1] ?? '') && /[\p{L}\p{N}]/u.test(all[at + run.length] ?? '') ? run : run.replace(/_/g, '\\_')));
}

/** Escapes a line's start too: a Word paragraph that begins with # or - is text, not a heading or a list. */
export function escapeLine(text: string): string {
  const t = escapeInline(text);
  return t
    .replace(/^([#>+=|-])/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** Tabs and line breaks inside a paragraph become spaces; Markdown has no tab stops. */
function flat(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ').trim();
}

function isOrderedMarker(text: string): boolean {
  return /^\d{1,9}[.)]$/.test(text);
}

class Writer {
  readonly lines: string[] = [];
  readonly paragraphs: number[] = [];

  push(line: string, paragraph: number): void {
    this.lines.push(line);
    this.paragraphs.push(paragraph);
  }

  blank(): void {
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.push('', 0);
  }
}

export function toMarkdown(body: BodyResult, options: { tocTitle: string }): MarkdownWithSources {
  const w = new Writer();
  const blocks = body.blocks;
  /** List nesting of the current run of list items: the content indent of each level. */
  let listIndents: { ilvl: number; indent: number }[] = [];
  let previous: 'list' | 'toc' | 'other' = 'other';
  // With a Title paragraph the title is the one # and Heading 1 is ##, as the Markdown would be written.
  const headingOffset = blocks.some((b) => b.kind === 'paragraph' && b.title) ? 1 : 0;

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.kind === 'table') {
      w.blank();
      writeTable(w, block);
      previous = 'other';
      continue;
    }
    if (block.tocLevel !== undefined) {
      if (previous !== 'toc') {
        w.blank();
        const before = [...w.lines].reverse().find((l) => l !== '') ?? '';
        // The TOC needs its title for readers and for the outline; Word's field often comes without one.
        if (!TOC_TITLE.test(before.replace(/^#+\s*/, '').trim())) {
          w.push(options.tocTitle, 0);
          w.blank();
        }
      }
      const entry = flat(block.text.replace(/\t\s*[\divxlcIVXLC]+\s*$/, ''));
      w.push(`${'  '.repeat(Math.max(0, block.tocLevel - 1))}- ${escapeInline(entry)}`, block.paragraph);
      previous = 'toc';
      continue;
    }

    const listItem = block.number && block.headingLevel === undefined && !block.title && (block.number.format === 'bullet' || isOrderedMarker(block.number.text));
    if (listItem) {
      if (previous !== 'list') {
        w.blank();
        listIndents = [];
      }
      writeListItem(w, block, listIndents);
      previous = 'list';
      continue;
    }
    w.blank();
    w.push(paragraphLine(block, headingOffset), block.paragraph);
    previous = 'other';
  }

  if (body.footnotes.length > 0) {
    w.blank();
    for (const note of body.footnotes) {
      // Not GFM's "[^1]:" definition: the engine reads that as a link definition and would skip the text.
      w.push(`[^${note.label}] ${escapeInline(flat(note.text))}`, note.paragraph);
      w.blank();
    }
  }
  while (w.lines.length > 0 && w.lines[w.lines.length - 1] === '') (w.lines.pop(), w.paragraphs.pop());
  for (let i = 0; i < w.lines.length; i++) w.lines[i] = w.lines[i]!.replace(FOOTNOTE_MARK, '[^$1]');
  return { markdown: w.lines.length > 0 ? `${w.lines.join('\n')}\n` : '', paragraphs: w.paragraphs };
}

function numbered(block: ParagraphBlock): string {
  const text = flat(block.text);
  if (!block.number) return text;
  return `${block.number.text}${numberGap(block.number, text)}${text}`;
}

function paragraphLine(block: ParagraphBlock, headingOffset: number): string {
  const level = block.title ? 1 : block.headingLevel === undefined ? undefined : block.headingLevel + headingOffset;
  if (level !== undefined) return `${'#'.repeat(Math.min(level, 6))} ${escapeInline(numbered(block))}`;
  return escapeLine(numbered(block));
}

function writeListItem(w: Writer, block: ParagraphBlock, indents: { ilvl: number; indent: number }[]): void {
  const ilvl = block.number!.ilvl;
  while (indents.length > 0 && indents[indents.length - 1]!.ilvl >= ilvl) indents.pop();
  const indent = indents.length > 0 ? indents[indents.length - 1]!.indent : 0;
  const marker = block.number!.format === 'bullet' ? '-' : block.number!.text;
  const text = flat(block.text);
  w.push(`${' '.repeat(indent)}${marker} ${escapeInline(text).replace(/^([#>+=|-])/, '\\$1')}`, block.paragraph);
  indents.push({ ilvl, indent: indent + marker.length + 1 });
}

function writeTable(w: Writer, table: TableBlock): void {
  if (table.rows.length === 0) return;
  const first = table.rows[0]![0]?.paragraph ?? 0;
  if (table.merged) {
    // HTML keeps rowspan and colspan; the engine reads these as tables too.
    w.push('<table>', first);
    for (const row of table.rows) {
      const at = row[0]?.paragraph ?? first;
      const cells = row.map((c) => `<td${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}>${escapeHtml(c.text)}</td>`);
      w.push(`<tr>${cells.join('')}</tr>`, at);
    }
    w.push('</table>', 0);
    w.blank();
    return;
  }
  const width = table.rows.reduce((most, r) => Math.max(most, r.length), 0);
  const cell = (t: string | undefined) => (t === undefined || t === '' ? ' ' : escapeInline(t).replace(/\|/g, '\\|'));
  table.rows.forEach((row, i) => {
    const cells = Array.from({ length: width }, (_, c) => cell(row[c]?.text));
    w.push(`| ${cells.join(' | ')} |`, row[0]?.paragraph ?? first);
    if (i === 0) w.push(`|${' --- |'.repeat(width)}`, 0);
  });
  w.blank();
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export type { Block };
