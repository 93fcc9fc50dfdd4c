// The policy outline: Markdown headings and numbered plain lines (第三章, 一、,
// （二）, 1.1) folded into one tree, with the table of contents kept apart.
// Plain lines nest by the order their styles appear, as Word's multilevel lists
// do: a style seen before closes back to that level; a new style opens a child.

import type { HeadingInfo, ListItemInfo, ParsedMarkdown } from './markdown';
import { MARKUP_CONTENT } from './markup';
import { ownCopy } from './own-copy';
import type { LineIndex } from './position';
import type { Span } from './types';
import { parseMarker, styleKey, type NumberMarker } from './numbering';
import { nest } from './outline-nest';
import { findTableOfContents, type TableOfContents } from './toc';

export interface OutlineEntry {
  index: number;
  source: 'heading' | 'numbered';
  /** 0-based line. */
  line: number;
  /** The whole heading or numbered line, without Markdown markers. */
  span: Span;
  marker?: NumberMarker;
  /** Source offset of the marker's first character. */
  markerOffset: number;
  /** Heading text without its number. */
  title: string;
  titleSpan: Span;
  /** Markdown heading depth (1–6); undefined for plain numbered lines. */
  headingDepth?: number;
  /** A short line that names a section, not a clause that says something. */
  titleLike: boolean;
  /** Set when the numbered line is a Markdown list item. */
  listItem?: ListItemInfo;
  /** Nesting depth in the outline, 1-based. */
  depth: number;
  parent: number;
  children: number[];
  /** Whether any prose sits between this entry and the next one. */
  hasBody: boolean;
  /** Offset at which the section ends (the next entry at the same or a higher level). */
  sectionEnd: number;
}

export interface Outline {
  entries: OutlineEntry[];
  toc?: TableOfContents;
  /** Sibling groups by parent index (-1 = root), in document order. */
  childrenOf(parent: number): OutlineEntry[];
}

const MAX_TITLE_LENGTH = 30;
const MAX_HAN_TITLE_LENGTH = 24;
// An English full stop at the end makes a sentence too: "[Investigate](#5-investigate)." is a list item, not a title.
const SENTENCE_END = /[。！？；;!?.]\s*$|[。；;]/;
const WHITESPACE = /\s/;

/** Strips what wraps a plain line without being its text: indentation, quote markers, bold. */
function unwrapLine(raw: string): { text: string; offset: number } {
  const m = /^[\s\u3000>]*(?:\*\*|__)?/.exec(raw)!;
  let text = raw.slice(m[0].length);
  // Trailing space, then a closing ** or __, by hand: /(?:\*\*|__)?\s*$/ retries at every space of a long run (quadratic).
  text = text.trimEnd();
  if (text.endsWith('**') || text.endsWith('__')) text = text.slice(0, -2);
  return { text, offset: m[0].length };
}

function isTitleLike(title: string): boolean {
  // Most numbered lines are whole clauses: tell by counting, before copying the line.
  let characters = 0;
  let han = 0;
  for (let i = 0; i < title.length; i++) {
    const c = title.charCodeAt(i);
    const previous = title.charCodeAt(i - 1);
    if (c >= 0xdc00 && c <= 0xdfff && previous >= 0xd800 && previous <= 0xdbff) continue; // the second half of a pair
    if (c >= 0x4e00 && c <= 0x9fff) han++;
    if (!WHITESPACE.test(title[i]!) && ++characters > MAX_TITLE_LENGTH) return false;
  }
  // A Chinese character says more than a Latin letter: a title of mostly Chinese is shorter.
  if (han * 2 >= characters && characters > MAX_HAN_TITLE_LENGTH) return false;
  return !SENTENCE_END.test(title.replace(/\s+/g, ''));
}

/**
 * What a line says wherever it stands: its unwrapped text, its number and its
 * title, positions relative to the line. The editor remembers these by the
 * line's text (OutlineMemo), so a keystroke re-reads only the lines it changed.
 */
interface LineReading {
  /** Where the unwrapped text starts in the line (or in the heading's content). */
  offset: number;
  length: number;
  marker?: NumberMarker;
  title: string;
  titleLike: boolean;
}

/** A plain line with no number: prose under the current entry; a blank line: nothing. */
const PROSE = 1;
const BLANK = 0;
type PlainReading = LineReading | typeof PROSE | typeof BLANK;

/** Line readings by text, kept by the editor between keystrokes; bounded by the characters of their keys. */
export class OutlineMemo {
  readonly plain = new Map<string, PlainReading>();
  readonly heading = new Map<string, LineReading>();
  private chars = 0;

  constructor(private readonly maxChars = 16 * 1024 * 1024) {}

  /** Forgets everything once full: cheaper than tracking recency per line, and a document is re-read in one pass. */
  trim(): void {
    if (this.chars > this.maxChars) {
      this.plain.clear();
      this.heading.clear();
      this.chars = 0;
    }
  }

  remember<R>(memo: Map<string, R>, raw: string, read: (raw: string) => R): R {
    let reading = memo.get(raw);
    if (reading === undefined) {
      // A long line is read whole anyway; typing in it would make a new long key at every keystroke.
      if (raw.length > MAX_REMEMBERED_LINE) return read(raw);
      // The line is a slice of the document: kept as the key, and in the title read from it, it would keep the whole text (own-copy.ts).
      const own = ownCopy(raw);
      reading = read(own);
      memo.set(own, reading);
      this.chars += raw.length + 32;
    }
    return reading;
  }
}

const MAX_REMEMBERED_LINE = 4096;

function readLine(inner: string, offset: number, source: OutlineEntry['source'], marker = parseMarker(inner)): LineReading {
  const titleOffset = marker?.titleStart ?? 0;
  const title = inner.slice(titleOffset).replace(/(?:\*\*|__)/g, '').trim();
  return { offset, length: inner.length, marker, title, titleLike: source === 'heading' || isTitleLike(title) };
}

function readHeading(raw: string): LineReading {
  const { text: inner, offset } = unwrapLine(raw);
  return readLine(inner, offset, 'heading');
}

function readPlain(raw: string): PlainReading {
  if (raw.trim() === '') return BLANK;
  const { text: inner, offset } = unwrapLine(raw);
  // A numbered line in a block quote quotes someone else's text (第二十五条 of a law): not this document's clause.
  const quoted = /^[\s\u3000]*>/.test(raw);
  const marker = inner && !quoted ? parseMarker(inner) : undefined;
  return marker ? readLine(inner, offset, 'numbered', marker) : PROSE;
}

/** What a line gives the outline besides an entry: nothing, or content under the entry before it. */
export const SKIPPED = 0;
export const CONTENT = 1;

/**
 * What `line` gives the outline: an entry (numbered `index`), content, or nothing. `heading`: the
 * heading whose content starts on the line; `onHeadingLine`: the line is a heading's first or
 * last; `itemAt`: the first list item on each line. buildOutline reads every line so, and an
 * edit's lines are read again so (outline-moved.ts).
 */
export function readOutlineLine(
  md: ParsedMarkdown,
  lines: LineIndex,
  memo: OutlineMemo | undefined,
  line: number,
  heading: HeadingInfo | undefined,
  onHeadingLine: boolean,
  itemAt: ReadonlyMap<number, ListItemInfo>,
  index: number,
): OutlineEntry | typeof SKIPPED | typeof CONTENT {
  const markup = md.markupLines[line];
  if (markup) return markup === MARKUP_CONTENT ? CONTENT : SKIPPED;
  if (heading) {
    const raw = lines.text.slice(heading.contentSpan.start, heading.contentSpan.end);
    const reading = memo ? memo.remember(memo.heading, raw, readHeading) : readHeading(raw);
    return makeEntry(index, 'heading', line, heading.contentSpan.start, reading, heading.depth);
  }
  if (onHeadingLine) return SKIPPED; // a setext underline
  // An empty line: nothing to read (most blank lines of a long document).
  const starts = lines.lineStarts;
  if (line + 1 < starts.length && starts[line + 1]! - starts[line]! <= 2 && lines.lineText(line) === '') return SKIPPED;
  const raw = lines.lineText(line);
  const reading = memo ? memo.remember(memo.plain, raw, readPlain) : readPlain(raw);
  if (reading === BLANK) return SKIPPED;
  if (reading === PROSE) return CONTENT;
  const entry = makeEntry(index, 'numbered', line, lines.lineStart(line), reading);
  const item = itemAt.get(line);
  // A Markdown list item is a clause of its list, not a heading; a list nested in it is a level of its own.
  // Only a top-level item written as a title ("7. Feedback" in a policy converted from Word) can head a
  // section; one that introduces a sub-list ("A ticket is critical when:") or runs on ("production is
  // down, or") never does, nor does a nested item.
  if (item) {
    entry.listItem = item;
    if (item.depth > 1 || /(?:[:：,，;；]|\b(?:or|and))\s*$/.test(entry.title) || wrapsOn(lines, line, itemAt)) entry.titleLike = false;
  }
  return entry;
}

/** "3. Take into account⏎  all the subscriptions…": an item whose sentence goes on, in lower case, on the next line. */
function wrapsOn(lines: LineIndex, line: number, itemAt: ReadonlyMap<number, ListItemInfo>): boolean {
  if (line + 1 >= lines.lineCount || itemAt.has(line + 1)) return false;
  return /^\s*[a-z]/.test(lines.lineText(line + 1).slice(0, 40));
}

/** The first list item on each line, of items[from..to). */
export function listItemsByLine(items: readonly ListItemInfo[], from = 0, to = items.length): Map<number, ListItemInfo> {
  const itemAt = new Map<number, ListItemInfo>();
  for (let i = from; i < to; i++) if (!itemAt.has(items[i]!.line)) itemAt.set(items[i]!.line, items[i]!);
  return itemAt;
}

/** The outline of a whole text; `tocReach`, when given, is told the last line the table of contents' search read. */
export function buildOutline(md: ParsedMarkdown, lines: LineIndex, memo?: OutlineMemo, tocReach?: { line: number }): Outline {
  const text = lines.text;
  memo?.trim();
  // By line: the heading whose content starts there (+1, 0 for none; the last one wins), and the lines headings take.
  const headingByLine = new Int32Array(lines.lineCount);
  md.headings.forEach((h, i) => (headingByLine[lines.lineOf(h.contentSpan.start)] = i + 1));
  const headingLines = new Uint8Array(lines.lineCount);
  for (const h of md.headings) {
    headingLines[lines.lineOf(h.span.start)] = 1;
    headingLines[lines.lineOf(Math.max(h.span.start, h.span.end - 1))] = 1;
  }

  const itemAt = listItemsByLine(md.listItems);
  const entries: OutlineEntry[] = [];
  const contentLines: number[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const heading = headingByLine[line] ? md.headings[headingByLine[line]! - 1] : undefined;
    const role = readOutlineLine(md, lines, memo, line, heading, headingLines[line] === 1, itemAt, entries.length);
    if (role === CONTENT) contentLines.push(line);
    else if (role !== SKIPPED) entries.push(role);
  }

  const toc = findTableOfContents(entries, lines, md, tocReach);
  const tocLines = toc ? new Set(toc.entries.map((e) => e.line)) : new Set<number>();
  const body = entries.filter((e) => !tocLines.has(e.line) && e.line !== toc?.titleLine);
  body.forEach((e, i) => (e.index = i));
  nest(body);
  markBodies(body, contentLines.filter((l) => !tocLines.has(l)), lines, text.length);
  return outlineOf(body, toc);
}

/** An outline of these entries; its sibling groups are worked out when first asked for. */
export function outlineOf(entries: OutlineEntry[], toc: TableOfContents | undefined): Outline {
  let byParent: Map<number, OutlineEntry[]> | undefined;
  return {
    entries,
    toc,
    childrenOf(parent) {
      if (!byParent) {
        byParent = new Map();
        for (const e of entries) {
          const list = byParent.get(e.parent);
          if (list) list.push(e);
          else byParent.set(e.parent, [e]);
        }
      }
      return byParent.get(parent) ?? [];
    },
  };
}

/** An entry at `lineStart` (the line's, or the heading content's, first offset) from what its text says; outline-moved.ts's movedEntry makes one the same way. */
function makeEntry(index: number, source: OutlineEntry['source'], line: number, lineStart: number, reading: LineReading, headingDepth?: number): OutlineEntry {
  const start = lineStart + reading.offset;
  const end = start + reading.length;
  return {
    index,
    source,
    line,
    span: { start, end },
    marker: reading.marker,
    markerOffset: start,
    title: reading.title,
    titleSpan: { start: start + (reading.marker?.titleStart ?? 0), end },
    headingDepth,
    titleLike: reading.titleLike,
    depth: 1,
    parent: -1,
    children: [],
    hasBody: false,
    sectionEnd: 0,
  };
}

/** A clause, or a title that runs on after a colon ("Hours: 9–17"), is its own body. */
export function hasInlineBody(e: OutlineEntry): boolean {
  return /[:：]\s*\S/.test(e.title) || !e.titleLike;
}

/** Decides, for each entry, whether prose follows it before the next entry, and where its section ends. */
function markBodies(entries: OutlineEntry[], contentLines: number[], lines: LineIndex, textEnd: number): void {
  let c = 0;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const nextLine = i + 1 < entries.length ? entries[i + 1]!.line : Number.MAX_SAFE_INTEGER;
    while (c < contentLines.length && contentLines[c]! <= e.line) c++;
    e.hasBody = hasInlineBody(e) || (c < contentLines.length && contentLines[c]! < nextLine);
  }
  const endSection = sectionEnds(lines, textEnd);
  for (let i = entries.length - 1; i >= 0; i--) endSection(entries[i]!);
}

/**
 * Sets, for each entry it is given from the last to the first, where its section ends: at the
 * next entry at its level or higher, found with a stack of those given before (linear, however
 * deep the nesting), else at `textEnd`.
 */
export function sectionEnds(lines: LineIndex, textEnd: number): (e: OutlineEntry) => void {
  const later: OutlineEntry[] = [];
  return (e) => {
    while (later.length && later[later.length - 1]!.depth > e.depth) later.pop();
    const next = later[later.length - 1];
    e.sectionEnd = next ? lines.lineStart(next.line) : textEnd;
    later.push(e);
  };
}

/**
 * Whether an entry stands for a section rather than a list item. Markdown
 * headings always do; a plain numbered line does when most of its same-style
 * siblings have prose under them, directly or in a child (一、总则 …text… 二、渠道 …text…), not when
 * they are a run of bare items (（一）身份证明 （二）订单编号).
 */
export function isSectionLevel(outline: Outline, entry: OutlineEntry): boolean {
  if (entry.headingDepth !== undefined) return true;
  if (!entry.marker) return false;
  const tally = siblingTally(outline).get(entry.parent)?.get(styleKey(entry.marker));
  return !!tally && tally.withProse > 0 && tally.withProse * 2 >= tally.siblings;
}

const LEADS_INTO_LIST = /[:：]$/;

/** For each parent, then numbering style: how many siblings, and how many with prose. Counted once per outline. */
type SiblingTally = Map<number, Map<string, { siblings: number; withProse: number }>>;
const tallies = new WeakMap<Outline, SiblingTally>();

function siblingTally(outline: Outline): SiblingTally {
  let tally = tallies.get(outline);
  if (tally) return tally;
  tally = new Map();
  // A child with prose counts too (1. General → 1.1 This policy explains…); bare sub-items don't.
  // A list item that ends in a colon ("2. Report it privately:") leads into its sub-list: a clause, not a section.
  // A sibling that is a sentence itself ("2. 文档指导服务需要客户…，欢迎提出建议") is a clause of a list, not a section with prose.
  const hasProse = (s: OutlineEntry) => !(s.listItem && LEADS_INTO_LIST.test(s.title)) && ((s.hasBody && !(s.listItem && hasInlineBody(s))) || s.children.some((c) => outline.entries[c]?.hasBody));
  for (const s of outline.entries) {
    if (!s.marker) continue;
    let byStyle = tally.get(s.parent);
    if (!byStyle) tally.set(s.parent, (byStyle = new Map()));
    const style = styleKey(s.marker);
    let t = byStyle.get(style);
    if (!t) byStyle.set(style, (t = { siblings: 0, withProse: 0 }));
    t.siblings++;
    if (hasProse(s)) t.withProse++;
  }
  tallies.set(outline, tally);
  return tally;
}
