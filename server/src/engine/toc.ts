// The table of contents: a 目录 / Contents title followed by short entry lines
// (links, list items, numbered lines, lines with dot leaders and page numbers).
// It ends at a Markdown heading, at prose, or where the body starts repeating
// an entry. Its entries never count as sections of the body.

import type { ParsedMarkdown } from './markdown';
import type { LineIndex } from './position';
import type { Span } from './types';
import { parseMarker, type NumberMarker } from './numbering';

export interface TocEntry {
  line: number;
  span: Span;
  title: string;
  marker?: NumberMarker;
  /** The title's key without a trailing page number ("Complaints ..... 5", "Complaints 5"). */
  key: string;
  /** The title's key as written: "Stage 2" with no page numbers in the table is stage two, not page two. */
  fullKey: string;
}

export interface TableOfContents {
  titleLine: number;
  entries: TocEntry[];
}

const TOC_TITLE = /^(?:目\s*录|目\s*次|contents|table\s+of\s+contents)$/i;
const MAX_ENTRY_LENGTH = 60;

const LEADER = /[.…·・\-_—\s]/;
const SPACE = /\s/;
const DIGIT = /\d/;

/** Where `text` ends without `[.…·・-_—\s]{2,}\d*\s*$` and then `\s+\d+\s*$`, scanned from the end by hand: those regexes retry at every space of a long run. */
function withoutPageNumber(text: string): number {
  const runStart = (end: number, test: RegExp) => {
    let i = end;
    while (i > 0 && test.test(text[i - 1]!)) i--;
    return i;
  };
  let end = text.length;
  let numbered = false;
  // Leader dots, then an optional page number, then optional spaces.
  const spaces = runStart(end, SPACE);
  const digits = runStart(spaces, DIGIT);
  if (digits < spaces) {
    const leader = runStart(digits, LEADER);
    if (digits - leader >= 2) {
      end = leader;
      numbered = true;
    } else if (text.length - spaces >= 2) end = spaces;
  } else {
    const leader = runStart(text.length, LEADER);
    if (text.length - leader >= 2) end = leader;
  }
  // A page number after a space, unless the leader had one: "Stage 2 ..... 5" is stage two on page five.
  if (numbered) return end;
  const spaces2 = runStart(end, SPACE);
  const digits2 = runStart(spaces2, DIGIT);
  if (digits2 < spaces2) {
    const before = runStart(digits2, SPACE);
    if (before < digits2) end = before;
  }
  return end;
}

/** Keys already computed, by title: the editor asks again for every heading at every keystroke, and NFKC is not cheap. */
const keyMemo = new Map<string, string>();
const KEY_MEMO_ENTRIES = 50_000;
/** Longer titles are clauses: rarely asked for again, and not worth their memory. */
const KEY_MEMO_TITLE = 200;

/** The comparable form of a heading: no spaces, punctuation, page numbers or case. */
export function headingKey(title: string): string {
  if (title.length > KEY_MEMO_TITLE) return computeHeadingKey(title);
  let key = keyMemo.get(title);
  if (key === undefined) {
    key = computeHeadingKey(title);
    if (keyMemo.size >= KEY_MEMO_ENTRIES) keyMemo.clear();
    keyMemo.set(title, key);
  }
  return key;
}

function computeHeadingKey(title: string): string {
  return keyOf(title.normalize('NFKC'));
}

/** A table of contents entry's key without its page number, and as written. */
function entryKeys(title: string): { key: string; fullKey: string } {
  const text = title.normalize('NFKC');
  return { key: keyOf(text.slice(0, withoutPageNumber(text))), fullKey: keyOf(text) };
}

function keyOf(text: string): string {
  // "Platinum+" is not "Platinum": plus and hash are part of a name.
  return text.replace(/(?![+#])[\s\p{P}\p{S}]/gu, '').toLowerCase();
}

/** The visible text of a line that might be a TOC entry, with its offset in the line. */
function entryText(raw: string): { text: string; offset: number } {
  const m = /^[\s\u3000>]*(?:[-*+][\s\u3000]+)?(?:\*\*|__)?(?:\[)?/.exec(raw)!;
  let text = raw.slice(m[0].length);
  text = text.replace(/\]\([^)]*\)/, '').replace(/\]\[[^\]]*\]/, '').trimEnd();
  // A closing ** or __ by hand: /(?:\*\*|__)?\s*$/ retries at every space of a long run.
  if (text.endsWith('**') || text.endsWith('__')) text = text.slice(0, -2);
  return { text, offset: m[0].length };
}

function isEntryLike(text: string): boolean {
  return text.length > 0 && [...text].length <= MAX_ENTRY_LENGTH && !/[。；;！？]/.test(text);
}

/**
 * The table of contents among these outline entries, if there is one. `reach`, when given, is told
 * the last line the search read: an edit after it leaves the table of contents as it was.
 */
export function findTableOfContents(
  entries: { line: number; headingDepth?: number }[],
  lines: LineIndex,
  md: ParsedMarkdown,
  reach: { line: number } = { line: 0 },
): TableOfContents | undefined {
  const headingLines = new Set(entries.filter((e) => e.headingDepth !== undefined).map((e) => e.line));
  const titleLine = findTitleLine(lines, md);
  // Without a title, every line up to the search's limit was read.
  reach.line = titleLine ?? Math.min(lines.lineCount, TITLE_SEARCH_LINES) - 1;
  if (titleLine === undefined) return undefined;

  const toc: TableOfContents = { titleLine, entries: [] };
  const seen = new Set<string>();
  for (let line = titleLine + 1; line < lines.lineCount; line++) {
    reach.line = Math.max(reach.line, line);
    if (md.markupLines[line]) break;
    const raw = lines.lineText(line);
    if (raw.trim() === '') continue;
    if (headingLines.has(line)) break;
    const { text, offset } = entryText(raw);
    if (!isEntryLike(text)) break;
    const marker = parseMarker(text);
    const title = text.slice(marker?.titleStart ?? 0).trim();
    const { key, fullKey } = entryKeys(title || text);
    if (!key || seen.has(fullKey)) break;
    // An entry is followed by another entry; a body heading is followed by prose.
    const next = nextNonBlank(lines, line + 1);
    reach.line = Math.max(reach.line, next ?? lines.lineCount - 1);
    if (next !== undefined && !headingLines.has(next) && !md.markupLines[next] && !isEntryLike(entryText(lines.lineText(next)).text)) break;
    seen.add(fullKey);
    const start = lines.lineStart(line) + offset;
    toc.entries.push({ line, span: { start, end: start + text.length }, title: title || text, marker, key, fullKey });
  }
  return toc.entries.length > 0 ? toc : undefined;
}

/** A TOC stands near the top; looking further only finds the word 目录 in prose. */
const TITLE_SEARCH_LINES = 200;

function findTitleLine(lines: LineIndex, md: ParsedMarkdown): number | undefined {
  const limit = Math.min(lines.lineCount, TITLE_SEARCH_LINES);
  for (let line = 0; line < limit; line++) {
    if (md.markupLines[line]) continue;
    const t = lines
      .lineText(line)
      .replace(/^[\s\u3000>#]*/, '')
      .replace(/\*\*|__/g, '')
      .trim();
    if (TOC_TITLE.test(t)) return line;
  }
  return undefined;
}

function nextNonBlank(lines: LineIndex, from: number): number | undefined {
  for (let line = from; line < lines.lineCount; line++) if (lines.lineText(line).trim() !== '') return line;
  return undefined;
}
