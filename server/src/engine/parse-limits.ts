// What remark is not given. micromark takes time that grows with the square
// (or worse) of some shapes: containers nested in one line (`> > > …`,
// `- - - …`) and long runs of unmatched emphasis or link openers (`*a*a*a…`,
// `[a](` repeated); a 5 MB run of `[` took minutes and gigabytes. A block
// (lines between blank lines) with such a shape beyond these limits is not
// parsed as Markdown: the parser sees blanks in its place, its text is read
// as one plain paragraph, and the markdown-limit rule says so.

import type { Span } from './types';

/** Containers opened on one line (`>`, `-`, `1.`): real documents nest a handful. */
export const MAX_NESTING = 32;
/**
 * Emphasis and link openers in one paragraph: runs of `*` or `_` (a `____` blank is one) and `[`. In a table
 * row each cell counts alone, as it is parsed alone; a list item or quote starts a new count.
 */
export const MAX_INLINE_OPENERS = 100;

/** Front matter beyond this is not parsed: the YAML parser checks duplicate keys in time that grows with the square of their number. */
export const MAX_FRONT_MATTER_LINES = 1000;

export type LimitReason = 'nesting' | 'inline' | 'front-matter';

export interface ParseLimit {
  span: Span;
  reason: LimitReason;
  /** How deep, how many openers or lines: what went over the limit. */
  count: number;
}

export const LIMIT_OF: Record<LimitReason, number> = { nesting: MAX_NESTING, inline: MAX_INLINE_OPENERS, 'front-matter': MAX_FRONT_MATTER_LINES };

/** Lines of a front matter, counted without splitting it. */
export function lineCount(raw: string): number {
  let n = 1;
  for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) === 0x0a) n++;
  return n;
}

const CONTAINER = /^[ \t]{0,3}(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;
const BLANK = /^[ \t]*$/;

/** How many containers a line opens before its text. */
function nestingOf(line: string): number {
  let depth = 0;
  let rest = line;
  for (let m = CONTAINER.exec(rest); m && m[0].length > 0; m = CONTAINER.exec(rest)) {
    depth++;
    if (depth > MAX_NESTING) return depth;
    rest = rest.slice(m[0].length);
  }
  return depth;
}

function openersOf(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x5b) n++; // [
    else if ((c === 0x2a || c === 0x5f) && line.charCodeAt(i - 1) !== c) n++; // the first * or _ of a run
  }
  return n;
}

/** The blocks of `text` that go over a limit, in order. Linear in the text. */
export function findParseLimits(text: string): ParseLimit[] {
  const limits: ParseLimit[] = [];
  let blockStart = -1;
  // The most openers one paragraph of the block has, and the count of the paragraph being read.
  let openers = 0;
  let paragraph = 0;
  let deepest = 0;
  const close = (end: number) => {
    if (blockStart < 0) return;
    openers = Math.max(openers, paragraph);
    if (deepest > MAX_NESTING) limits.push({ span: { start: blockStart, end }, reason: 'nesting', count: deepest });
    else if (openers > MAX_INLINE_OPENERS) limits.push({ span: { start: blockStart, end }, reason: 'inline', count: openers });
    blockStart = -1;
    openers = paragraph = deepest = 0;
  };
  let start = 0;
  for (;;) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) end++;
    const line = text.slice(start, end);
    if (BLANK.test(line)) close(start);
    else {
      if (blockStart < 0) blockStart = start;
      const nesting = nestingOf(line);
      deepest = Math.max(deepest, nesting);
      if (line.includes('|')) {
        // A table row: each cell is parsed alone, so the fullest cell counts.
        openers = Math.max(openers, paragraph);
        for (const cell of line.split('|')) openers = Math.max(openers, openersOf(cell));
        paragraph = 0;
      } else {
        if (nesting > 0) {
          openers = Math.max(openers, paragraph);
          paragraph = 0;
        }
        paragraph += openersOf(line);
      }
    }
    if (end >= text.length) break;
    start = end + (text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? 2 : 1);
  }
  close(text.length);
  return limits;
}

/** `text` with each limited block blanked out (line breaks kept, so offsets and lines stay). */
export function blankOut(text: string, limits: readonly ParseLimit[]): string {
  if (limits.length === 0) return text;
  let out = '';
  let at = 0;
  for (const { span } of limits) {
    out += text.slice(at, span.start) + text.slice(span.start, span.end).replace(/[^\r\n]/g, ' ');
    at = span.end;
  }
  return out + text.slice(at);
}
