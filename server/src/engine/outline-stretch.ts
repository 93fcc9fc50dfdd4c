// What the lines an edit touched read, one line either side, before and after
// it (outline-moved.ts): the entries they give, whether an entry has a body,
// and whether the parse around them is the same, moved.

import { firstAtLeast } from './arrays';
import { styleKey } from './numbering';
import { CONTENT, hasInlineBody, listItemsByLine, readOutlineLine, SKIPPED, type OutlineEntry, type OutlineMemo } from './outline';
import type { HeadingInfo, ListItemInfo, ParsedMarkdown } from './parsed-markdown';
import type { LineIndex } from './position';
import type { Change } from './text-change';

const NO_ITEMS: ReadonlyMap<number, ListItemInfo> = new Map();

/** The lines an edit touched, one either side: [first, lastOld] in the old text, [first, lastNew] in the new. */
export interface Stretch {
  change: Change;
  first: number;
  lastOld: number;
  lastNew: number;
  lineDelta: number;
}

/** Whether entries[i] has a body: its own (hasInlineBody), or content before the next entry. */
export function hasBodyAt(entries: readonly OutlineEntry[], i: number, md: ParsedMarkdown, lines: LineIndex, memo: OutlineMemo): boolean {
  const e = entries[i]!;
  return hasInlineBody(e) || anyContent(md, lines, memo, e.line + 1, (i + 1 < entries.length ? entries[i + 1]!.line : lines.lineCount) - 1);
}

/** The entries a stretch of lines gives, in order; undefined when a heading reaches out of it. */
export function readStretch(md: ParsedMarkdown, lines: LineIndex, memo: OutlineMemo, from: number, to: number): OutlineEntry[] | undefined {
  const headingAt = new Map<number, HeadingInfo>();
  const headingLines = new Set<number>();
  for (let i = firstAtLeast(md.headings, lines.lineStart(from), (h) => h.span.end); i < md.headings.length; i++) {
    const h = md.headings[i]!;
    const start = lines.lineOf(h.span.start);
    if (start > to) break;
    const end = lines.lineOf(Math.max(h.span.start, h.span.end - 1));
    // A heading reaching out of the stretch (a setext underline typed under a paragraph) changes lines outside it.
    if (start < from || end > to) return undefined;
    headingAt.set(lines.lineOf(h.contentSpan.start), h);
    headingLines.add(start).add(end);
  }
  const firstItem = firstAtLeast(md.listItems, from, (item) => item.line);
  const itemAt = listItemsByLine(md.listItems, firstItem, firstAtLeast(md.listItems, to + 1, (item) => item.line));
  const entries: OutlineEntry[] = [];
  for (let line = from; line <= to; line++) {
    const role = readOutlineLine(md, lines, memo, line, headingAt.get(line), headingLines.has(line), itemAt, -1);
    if (role !== CONTENT && role !== SKIPPED) entries.push(role);
  }
  return entries;
}

/** Whether a line from `from` to `to` (both included) gives content: lines between two entries. */
function anyContent(md: ParsedMarkdown, lines: LineIndex, memo: OutlineMemo, from: number, to: number): boolean {
  for (let line = from; line <= to; line++) {
    const hs = md.headings;
    const i = firstAtLeast(hs, lines.lineStart(line), (h) => h.span.end);
    let heading: HeadingInfo | undefined;
    let onHeadingLine = false;
    const h = hs[i];
    if (h && lines.lineOf(h.span.start) <= line) {
      onHeadingLine = line === lines.lineOf(h.span.start) || line === lines.lineOf(Math.max(h.span.start, h.span.end - 1));
      if (lines.lineOf(h.contentSpan.start) === line) heading = h;
    }
    const role = readOutlineLine(md, lines, memo, line, heading, onHeadingLine, NO_ITEMS, -1);
    // An entry here would contradict the outline: say no, and the outline is built afresh.
    if (role !== SKIPPED) return role === CONTENT;
  }
  return false;
}

/** Whether an entry read anew nests as the old one did and still names a section, or not, as it did. */
export function sameStructure(a: OutlineEntry, b: OutlineEntry): boolean {
  return (
    a.source === b.source &&
    a.headingDepth === b.headingDepth &&
    a.titleLike === b.titleLike &&
    (a.marker && styleKey(a.marker)) === (b.marker && styleKey(b.marker)) &&
    a.listItem?.depth === b.listItem?.depth
  );
}

/** The parse outside the stretch: the same code and table lines, headings and list items, those after it moved. */
export function sameAround(a: ParsedMarkdown, b: ParsedMarkdown, before: LineIndex, lines: LineIndex, s: Stretch): boolean {
  const { change, first, lastOld, lastNew } = s;
  const am = a.markupLines;
  const bm = b.markupLines;
  if (am.length - lastOld !== bm.length - lastNew) return false;
  for (let l = 0; l < first; l++) if (am[l] !== bm[l]) return false;
  for (let l = lastNew + 1; l < bm.length; l++) if (bm[l] !== am[l - s.lineDelta]) return false;

  const startAfterOld = lastOld + 1 < before.lineCount ? before.lineStart(lastOld + 1) : Infinity;
  const startAfterNew = lastNew + 1 < lines.lineCount ? lines.lineStart(lastNew + 1) : Infinity;
  const stretchStart = lines.lineStart(first);
  // Headings wholly before the stretch, then those after it; the ones in it are read with its lines.
  const ha = a.headings;
  const hb = b.headings;
  const hBefore = firstAtLeast(ha, stretchStart, (h) => h.span.end);
  if (hBefore !== firstAtLeast(hb, stretchStart, (h) => h.span.end)) return false;
  for (let i = 0; i < hBefore; i++) if (!sameHeading(ha[i]!, hb[i]!, 0)) return false;
  const hAfterOld = firstAtLeast(ha, startAfterOld, (h) => h.span.start);
  const hAfterNew = firstAtLeast(hb, startAfterNew, (h) => h.span.start);
  if (ha.length - hAfterOld !== hb.length - hAfterNew) return false;
  for (let i = hAfterOld, j = hAfterNew; i < ha.length; i++, j++) if (!sameHeading(ha[i]!, hb[j]!, change.delta)) return false;

  const la = a.listItems;
  const lb = b.listItems;
  const iBefore = firstAtLeast(la, first, (item) => item.line);
  if (iBefore !== firstAtLeast(lb, first, (item) => item.line)) return false;
  for (let i = 0; i < iBefore; i++) if (la[i]!.line !== lb[i]!.line || la[i]!.depth !== lb[i]!.depth || la[i]!.list !== lb[i]!.list) return false;
  const iAfterOld = firstAtLeast(la, lastOld + 1, (item) => item.line);
  const iAfterNew = firstAtLeast(lb, lastNew + 1, (item) => item.line);
  if (la.length - iAfterOld !== lb.length - iAfterNew) return false;
  for (let i = iAfterOld, j = iAfterNew; i < la.length; i++, j++) {
    const x = la[i]!;
    const y = lb[j]!;
    if (x.line + s.lineDelta !== y.line || x.depth !== y.depth || change.map(x.list) !== y.list) return false;
  }
  return true;
}

function sameHeading(a: HeadingInfo, b: HeadingInfo, delta: number): boolean {
  return (
    a.depth === b.depth &&
    a.setext === b.setext &&
    a.span.start + delta === b.span.start &&
    a.span.end + delta === b.span.end &&
    a.contentSpan.start + delta === b.contentSpan.start &&
    a.contentSpan.end + delta === b.contentSpan.end
  );
}
