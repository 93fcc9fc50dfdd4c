// Incremental parsing for the editor. A document is cut into chunks at lines
// where no Markdown block can continue across (a blank line, then a line that
// starts in column 0 and is not a list item, quote, table row or HTML, outside
// code fences, HTML comments and front matter). Each chunk is parsed on its
// own and cached by its text, so a keystroke re-parses one chunk and the rest
// are shifted into place. The CLI parses each document once, in the same chunks
// with a cache of its own: micromark's time grows faster than linearly with the
// number of blocks (thousands of block quotes), chunks keep it linear.

import { appendAll } from './arrays';
import type { ParseLimit } from './parse-limits';
import type { HeadingInfo, HtmlComment, ListItemInfo, ParsedMarkdown, ProseBlock } from './parsed-markdown';
import { LineIndex } from './position';
import { BLANK, spanningLines } from './spanning';
import { ownCopy } from './own-copy';
import { changeBetween, type Change } from './text-change';
import { keepMovedBlocks, keepShares, type ChunkShare } from './chunk-shares';
import type { Span } from './types';

/** Below this many characters a chunk is not cut again: smaller ones cost more in bookkeeping than they save. */
const MIN_CHUNK = 2048;
/** The documents whose last cuts are kept: those being typed into. */
const MAX_DOCUMENTS = 16;

export class ChunkCache {
  private readonly map = new Map<string, ParsedMarkdown>();
  private chars = 0;
  /** By document, its last text, its line index, where it was cut (see linesFor, cutsFor) and its last parse (keptParse). */
  private readonly last = new Map<string, { text: string; lines: LineIndex; cuts: number[]; parse?: KeptParse }>();
  /** Where each cached chunk was last placed in a document (appendParsed). */
  readonly placements: Placements = new WeakMap();

  // A cached chunk takes about 20 bytes of heap per character of its text (its blocks, headings, source maps), measured
  // typing into a 1 MB handbook: 8M characters is at most some 160 MB, and room for many versions of every open document.
  constructor(private readonly maxChars = 8 * 1024 * 1024) {}

  get(text: string): ParsedMarkdown | undefined {
    const hit = this.map.get(text);
    if (hit) {
      // Least recently used goes first: re-insert to move it to the end.
      this.map.delete(text);
      this.map.set(text, hit);
    }
    return hit;
  }

  /**
   * Where to cut `document`'s new text. The first time, as chunkBoundaries cuts it; after an edit,
   * where it was cut last time, moved by the edit, and cut again only around the edit. Cutting
   * afresh would tie every cut to all the text before it (each is counted from the one before):
   * one character typed could move every later cut, and the keystroke would re-parse the rest of
   * the document. Any line chunkBoundaries may cut at is safe, so the result is the same.
   */
  cutsFor(document: string, text: string, lines: LineIndex, inside: Uint8Array): number[] {
    const last = this.last.get(document);
    const cuts = last ? keptCuts(last.text, last.cuts, text, lines, inside) : chunkBoundaries(text, lines, inside);
    this.last.delete(document);
    this.last.set(document, { text, lines, cuts });
    if (this.last.size > MAX_DOCUMENTS) this.last.delete(this.last.keys().next().value!);
    return cuts;
  }

  /** `document`'s last parse, and the text it was made of. Asked before cutsFor, which makes the new text the last one. */
  keptParse(document: string): { text: string; parse: KeptParse } | undefined {
    const last = this.last.get(document);
    return last?.parse && { text: last.text, parse: last.parse };
  }

  /** `document`'s parse now, for the next edit (keptParse). */
  keepParse(document: string, parse: KeptParse): void {
    const last = this.last.get(document);
    if (last) last.parse = parse;
  }

  /** The document is closed: its last cuts and text go. */
  forget(document: string): void {
    this.last.delete(document);
  }

  /** The line index of `document`'s new text: its last one, edited (LineIndex.edited), when there is one. */
  linesFor(document: string, text: string): LineIndex {
    const last = this.last.get(document);
    return last ? LineIndex.edited(last.lines, text, changeBetween(last.text, text)) : new LineIndex(text);
  }

  set(text: string, parsed: ParsedMarkdown): void {
    this.map.set(text, parsed);
    this.chars += text.length;
    for (const key of this.map.keys()) {
      if (this.chars <= this.maxChars) break;
      this.map.delete(key);
      this.chars -= key.length;
    }
  }
}

// A block quote after a blank line starts afresh (no lazy continuation across a blank line), so it may open a chunk.
// Markdown's blank and indentation are spaces and tabs only: a line of U+3000 is text.
// micromark drops a U+FEFF that begins its input, so a chunk never begins with one.
const NOT_A_START = /^(?:[ \t|<*+\-\uFEFF]|\d{1,9}[.)](?:[ \t]|$))/;

/** Offsets where a new chunk may begin; `inside` is spanningLines' reading of the text, when the caller has it. */
export function chunkBoundaries(text: string, lines: LineIndex, inside = spanningLines(text, lines)): number[] {
  const cuts: number[] = [0];
  cutBetween(lines, inside, 0, lines.lineCount, cuts);
  return cuts;
}

/**
 * Whether `line` and the one before it read as they did before `change`: a cut kept there then
 * had a blank line before it and a line that may begin a block, and only what spans blank lines
 * can have changed around it (mayStart's other checks, without reading the two lines again).
 */
function textAsItWas(lines: LineIndex, change: Change, line: number): boolean {
  return line > 0 && (lines.lineStart(line - 1) >= change.newEnd || lines.lineEnd(line) < change.start);
}

/** Whether a chunk may begin at `line`: after a blank line, in column 0, outside what spans blank lines. */
function mayStart(lines: LineIndex, inside: Uint8Array, line: number): boolean {
  if (line <= 0 || inside[line] || inside[line - 1]) return false;
  const content = lines.lineText(line);
  return BLANK.test(lines.lineText(line - 1)) && !BLANK.test(content) && !NOT_A_START.test(content);
}

/** Appends the cuts of lines [from, to), counting MIN_CHUNK from the last cut in `cuts`. */
function cutBetween(lines: LineIndex, inside: Uint8Array, from: number, to: number, cuts: number[]): void {
  let last = cuts[cuts.length - 1]!;
  let previousBlank = false;
  for (let line = from; line < to; line++) {
    if (inside[line]) {
      previousBlank = false;
      continue;
    }
    const content = lines.lineText(line);
    const start = lines.lineStart(line);
    const blank = BLANK.test(content);
    if (previousBlank && !blank && !NOT_A_START.test(content) && start - last >= MIN_CHUNK) {
      cuts.push(start);
      last = start;
    }
    previousBlank = blank;
  }
}

/**
 * The last cuts moved by the edit from `before` to `text`: each one the edit did not touch and
 * that may still begin a chunk stays; between the two kept around the edit (and wherever one was
 * dropped), the text is cut again.
 */
function keptCuts(before: string, lastCuts: readonly number[], text: string, lines: LineIndex, inside: Uint8Array): number[] {
  const change = changeBetween(before, text);
  const cuts: number[] = [0];
  // The line a gap to cut again starts at, while in one: the line after the last cut kept.
  let dirtyFrom = -1;
  const startGap = () => {
    if (dirtyFrom < 0) dirtyFrom = lines.lineOf(cuts[cuts.length - 1]!) + 1;
  };
  const endGap = (line: number) => {
    if (dirtyFrom >= 0) cutBetween(lines, inside, dirtyFrom, line, cuts);
    dirtyFrom = -1;
  };
  let edited = change.start === Infinity;
  for (let i = 1; i < lastCuts.length; i++) {
    const moved = change.map(lastCuts[i]!);
    if (!edited && (moved === undefined || moved > change.newEnd)) {
      // The gap the edit is in is cut again.
      startGap();
      edited = true;
    }
    const line = moved === undefined ? -1 : lines.lineOf(moved);
    if (moved === undefined || lines.lineStart(line) !== moved || !(textAsItWas(lines, change, line) ? !inside[line] && !inside[line - 1] : mayStart(lines, inside, line))) {
      startGap();
      continue;
    }
    endGap(line);
    cuts.push(moved);
  }
  if (!edited) startGap();
  endGap(lines.lineCount);
  return cuts;
}

function shiftSpan(s: Span, by: number): Span {
  return { start: s.start + by, end: s.end + by };
}

/**
 * `parse` is told whether its text begins the document (only there is a BOM or
 * `---` front matter), the link definitions of the other chunks, and
 * spanningLines' reading of its lines: a chunk begins where no construct is
 * open, so the document's reading of those lines is the chunk's own.
 */
export type ChunkParse = (text: string, lines: LineIndex, atStart: boolean, defined: readonly string[], inside: Uint8Array) => ParsedMarkdown;

/** `document` names the text in the editor: its last cuts are kept, and moved by the next edit (ChunkCache.cutsFor). */
export function parseInChunks(text: string, lines: LineIndex, cache: ChunkCache, parse: ChunkParse, document?: string): ParsedMarkdown {
  const inside = spanningLines(text, lines);
  const earlier = document === undefined ? undefined : cache.keptParse(document);
  const cuts = document === undefined ? chunkBoundaries(text, lines, inside) : cache.cutsFor(document, text, lines, inside);
  // Each chunk is parsed with the first line of the next one after it, and what begins there is dropped:
  // remark ends a list item's raw HTML or code where that line ends it in the whole text, not at the end
  // of its input with every blank line before.
  const sizes = cuts.map((start, i) => (i + 1 < cuts.length ? cuts[i + 1]! : text.length) - start);
  const chunks = cuts.map((start, i) => text.slice(start, i + 1 < cuts.length ? lines.lineEnd(lines.lineOf(cuts[i + 1]!)) : text.length));
  // The chunks the edit did not touch have the text they had: their last parse, found by where they stand.
  const change = earlier && changeBetween(earlier.text, text);
  const untouched = earlier && untouchedChunks(change!, earlier.parse.chunks);
  const kept: KeptChunks = new Map();
  // Which chunks were the last parse's after the edit, moved: the blocks they add are the last ones, moved.
  const movedAfter: boolean[] = [];
  const parseChunk = (i: number, defined: readonly string[]) => {
    const start = cuts[i]!;
    const end = start + chunks[i]!.length;
    let parsed = defined.length === 0 ? untouched?.(start, end) : undefined;
    if (parsed) {
      kept.set(start, { end, parsed });
      movedAfter[i] = start >= change!.newEnd;
      return parsed;
    }
    // The first chunk is cached apart (the same text further on does not begin the document), and so is a chunk told
    // definitions. The context's length leads the key, so no text can pass for another context's.
    const context = `${i === 0 ? 's' : 'n'}${defined.join('\u0000')}`;
    const prefix = `${context.length}:${context}`;
    parsed = cache.get(prefix + chunks[i]);
    if (!parsed) {
      // The key and what is parsed from the chunk (every block's text) hold the chunk: kept by the editor's
      // cache, a slice of the text would keep that keystroke's whole text (own-copy.ts).
      const chunk = document === undefined ? chunks[i]! : ownCopy(chunks[i]!);
      const chunkLines = new LineIndex(chunk);
      const firstLine = lines.lineOf(cuts[i]!);
      parsed = parse(chunk, chunkLines, i === 0, defined, inside.subarray(firstLine, firstLine + chunkLines.lineCount));
      cache.set(prefix + chunk, parsed);
    }
    if (defined.length === 0) kept.set(start, { end, parsed });
    return parsed;
  };
  const parsed = chunks.map((_, i) => parseChunk(i, []));
  // A reference resolves against a definition anywhere: a chunk with one and without its definition is parsed again, told them all.
  const defined = [...new Set(parsed.flatMap((p) => p.definitions ?? []))].sort();
  const toldDefinitions = defined.length > 0 && chunks.length > 1;
  if (toldDefinitions) {
    parsed.forEach((p, i) => {
      if (chunks[i]!.includes('[') && defined.some((d) => !p.definitions?.includes(d))) parsed[i] = parseChunk(i, defined);
    });
  }
  const result = emptyParse(lines.lineCount);
  const placements = document === undefined ? undefined : cache.placements;
  // The chunks from `firstMoved` on are the last parse's last ones, moved; unless a chunk was parsed told definitions.
  let firstMoved = chunks.length;
  while (!toldDefinitions && earlier && !earlier.parse.toldDefinitions && firstMoved > 0 && movedAfter[firstMoved - 1]) firstMoved--;
  let movedFromBlock = -1;
  const shares: ChunkShare[] = [];
  parsed.forEach((p, i) => {
    if (i === firstMoved) movedFromBlock = result.prose.length;
    const until = i + 1 < cuts.length ? sizes[i]! : Infinity;
    shares.push({ parsed: p, until, prose: appendParsed(result, p, cuts[i]!, lines, until, placements) });
  });
  keepShares(result, shares);
  if (earlier) keepMovedBlocks(result, earlier.parse.result, movedFromBlock >= 0 ? movedFromBlock : undefined);
  if (document !== undefined) cache.keepParse(document, { chunks: kept, result, toldDefinitions });
  return result;
}

/** A document's last parse, as the next keystroke reads it: its chunks' parses and the whole, and whether a chunk was parsed told definitions. */
interface KeptParse {
  chunks: KeptChunks;
  result: ParsedMarkdown;
  toldDefinitions: boolean;
}

/** A document's chunks parsed told no definitions, by where each starts: where its text ends, and its parse. */
type KeptChunks = Map<number, { end: number; parsed: ParsedMarkdown }>;

/**
 * The last parse of the chunk [start, end) of the new text when the edit (`change`) left its text
 * as it was: it ends before the change, or starts after it (moved by it), and was a chunk of the
 * last text there. Whether it begins the document must be the same too.
 */
function untouchedChunks(change: Change, chunks: KeptChunks): (start: number, end: number) => ParsedMarkdown | undefined {
  return (start, end) => {
    const from = end <= change.start ? start : start >= change.newEnd ? start - change.delta : -1;
    if (from < 0 || (from === 0) !== (start === 0)) return undefined;
    const chunk = chunks.get(from);
    return chunk && chunk.end === from + (end - start) ? chunk.parsed : undefined;
  };
}

export function emptyParse(lineCount: number): ParsedMarkdown {
  return { headings: [], listItems: [], prose: [], comments: [], markupLines: new Uint8Array(lineCount) };
}

/** A chunk's parse moved to its place in a document: what appendParsed adds of it. */
interface Placement {
  start: number;
  firstLine: number;
  until: number;
  headings: HeadingInfo[];
  listItems: ListItemInfo[];
  prose: ProseBlock[];
  comments: HtmlComment[];
  limits: ParseLimit[];
}

/** Each chunk's last placement, in the editor: a keystroke leaves most chunks where they were. */
export type Placements = WeakMap<ParsedMarkdown, Placement>;

/**
 * Appends the parse of a part of the text that starts at `start`, moved to its
 * place in the whole; with `until` (an offset in the part), only what begins
 * before it. With `placements`, a part placed where it was last time adds the
 * same objects as then instead of moving each again. Returns the blocks it added.
 */
export function appendParsed(result: ParsedMarkdown, parsed: ParsedMarkdown, start: number, lines: LineIndex, until = Infinity, placements?: Placements): readonly ProseBlock[] {
  const firstLine = lines.lineOf(start);
  // A part ends with its line break, so its last "line" is empty and belongs to the next part.
  const partLines = Math.min(parsed.markupLines.length, lines.lineCount - firstLine, until === Infinity ? Infinity : lines.lineOf(start + until) - firstLine);
  if (partLines > 0) result.markupLines.set(parsed.markupLines.subarray(0, partLines), firstLine);
  let placed = placements?.get(parsed);
  if (!placed || placed.start !== start || placed.firstLine !== firstLine || placed.until !== until) {
    placed = place(parsed, start, firstLine, partLines, until);
    placements?.set(parsed, placed);
  }
  appendAll(result.headings, placed.headings);
  appendAll(result.listItems, placed.listItems);
  appendAll(result.prose, placed.prose);
  appendAll(result.comments, placed.comments);
  if (placed.limits.length) appendAll((result.limits ??= []), placed.limits);
  if (parsed.frontMatter && start === 0) result.frontMatter = parsed.frontMatter;
  if (parsed.definitions) (result.definitions ??= []).push(...parsed.definitions);
  return placed.prose;
}

function place(parsed: ParsedMarkdown, start: number, firstLine: number, partLines: number, until: number): Placement {
  const before = (span: Span) => span.start < until;
  const placed: Placement = { start, firstLine, until, headings: [], listItems: [], prose: [], comments: [], limits: [] };
  for (const h of parsed.headings) if (before(h.span)) placed.headings.push(shiftHeading(h, start));
  for (const item of parsed.listItems) if (item.line < partLines) placed.listItems.push(start === 0 ? item : { line: item.line + firstLine, depth: item.depth, list: item.list + start });
  for (const b of parsed.prose) if (before(b.span)) placed.prose.push(start === 0 ? b : b.shifted(start));
  for (const c of parsed.comments) if (before(c.span)) placed.comments.push(shiftComment(c, start));
  for (const limit of parsed.limits ?? []) if (before(limit.span)) placed.limits.push(start === 0 ? limit : { ...limit, span: shiftSpan(limit.span, start) });
  return placed;
}

function shiftHeading(h: HeadingInfo, by: number): HeadingInfo {
  return by === 0 ? h : { ...h, span: shiftSpan(h.span, by), contentSpan: shiftSpan(h.contentSpan, by) };
}

function shiftComment(c: HtmlComment, by: number): HtmlComment {
  return by === 0 ? c : { ...c, span: shiftSpan(c.span, by) };
}
