// What a keystroke in the editor carries over of the last analysis's
// commitments (policy/commitments.ts): the records of every prose block the
// edit did not touch, moved to where the edit put them, instead of reading each
// block again. A block is carried over only when everything its reading
// depends on is as it was: the heading contexts of its lines (the same objects:
// the editor's memo keeps one per heading reading; not looked at when the whole
// outline is the last one moved, or was moved naming every section as before),
// the document's own vocabulary, language, kind and organisation, the block's
// text, kind, list, quote and table cell, and the lead-in paragraph before it.
// The blocks the edit touched are read as always. On a 1 MB document that is
// the difference between reading ten thousand blocks and reading one.

import type { PolicyDocument } from '../engine/document';
import { blocksMovedFrom } from '../engine/chunk-shares';
import type { ProseBlock } from '../engine/markdown';
import type { OutlineEntry } from '../engine/outline';
import { sameEntries } from '../engine/outline-change';
import { outlineMovedFrom } from '../engine/outline-moved';
import type { CellContext } from '../engine/parsed-markdown';
import { changeBetween, type Change } from '../engine/text-change';
import type { Place } from '../engine/types';

/** The last analysis of a document, block by block. */
export interface BlockReadings<Context, Rec> {
  text: string;
  lineCount: number;
  entries: readonly OutlineEntry[];
  prose: readonly ProseBlock[];
  /** What each block gave, by block index. */
  records: Rec[][];
  /** The heading context of each of its lines it was read under; undefined for a block that never got as far (blank, no value, a skipped cell). */
  contexts: (Context[] | undefined)[];
  /** The lead-in each block was read after (a paragraph ending in a colon, for the list under it). */
  leadInBefore: (Context | undefined)[];
  leadInAfter: (Context | undefined)[];
  /** Everything else a reading depends on: vocabulary, language, kind, organisation. */
  key: string;
  /** What settled the records' scopes (ScopeSettling.signature in scope.ts). */
  scopesSettledBy: string;
}

/** The first `count` blocks' readings, carried over whole (CarriedBlocks.takeLead), as BlockReadings keeps them. */
export interface CarriedLead<Context, Rec> {
  count: number;
  byBlock: Rec[][];
  contexts: (Context[] | undefined)[];
  leadInBefore: (Context | undefined)[];
  leadInAfter: (Context | undefined)[];
}

/** A placed record, as far as moving it goes. */
interface Movable extends Place {
  start: number;
  end: number;
  valueStart: number;
  valueEnd: number;
  valuePlace: Place;
}

export class CarriedBlocks<Context, Rec extends Movable> {
  private readonly countDelta: number;
  private readonly lineDelta: number;
  /** A block after the edit is carried over only from the line after the edit's last one: its columns did not move. */
  private readonly firstUntouched: number;
  /** From this block on, the blocks are the last analysis's, moved by the edit (engine/chunk-shares.ts blocksMovedFrom): takeTail may carry them whole. */
  readonly tailFrom: number;

  constructor(
    private readonly last: BlockReadings<Context, Rec>,
    prose: readonly ProseBlock[],
    private readonly change: Change,
    doc: PolicyDocument,
    /** Records already given to this analysis (commitment-memo.ts): a block holding one is read instead. */
    private readonly claimed: Set<Rec>,
    /** Where in the new text lines stand under the same headings as before: before `until`, and from `from` on. */
    private readonly sameSections: { until: number; from: number },
  ) {
    this.countDelta = prose.length - last.prose.length;
    this.lineDelta = doc.lines.lineCount - last.lineCount;
    // Nothing changed: nothing moved. The edit on the last line: no block after it is on a line of its own.
    const endLine = change.newEnd === Infinity ? -1 : doc.lines.lineOf(change.newEnd);
    this.firstUntouched = endLine < 0 ? 0 : endLine + 1 < doc.lines.lineCount ? doc.lines.lineStart(endLine + 1) : Infinity;
    const moved = blocksMovedFrom(doc.md);
    this.tailFrom = moved && moved.last.prose === last.prose && moved.from - moved.lastFrom === this.countDelta ? moved.from : Infinity;
  }

  /** The index in the last analysis of the block now at `index`, when it can be carried over read after `leadIn`; -1 when it must be read. */
  oldIndex(index: number, block: ProseBlock, leadIn: Context | undefined, contextsNow: (block: ProseBlock) => Context[]): number {
    const { change, last } = this;
    let old: number;
    if (block.span.end < change.start) old = index;
    else if (block.span.start > change.newEnd && block.span.start >= this.firstUntouched) old = index - this.countDelta;
    else return -1;
    const before = last.prose[old];
    if (!before || last.leadInBefore[old] !== leadIn) return -1;
    if (change.map(before.span.start) !== block.span.start || change.map(before.span.end) !== block.span.end) return -1;
    if (before.text !== block.text || before.kind !== block.kind || !before.inList !== !block.inList || !before.inQuote !== !block.inQuote) return -1;
    if (!sameCell(before.cell, block.cell)) return -1;
    const contexts = last.contexts[old];
    // Where the outline is the last one (moved), it encloses the block as before: no need to look.
    const { until, from } = this.sameSections;
    if (contexts && block.span.end >= until && block.span.start < from && !sameContexts(contexts, contextsNow(block))) return -1;
    for (const r of last.records[old]!) if (this.claimed.has(r)) return -1;
    return old;
  }

  /**
   * The blocks from the first that are the last analysis's own objects (a chunk placed where it
   * was adds the same blocks, engine/chunks.ts), end before the edit and stand under the same
   * headings: their readings carried over whole, none looked at block by block, nothing moved.
   * Their records are added to `records`.
   */
  takeLead(prose: readonly ProseBlock[], records: Rec[]): CarriedLead<Context, Rec> {
    const { last } = this;
    const limit = Math.min(this.change.start, this.sameSections.until);
    let count = 0;
    while (count < prose.length && count < last.prose.length && prose[count] === last.prose[count] && prose[count]!.span.end < limit) count++;
    for (let i = 0; i < count; i++) {
      for (const r of last.records[i]!) {
        this.claimed.add(r);
        records.push(r);
      }
    }
    return {
      count,
      byBlock: last.records.slice(0, count),
      contexts: last.contexts.slice(0, count),
      leadInBefore: last.leadInBefore.slice(0, count),
      leadInAfter: last.leadInAfter.slice(0, count),
    };
  }

  /**
   * The blocks from `tailFrom` to the end, the last analysis's blocks moved by the edit: carried
   * over whole, their records moved and added to `records`, when the first is read after the same
   * lead-in (the others then are too), they stand on lines the edit did not touch, under the same
   * headings, and no block read anew (`read`) took a record of theirs (commitment-memo.ts
   * previousRecord; a record read at or after where they began is taken to be one). Undefined when
   * they must be looked at block by block.
   */
  takeTail(leadIn: Context | undefined, read: readonly Rec[], records: Rec[]): CarriedLead<Context, Rec> | undefined {
    const { last } = this;
    const old = this.tailFrom - this.countDelta;
    const first = last.prose[old];
    if (!first || last.leadInBefore[old] !== leadIn) return undefined;
    const start = first.span.start + this.change.delta;
    const { until, from } = this.sameSections;
    if (start < this.firstUntouched || (until !== Infinity && from > start)) return undefined;
    if (read.some((r) => r.start >= first.span.start)) return undefined;
    for (let i = old; i < last.records.length; i++) {
      const moved = last.records[i]!;
      this.move(moved);
      for (let k = 0; k < moved.length; k++) records.push(moved[k]!);
    }
    return {
      count: last.prose.length - old,
      byBlock: last.records.slice(old),
      contexts: last.contexts.slice(old),
      leadInBefore: last.leadInBefore.slice(old),
      leadInAfter: last.leadInAfter.slice(old),
    };
  }

  /** The old block's records, moved in place to where the edit put them (its lead-in after and contexts: `leadInAfter`, `contexts`). */
  take(old: number): Rec[] {
    const records = this.last.records[old]!;
    for (const r of records) this.claimed.add(r);
    if (this.last.prose[old]!.span.start > this.change.start) this.move(records);
    return records;
  }

  /** Records of a block after the edit, moved in place by it. */
  private move(records: readonly Rec[]): void {
    const { delta } = this.change;
    const lines = this.lineDelta;
    for (const r of records) {
      r.start += delta;
      r.end += delta;
      r.valueStart += delta;
      r.valueEnd += delta;
      if (lines !== 0) {
        r.line += lines;
        r.endLine += lines;
        // A new place rather than a change to the old one, which other records might share.
        r.valuePlace = { ...r.valuePlace, line: r.valuePlace.line + lines, endLine: r.valuePlace.endLine + lines };
      }
    }
  }

  /** The lead-in after the old block. */
  leadInAfter(old: number): Context | undefined {
    return this.last.leadInAfter[old];
  }

  /** What settled the last analysis's scopes: a record carried over keeps its scope when this analysis's are settled by the same. */
  get scopesSettledBy(): string {
    return this.last.scopesSettledBy;
  }

  /** The heading contexts the old block was read under. */
  contexts(old: number): Context[] | undefined {
    return this.last.contexts[old];
  }
}

/** What can be carried over from `last` into the analysis of `doc`, or undefined when nothing can. */
export function carriedBlocks<Context, Rec extends Movable>(last: BlockReadings<Context, Rec> | undefined, doc: PolicyDocument, key: string, claimed: Set<Rec>): CarriedBlocks<Context, Rec> | undefined {
  if (!last || last.key !== key) return undefined;
  const change = changeBetween(last.text, doc.text);
  return new CarriedBlocks(last, doc.md.prose, change, doc, claimed, sameSections(last.entries, doc, change));
}

/**
 * Where in the new text every line stands under the same headings as before. Everywhere when the
 * outline is the last one moved, or was moved naming every section as before (lines added or
 * removed included). Else before the line of the first entry that names another section or
 * stands elsewhere (`until`: a line before it takes its context from an entry before it, and
 * those, with their parents, are the same), and from the first of the entries at the end that
 * name the same sections as before, moved by the edit, under the same parents (`from`: a line
 * after it is enclosed by those and the leading ones).
 *
 * Only what a line's heading context reads is compared (contextOfLine in commitments.ts: the
 * last entry at or before the line, its title and its parents'), not what sameEntries compares
 * for the outline rules. An entry removed after the leading ones changes their children's
 * indices and their section ends, and not the context of any line before it.
 */
export function sameSections(before: readonly OutlineEntry[], doc: PolicyDocument, change: Change): { until: number; from: number } {
  const after = doc.outline.entries;
  const moved = outlineMovedFrom(doc.outline);
  const told = moved?.from === before ? moved : undefined;
  if (told?.sectionsNamed || (told?.sameEntries ?? sameEntries(before, after, change))) return EVERYWHERE;
  // Moving the outline told where its entries stop being the last ones, and from where on they are those, moved.
  let lead = told?.firstRead ?? 0;
  while (lead < before.length && lead < after.length && sameLeadingSection(before[lead]!, after[lead]!)) lead++;
  const line = Math.min(after[lead]?.line ?? Infinity, before[lead]?.line ?? Infinity);
  const until = line === Infinity ? Infinity : line < doc.lines.lineCount ? doc.lines.lineStart(line) : doc.text.length;
  // From the end: the same section names, each moved by the edit (so after it).
  const shift = after.length - before.length;
  let start = told && told.firstAfter - Math.max(0, shift) > lead ? told.firstAfter : after.length;
  while (start > lead && start - shift > lead) {
    const a = before[start - 1 - shift]!;
    const b = after[start - 1]!;
    if (!sameName(a, b) || change.map(a.span.start) !== b.span.start) break;
    start--;
  }
  // Under the same parents: one of them, moved by the same shift, or one of the leading entries.
  for (let i = start; i < after.length; i++) {
    const p = after[i]!.parent;
    const q = before[i - shift]!.parent;
    if (!(p >= start ? q === p - shift : p < lead && q === p)) start = i + 1;
  }
  return { until, from: start < after.length ? after[start]!.span.start : Infinity };
}

const EVERYWHERE = { until: Infinity, from: -Infinity };

/** Two entries at the same index before the edit: on the same line, naming the same section, under the same parent. */
function sameLeadingSection(a: OutlineEntry, b: OutlineEntry): boolean {
  return a.line === b.line && a.parent === b.parent && sameName(a, b);
}

/** Whether two entries give the lines under them the same heading context, their parents' aside. */
function sameName(a: OutlineEntry, b: OutlineEntry): boolean {
  return a.titleLike === b.titleLike && (!a.titleLike || a.title === b.title);
}

function sameContexts<Context>(a: readonly Context[], b: readonly Context[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameCell(a: CellContext | undefined, b: CellContext | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.header === b.header && a.rowLabel === b.rowLabel && a.corner === b.corner && a.isHeader === b.isHeader && a.column === b.column;
}
