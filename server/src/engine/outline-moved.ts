// The outline after a keystroke, from the last one: in the editor most edits
// leave the outline as it was, moved, and building it again reads all 20,000
// lines of a 1 MB document (a slice and a memo lookup each) and makes all its
// entries anew. Here only the edit's lines are read, one line either side
// included, and the parse around them must be the same: the same headings,
// list items and code or table lines before the edit, and after it, moved.
// When those lines give entries of the same structure (source, heading depth,
// numbering style, list depth, whether they name a section), every entry keeps
// its index, depth, parent and children: entries before the edit are the same
// objects (their sections' ends moved), the edit's are read anew, those after
// it are moved. When they give other entries, the nesting is worked out again
// from the edit on (renested). Either way only the bodies of the edit's entries
// and of the one before them can have changed, and only those are looked for. Anything else, and any edit
// where the table of contents' search read, builds the outline afresh.
// test/unit/outline-moved.test.ts checks it against a fresh build.

import { firstAtLeast } from './arrays';
import { buildOutline, outlineOf, sectionEnds, type Outline, type OutlineEntry, type OutlineMemo } from './outline';
import { nest } from './outline-nest';
import { sameEntry, sameTitledEntry } from './outline-change';
import { hasBodyAt, readStretch, sameAround, sameStructure, type Stretch } from './outline-stretch';
import type { ListItemInfo, ParsedMarkdown } from './parsed-markdown';
import type { LineIndex } from './position';
import { changeBetween } from './text-change';

interface OutlineSnapshot {
  lines: LineIndex;
  md: ParsedMarkdown;
  outline: Outline;
  /** The last line the table of contents' search read. */
  tocReach: number;
}

/** The documents whose last outline is kept: those being typed into. */
const MAX_DOCUMENTS = 16;
const snapshots = new WeakMap<OutlineMemo, Map<string, OutlineSnapshot>>();

const entryLine = (e: OutlineEntry) => e.line;

/** The outline of `document`'s new parse: the last one moved when the edit allows, else built afresh. */
export function outlineFor(document: string, md: ParsedMarkdown, lines: LineIndex, memo: OutlineMemo): Outline {
  let byPath = snapshots.get(memo);
  if (!byPath) snapshots.set(memo, (byPath = new Map()));
  const last = byPath.get(document);
  let outline = last && movedOutline(last, md, lines, memo);
  const reach = { line: last?.tocReach ?? 0 };
  outline ??= buildOutline(md, lines, memo, reach);
  byPath.delete(document);
  byPath.set(document, { lines, md, outline, tocReach: reach.line });
  if (byPath.size > MAX_DOCUMENTS) byPath.delete(byPath.keys().next().value!);
  return outline;
}

/**
 * What moving an outline told of it against the last one, so that no one compares the two entry by
 * entry. A comparison left undefined was not told: make it (outline-change.ts).
 */
export interface MovedOutline {
  /** The last outline's entries. */
  from: readonly OutlineEntry[];
  /**
   * Every section is named as it was: each line outside the edit stands under headings that read
   * the same, in the same nesting (what the commitments read of the outline).
   */
  sectionsNamed: boolean;
  /**
   * The entries before this index are the last ones: the same objects, or copies that differ
   * only in their children, body and section end (the same line, title and parent). Those from
   * `firstAfter` on are the last ones from `firstAfter - shift` on, moved by the edit: the same
   * titles, their spans moved (their nesting may differ when re-nested).
   */
  firstRead: number;
  firstAfter: number;
  /** What sameTitledEntries(from, entries, change) says. */
  sameTitles?: boolean;
  /** What sameEntries(from, entries, change) says. */
  sameEntries?: boolean;
}

const movedFrom = new WeakMap<Outline, MovedOutline>();

/** What moving `outline` from the last one told of it; undefined for an outline built afresh. */
export function outlineMovedFrom(outline: Outline): MovedOutline | undefined {
  return movedFrom.get(outline);
}

/** The editor closed the document: its last outline is not kept for a next keystroke. */
export function forgetOutline(memo: OutlineMemo, document: string): void {
  snapshots.get(memo)?.delete(document);
}

function movedOutline(last: OutlineSnapshot, md: ParsedMarkdown, lines: LineIndex, memo: OutlineMemo): Outline | undefined {
  const before = last.lines;
  const change = changeBetween(before.text, lines.text);
  if (change.start === Infinity) return last.outline;
  memo.trim();
  const lineDelta = lines.lineCount - before.lineCount;
  const first = Math.max(0, Math.min(before.lineOf(change.start), lines.lineOf(change.start)) - 1);
  const lastNew = Math.min(lines.lineCount - 1, lines.lineOf(change.newEnd) + 1);
  const lastOld = Math.min(before.lineCount - 1, before.lineOf(change.newEnd - change.delta) + 1);
  if (first <= last.tocReach || lastNew - lastOld !== lineDelta) return undefined;
  // The lines around the stretch must be the same lines, those after it moved by the edit.
  if (before.lineStart(first) !== lines.lineStart(first)) return undefined;
  if (lastNew + 1 < lines.lineCount && lines.lineStart(lastNew + 1) !== before.lineStart(lastOld + 1) + change.delta) return undefined;
  const stretch: Stretch = { change, first, lastOld, lastNew, lineDelta };

  // The stretch's few lines first: an edit that changes the outline is told from them most of the time.
  const oldEntries = last.outline.entries;
  const r0 = firstAtLeast(oldEntries, first, entryLine);
  const r1 = firstAtLeast(oldEntries, lastOld + 1, entryLine);
  // A body reaching back into the table of contents' lines is not told here (they are nobody's body).
  if (r0 > 0 && oldEntries[r0 - 1]!.line <= last.tocReach) return undefined;
  const oldRead = readStretch(last.md, before, memo, first, lastOld);
  const fresh = readStretch(md, lines, memo, first, lastNew);
  if (!oldRead || !fresh || oldRead.length !== r1 - r0) return undefined;
  for (let i = 0; i < r1 - r0; i++) if (oldEntries[r0 + i]!.line !== oldRead[i]!.line) return undefined;
  if (!sameAround(last.md, md, before, lines, stretch)) return undefined;
  if (fresh.length !== r1 - r0 || !fresh.every((e, i) => sameStructure(oldEntries[r0 + i]!, e))) {
    const entries = renested(oldEntries, r0, r1, fresh, md, lines, memo, stretch);
    const outline = outlineOf(entries, last.outline.toc);
    movedFrom.set(outline, { from: oldEntries, sectionsNamed: false, firstRead: r0, firstAfter: r0 + fresh.length, ...comparisons(oldEntries, entries, r0, r1, r0 + fresh.length, stretch, true) });
    return outline;
  }

  // Where each section ends: at the text's end, or where an entry's line starts.
  const newLineOf = new Map<number, number>();
  for (let i = 0; i < r1 - r0; i++) newLineOf.set(oldEntries[r0 + i]!.line, fresh[i]!.line);
  const oldTextEnd = before.text.length;
  const sectionEnd = (end: number): number | undefined => {
    if (end === oldTextEnd) return lines.text.length;
    const line = before.lineOf(end);
    if (line < first) return end;
    if (line > lastOld) return end + change.delta;
    const moved = newLineOf.get(line);
    return moved === undefined ? undefined : lines.lineStart(moved);
  };

  const entries = oldEntries.slice();
  let namedAsBefore = true;
  for (let i = r0; i < r1; i++) {
    const o = oldEntries[i]!;
    const e = fresh[i - r0]!;
    const end = sectionEnd(o.sectionEnd);
    if (end === undefined) return undefined;
    e.index = o.index;
    e.depth = o.depth;
    e.parent = o.parent;
    e.children = o.children;
    e.sectionEnd = end;
    entries[i] = e;
    if (e.titleLike && e.title !== o.title) namedAsBefore = false;
  }
  // The sections that hold the stretch end after it: the last entry before it and its ancestors (a section runs
  // until an entry at its level or higher, so every entry between such a one and the stretch is nested in it).
  for (let i = r0 - 1; i >= 0; i = oldEntries[i]!.parent) {
    const o = oldEntries[i]!;
    const end = sectionEnd(o.sectionEnd);
    if (end === undefined) return undefined;
    if (end !== o.sectionEnd) entries[i] = movedEntry(o, o.line, 0, end, o.listItem);
  }
  if (change.delta !== 0 || lineDelta !== 0) for (let i = r1; i < entries.length; i++) entries[i] = movedAfter(oldEntries[i]!, stretch, oldEntries[i]!.sectionEnd + change.delta);
  // A body can have come or gone only for the entry before the stretch and the stretch's own.
  if (r0 > 0) {
    const body = hasBodyAt(entries, r0 - 1, md, lines, memo);
    if (body !== entries[r0 - 1]!.hasBody) {
      if (entries[r0 - 1] === oldEntries[r0 - 1]) entries[r0 - 1] = movedEntry(oldEntries[r0 - 1]!, oldEntries[r0 - 1]!.line, 0, oldEntries[r0 - 1]!.sectionEnd, oldEntries[r0 - 1]!.listItem);
      entries[r0 - 1]!.hasBody = body;
    }
  }
  for (let i = r0; i < r1; i++) entries[i]!.hasBody = hasBodyAt(entries, i, md, lines, memo);
  const outline = outlineOf(entries, last.outline.toc);
  movedFrom.set(outline, { from: oldEntries, sectionsNamed: namedAsBefore, firstRead: r0, firstAfter: r1, ...comparisons(oldEntries, entries, r0, r1, r1, stretch, false) });
  return outline;
}

/**
 * sameTitledEntries and sameEntries of the old entries and the moved ones, from the entries that
 * can differ: those read in the stretch (from r0 to r1 before, to r1New after) and the copies
 * made before it (the entry before the stretch and its ancestors). The others are the same
 * objects, or copies moved by the edit (movedAfter), which compare the same when no line moved.
 * When lines moved, every entry after the edit compares otherwise: not told. Re-nested entries
 * are never the same: there are more or fewer of them, or one nests otherwise (sameStructure
 * compares nothing sameEntry does not).
 */
function comparisons(oldEntries: readonly OutlineEntry[], entries: readonly OutlineEntry[], r0: number, r1: number, r1New: number, s: Stretch, renested: boolean): Pick<MovedOutline, 'sameTitles' | 'sameEntries'> {
  const sameEntries = renested ? false : undefined;
  if (s.lineDelta !== 0) return { sameEntries };
  const titled = (list: readonly OutlineEntry[], from: number, to: number) => list.slice(from, to).filter((e) => e.titleLike);
  const oldTitled = titled(oldEntries, r0, r1);
  const newTitled = titled(entries, r0, r1New);
  const sameTitles = oldTitled.length === newTitled.length && oldTitled.every((x, i) => sameTitledEntry(x, newTitled[i]!, s.change));
  if (renested) return { sameTitles, sameEntries };
  let same = true;
  for (let i = r0; same && i < r1; i++) same = sameEntry(oldEntries[i]!, entries[i]!, s.change);
  for (let i = r0 - 1; same && i >= 0; i = oldEntries[i]!.parent) same = sameEntry(oldEntries[i]!, entries[i]!, s.change);
  return { sameTitles, sameEntries: same };
}

/**
 * The outline when the edit's lines give other entries (`fresh`, in place of the old ones from
 * `r0` to `r1`): the entries before them kept, those after moved, and the nesting, bodies and
 * section ends worked out again from `r0` on. The entries open there (the one before and its
 * ancestors) are the only earlier ones whose children, body or section end can change: copied.
 * Once the first entry after the edit's lines is nested, the entries open are most often the
 * ones open after it before the edit: every later entry then nests as it did, and is only moved
 * (restOfOutline), instead of nested again.
 */
function renested(oldEntries: readonly OutlineEntry[], r0: number, r1: number, fresh: OutlineEntry[], md: ParsedMarkdown, lines: LineIndex, memo: OutlineMemo, s: Stretch): OutlineEntry[] {
  const entries = oldEntries.slice(0, r0);
  const open: OutlineEntry[] = [];
  for (let i = r0 - 1; i >= 0; i = oldEntries[i]!.parent) {
    const o = oldEntries[i]!;
    const copy = movedEntry(o, o.line, 0, o.sectionEnd, o.listItem);
    let kept = 0;
    while (kept < o.children.length && o.children[kept]! < r0) kept++;
    copy.children = o.children.slice(0, kept);
    entries[i] = copy;
    open.unshift(copy);
  }
  for (const e of fresh) {
    e.index = entries.length;
    entries.push(e);
  }
  const stack = open.slice();
  const first = r0 + fresh.length;
  const pushMoved = (o: OutlineEntry, sectionEnd: number) => {
    const copy = movedAfter(o, s, sectionEnd);
    copy.index = entries.length;
    copy.children = [];
    entries.push(copy);
  };
  if (r1 < oldEntries.length) pushMoved(oldEntries[r1]!, 0);
  nest(entries, r0, stack);
  const rest = r1 + 1 < oldEntries.length ? restOfOutline(oldEntries, entries, stack, r0, r1, s, lines) : undefined;
  if (!rest) {
    for (let i = r1 + 1; i < oldEntries.length; i++) pushMoved(oldEntries[i]!, 0);
    nest(entries, first + 1, stack);
  }
  // Bodies: of the entry before the edit's lines and of those read in them; the later ones' are as they were.
  for (let i = Math.max(0, r0 - 1); i < first; i++) entries[i]!.hasBody = hasBodyAt(entries, i, md, lines, memo);
  if (rest) {
    // The edit's entries, the first after them and those open before them: where the next entry at their level
    // or higher starts, among them, else in the rest (its own section end for an old entry open there).
    for (const e of [...open, ...entries.slice(r0, first + 1)]) {
      let next = Math.max(r0, e.index + 1);
      while (next <= first && entries[next]!.depth > e.depth) next++;
      e.sectionEnd = next <= first ? lines.lineStart(entries[next]!.line) : rest(e.depth);
    }
    return entries;
  }
  // Section ends, from the end as markBodies finds them; then the open entries, innermost first (every entry
  // between one of them and the edit is nested in it, so the next at its level or higher comes after).
  const endSection = sectionEnds(lines, lines.text.length);
  for (let i = entries.length - 1; i >= r0; i--) endSection(entries[i]!);
  for (let k = open.length - 1; k >= 0; k--) endSection(open[k]!);
  return entries;
}

/**
 * The entries after the first one past the edit's lines (old index `r1`), when the entries open
 * after nesting it (`stack`) are those open after it before the edit, moved: each later entry
 * then nests as it did. They are added moved, with their parents, children and section ends
 * moved too, and the open entries get back their children among them. Returns where a section of
 * the given depth that runs into them ends; undefined, adding nothing, when the open entries differ.
 */
function restOfOutline(oldEntries: readonly OutlineEntry[], entries: OutlineEntry[], stack: readonly OutlineEntry[], r0: number, r1: number, s: Stretch, lines: LineIndex): ((depth: number) => number) | undefined {
  const shift = entries.length - 1 - r1;
  const moved = (i: number) => (i < r0 ? i : i >= r1 ? i + shift : -1);
  const oldOpen: OutlineEntry[] = [];
  for (let i = r1; i >= 0; i = oldEntries[i]!.parent) oldOpen.unshift(oldEntries[i]!);
  if (oldOpen.length !== stack.length || oldOpen.some((o, k) => moved(o.index) !== stack[k]!.index)) return undefined;
  const { delta } = s.change;
  for (let i = r1 + 1; i < oldEntries.length; i++) {
    const o = oldEntries[i]!;
    const copy = movedAfter(o, s, o.sectionEnd + delta);
    copy.index = i + shift;
    copy.parent = moved(o.parent);
    copy.children = shift === 0 ? o.children : o.children.map((c) => c + shift);
    entries.push(copy);
  }
  for (let k = 0; k < stack.length; k++) for (const c of oldOpen[k]!.children) if (c > r1) stack[k]!.children.push(c + shift);
  const firstOfRest = entries[r1 + 1 + shift]!;
  // A section open after the edit ends where the old one open at its depth ended; a deeper one, where the rest begins.
  return (depth) => (depth > oldOpen.length ? lines.lineStart(firstOfRest.line) : oldOpen[depth - 1]!.sectionEnd + delta);
}

/** An entry after the stretch, moved by the edit (its list too), its section ending at `sectionEnd`. */
function movedAfter(o: OutlineEntry, s: Stretch, sectionEnd: number): OutlineEntry {
  const item = o.listItem && { line: o.listItem.line + s.lineDelta, depth: o.listItem.depth, list: s.change.map(o.listItem.list)! };
  return movedEntry(o, o.line + s.lineDelta, s.change.delta, sectionEnd, item);
}

/**
 * The entry `e` on `line`, its text moved by `delta`, its section ending at `sectionEnd`. Made as
 * outline.ts's makeEntry makes one, the same keys in the same order: every entry has one shape.
 */
function movedEntry(e: OutlineEntry, line: number, delta: number, sectionEnd: number, listItem: ListItemInfo | undefined): OutlineEntry {
  const moved: OutlineEntry = {
    index: e.index,
    source: e.source,
    line,
    span: delta === 0 ? e.span : { start: e.span.start + delta, end: e.span.end + delta },
    marker: e.marker,
    markerOffset: e.markerOffset + delta,
    title: e.title,
    titleSpan: delta === 0 ? e.titleSpan : { start: e.titleSpan.start + delta, end: e.titleSpan.end + delta },
    headingDepth: e.headingDepth,
    titleLike: e.titleLike,
    depth: e.depth,
    parent: e.parent,
    children: e.children,
    hasBody: e.hasBody,
    sectionEnd,
  };
  if (listItem) moved.listItem = listItem;
  return moved;
}
