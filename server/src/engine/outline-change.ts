// Whether an outline is the one of the last version of its text, moved by an
// edit (engine/text-change.ts): the same entries (or the same titled ones), on
// the same lines, with the same numbers, section titles and nesting, each
// offset where the edit put it. What the editor carries over from the last
// analysis (findings of the rules that read the outline, commitments read under
// its headings) holds only then. The text of a numbered clause that names no
// section ("3. 一般工单由一线客服受理…") is not compared, nor where it ends:
// nothing carried over reads them, and in a document of numbered clauses nearly
// every keystroke is in one.

import type { NumberMarker } from './numbering';
import type { OutlineEntry } from './outline';
import type { ListItemInfo } from './parsed-markdown';
import type { Change } from './text-change';
import type { Span } from './types';

/** The last comparison: the outline rules' findings and the commitments ask the same one at each keystroke. */
let last: { before: readonly OutlineEntry[]; after: readonly OutlineEntry[]; change: Change; same: boolean } | undefined;

export function sameEntries(before: readonly OutlineEntry[], after: readonly OutlineEntry[], change: Change): boolean {
  if (last && last.before === before && last.after === after && last.change === change) return last.same;
  let same = before.length === after.length;
  for (let i = 0; same && i < after.length; i++) same = sameEntry(before[i]!, after[i]!, change);
  last = { before, after, change, same };
  return same;
}

/** Drops the last comparison (and the two outlines it compared): the editor closed a document. */
export function forgetLastComparison(): void {
  last = undefined;
}

/** The same for the entries that name a section only: their titles, levels and places. */
export function sameTitledEntries(before: readonly OutlineEntry[], after: readonly OutlineEntry[], change: Change): boolean {
  // Side by side, skipping the clauses: no copy of either outline.
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < before.length && !before[i]!.titleLike) i++;
    while (j < after.length && !after[j]!.titleLike) j++;
    if (i === before.length || j === after.length) return i === before.length && j === after.length;
    if (!sameTitledEntry(before[i++]!, after[j++]!, change)) return false;
  }
}

/** Two entries that name a section, as sameTitledEntries compares them. */
export function sameTitledEntry(x: OutlineEntry, y: OutlineEntry, change: Change): boolean {
  return x.line === y.line && x.title === y.title && x.headingDepth === y.headingDepth && sameMarker(x.marker, y.marker) && moved(x.span, y.span, change) && moved(x.titleSpan, y.titleSpan, change);
}

/** Two entries, as sameEntries compares them. */
export function sameEntry(a: OutlineEntry, b: OutlineEntry, change: Change): boolean {
  return (
    a.index === b.index &&
    a.source === b.source &&
    a.line === b.line &&
    a.titleLike === b.titleLike &&
    sameTitle(a, b, change) &&
    a.headingDepth === b.headingDepth &&
    a.depth === b.depth &&
    a.parent === b.parent &&
    a.hasBody === b.hasBody &&
    sameNumbers(a.children, b.children) &&
    sameMarker(a.marker, b.marker) &&
    sameListItem(a.listItem, b.listItem, change) &&
    change.map(a.markerOffset) === b.markerOffset &&
    change.map(a.sectionEnd) === b.sectionEnd
  );
}

/** A section's title, where it was; of a clause that names no section, only where it starts (typing in it moves its end). */
function sameTitle(a: OutlineEntry, b: OutlineEntry, change: Change): boolean {
  if (!a.titleLike) return change.map(a.span.start) === b.span.start && change.map(a.titleSpan.start) === b.titleSpan.start;
  return a.title === b.title && moved(a.span, b.span, change) && moved(a.titleSpan, b.titleSpan, change);
}

export function sameMarker(a: NumberMarker | undefined, b: NumberMarker | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.style === b.style &&
    a.depth === b.depth &&
    a.value === b.value &&
    a.valueStart === b.valueStart &&
    a.valueLength === b.valueLength &&
    a.numerals === b.numerals &&
    a.titleStart === b.titleStart &&
    sameNumbers(a.path, b.path)
  );
}

function sameListItem(a: ListItemInfo | undefined, b: ListItemInfo | undefined, change: Change): boolean {
  if (!a || !b) return a === b;
  return a.line === b.line && a.depth === b.depth && change.map(a.list) === b.list;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function moved(a: Span, b: Span, change: Change): boolean {
  return change.map(a.start) === b.start && change.map(a.end) === b.end;
}
