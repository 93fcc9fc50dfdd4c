// Incremental parsing for the editor. A document is cut into chunks at lines
// where no Markdown block can continue across (a blank line, then a line that
// starts in column 0 and is not a list item, quote, table row or HTML, outside
// code fences, HTML comments and front matter). Each chunk is parsed on its
// own and cached by its text, so a keystroke re-parses one chunk and the rest
// are shifted into place. The CLI parses each document once, in the same chunks
// with a cache of its own: micromark's time grows faster than linearly with the
// number of blocks (thousands of block quotes), chunks keep it linear.

import type { HeadingInfo, HtmlComment, ParsedMarkdown } from './parsed-markdown';
import { LineIndex } from './position';
import type { Span } from './types';

/** Below this many characters a chunk is not cut again: smaller ones cost more in bookkeeping than they save. */
const MIN_CHUNK = 2048;

export class ChunkCache {
  private readonly map = new Map<string, ParsedMarkdown>();
  private chars = 0;

  constructor(private readonly maxChars = 32 * 1024 * 1024) {}

  get(text: string): ParsedMarkdown | undefined {
    const hit = this.map.get(text);
    if (hit) {
      // Least recently used goes first: re-insert to move it to the end.
      this.map.delete(text);
      this.map.set(text, hit);
    }
    return hit;
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

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// A block quote after a blank line starts afresh (no lazy continuation across a blank line), so it may open a chunk.
const NOT_A_START = /^(?:[\s|<*+-]|\d{1,9}[.)](?:\s|$))/;

/** Offsets where a new chunk may begin. */
export function chunkBoundaries(text: string, lines: LineIndex): number[] {
  const cuts: number[] = [0];
  let fence: string | undefined;
  let inComment = false;
  let last = 0;
  let previousBlank = false;
  let line = 0;
  if (/^\uFEFF?---\r?\n/.test(text)) {
    // Front matter: no cut until its closing line.
    for (line = 1; line < lines.lineCount && !/^(?:---|\.\.\.)\s*$/.test(lines.lineText(line)); line++);
    line++;
  }
  for (; line < lines.lineCount; line++) {
    const content = lines.lineText(line);
    const start = lines.lineStart(line);
    if (fence) {
      if (new RegExp(`^ {0,3}${fence[0]}{${fence.length},}\\s*$`).test(content)) fence = undefined;
      previousBlank = false;
      continue;
    }
    if (inComment) {
      if (content.includes('-->')) inComment = false;
      previousBlank = false;
      continue;
    }
    const blank = content.trim() === '';
    if (previousBlank && !blank && !NOT_A_START.test(content) && start - last >= MIN_CHUNK) {
      cuts.push(start);
      last = start;
    }
    const f = FENCE.exec(content);
    if (f) fence = f[1]!;
    const open = content.lastIndexOf('<!--');
    if (open >= 0 && content.indexOf('-->', open + 4) < 0) inComment = true;
    previousBlank = blank;
  }
  return cuts;
}

function shiftSpan(s: Span, by: number): Span {
  return { start: s.start + by, end: s.end + by };
}

export function parseInChunks(text: string, lines: LineIndex, cache: ChunkCache, parse: (text: string, lines: LineIndex) => ParsedMarkdown): ParsedMarkdown {
  const cuts = chunkBoundaries(text, lines);
  const result: ParsedMarkdown = { headings: [], listItems: [], prose: [], comments: [], markupLines: new Uint8Array(lines.lineCount) };
  for (let i = 0; i < cuts.length; i++) {
    const start = cuts[i]!;
    const end = i + 1 < cuts.length ? cuts[i + 1]! : text.length;
    const chunk = text.slice(start, end);
    let parsed = cache.get(chunk);
    if (!parsed) {
      parsed = parse(chunk, new LineIndex(chunk));
      cache.set(chunk, parsed);
    }
    const firstLine = lines.lineOf(start);
    // A chunk ends with its line break, so its last "line" is empty and belongs to the next chunk.
    const chunkLines = Math.min(parsed.markupLines.length, lines.lineCount - firstLine);
    for (let l = 0; l < chunkLines; l++) if (parsed.markupLines[l]) result.markupLines[firstLine + l] = parsed.markupLines[l]!;
    for (const h of parsed.headings) result.headings.push(shiftHeading(h, start));
    for (const item of parsed.listItems) result.listItems.push(start === 0 ? item : { line: item.line + firstLine, depth: item.depth, list: item.list + start });
    for (const b of parsed.prose) result.prose.push(start === 0 ? b : b.shifted(start));
    for (const c of parsed.comments) result.comments.push(shiftComment(c, start));
    if (parsed.frontMatter && start === 0) result.frontMatter = parsed.frontMatter;
    for (const limit of parsed.limits ?? []) (result.limits ??= []).push(start === 0 ? limit : { ...limit, span: shiftSpan(limit.span, start) });
  }
  return result;
}

function shiftHeading(h: HeadingInfo, by: number): HeadingInfo {
  return by === 0 ? h : { ...h, span: shiftSpan(h.span, by), contentSpan: shiftSpan(h.contentSpan, by) };
}

function shiftComment(c: HtmlComment, by: number): HtmlComment {
  return by === 0 ? c : { ...c, span: shiftSpan(c.span, by) };
}
