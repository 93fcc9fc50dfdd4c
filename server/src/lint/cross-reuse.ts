// Between keystrokes the editor carries the cross-document findings over when
// no document's commitments changed in what they promise: the checks that
// compare documents (sla-conflict, sla-order…) then have nothing new to judge.
// A keystroke in a long document usually changes no commitment at all, yet the
// checks looked at all of its two thousand again. What the checks read of a
// document is its config, locale, inline disables, manual page and its
// commitments; a commitment is the same when it is the same record (moved by
// the edit, under the same key and kind, on the same lines: messages name
// lines) or a record that says the same thing at the place the edit moved the
// old one to. The findings are then moved by each document's edit, their places
// with them. Anything else, and the checks run as always.
// test/lint/cross-reuse.test.ts and test/lint/editor-incremental.test.ts compare
// every step with a fresh workspace.

import type { PolicylintConfig } from '../config/types';
import type { LineIndex } from '../engine/position';
import { changeBetween, type Change } from '../engine/text-change';
import type { Finding, Fix, RelatedLocation, Span, TextEdit } from '../engine/types';
import type { CommitmentRecord } from '../policy/commitments';
import type { DocumentAnalysis, ProjectEntry } from '../rules/contract';

/** What the checks read of one document, as it was when they last ran. */
interface DocumentInputs {
  analysis: DocumentAnalysis;
  config: PolicylintConfig;
  text: string | undefined;
  records: readonly CommitmentRecord[];
  /** Per record: key and kind, and its offsets and places, which moving a carried record changes in place. */
  keys: string[];
  kinds: (string | undefined)[];
  where: Int32Array;
  disables: string;
  manual: string;
}

export interface CrossSnapshot {
  findings: Map<string, Finding[]>;
  documents: Map<string, DocumentInputs>;
}

const WHERE = 12;

/** The inputs of the checks that just ran, to tell at the next run whether any changed. Only the editor's entries (with their text) can be carried over. */
export function crossSnapshot(entries: ReadonlyMap<string, ProjectEntry>, findings: Map<string, Finding[]>): CrossSnapshot | undefined {
  // The CLI's entries hold no text: nothing of theirs is ever carried over, so nothing is kept.
  if (![...entries.values()].some((entry) => entry.result !== undefined)) return undefined;
  const documents = new Map<string, DocumentInputs>();
  for (const [path, entry] of entries) {
    const records = entry.analysis.commitments;
    const where = new Int32Array(records.length * WHERE);
    for (let i = 0; i < records.length; i++) writePlace(where, i * WHERE, records[i]!);
    documents.set(path, {
      analysis: entry.analysis,
      config: entry.config,
      text: entry.result?.doc.text,
      records,
      keys: records.map((r) => r.key),
      kinds: records.map((r) => r.documentKind),
      where,
      disables: JSON.stringify(entry.analysis.disables ?? []),
      manual: JSON.stringify(entry.analysis.manual ?? null),
    });
  }
  return { findings, documents };
}

/** The last findings moved to where the edits put them, or undefined when the checks must run. */
export function carriedCrossFindings(last: CrossSnapshot | undefined, entries: ReadonlyMap<string, ProjectEntry>): Map<string, Finding[]> | undefined {
  if (!last || last.documents.size !== entries.size) return undefined;
  const edited = new Map<string, Moved>();
  for (const [path, entry] of entries) {
    const before = last.documents.get(path);
    if (!before || before.config !== entry.config) return undefined;
    if (before.analysis === entry.analysis) continue;
    const text = entry.result?.doc.text;
    if (before.text === undefined || text === undefined) return undefined;
    const change = changeBetween(before.text, text);
    if (!sameInputs(before, entry.analysis, change)) return undefined;
    edited.set(path, { change, lines: entry.result!.doc.lines });
  }
  const out = new Map<string, Finding[]>();
  for (const [path, findings] of last.findings) {
    const moved: Finding[] = [];
    for (const f of findings) {
      const g = moveFinding(f, path, edited);
      if (!g) return undefined;
      moved.push(g);
    }
    out.set(path, moved);
  }
  return out;
}

function sameInputs(before: DocumentInputs, now: DocumentAnalysis, change: Change): boolean {
  if (before.analysis.locale !== now.locale) return false;
  if (before.disables !== JSON.stringify(now.disables ?? []) || before.manual !== JSON.stringify(now.manual ?? null)) return false;
  const records = now.commitments;
  if (records.length !== before.records.length) return false;
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    const old = before.records[i]!;
    if (r.key !== before.keys[i] || r.documentKind !== before.kinds[i]) return false;
    if (!samePlace(r, before.where, i * WHERE, change)) return false;
    if (r !== old && substance(r) !== substance(old)) return false;
  }
  return true;
}

/**
 * Whether a record stands where the edit moved the one at `where[at…]` (writePlace's order): its
 * offsets moved, its lines as they were (messages name lines). Columns may move on the edited
 * line. Read field by field: this runs for every record of every document at each keystroke.
 */
function samePlace(r: CommitmentRecord, where: Int32Array, at: number, change: Change): boolean {
  const v = r.valuePlace;
  return (
    change.map(where[at]!) === r.start &&
    change.map(where[at + 1]!) === r.end &&
    change.map(where[at + 2]!) === r.valueStart &&
    change.map(where[at + 3]!) === r.valueEnd &&
    where[at + 4] === r.line &&
    where[at + 6] === r.endLine &&
    where[at + 8] === v.line &&
    where[at + 10] === v.endLine
  );
}

/** Writes a record's offsets and places at `where[at…]`, in the order samePlace reads them. */
function writePlace(where: Int32Array, at: number, r: CommitmentRecord): void {
  const v = r.valuePlace;
  where[at] = r.start;
  where[at + 1] = r.end;
  where[at + 2] = r.valueStart;
  where[at + 3] = r.valueEnd;
  where[at + 4] = r.line;
  where[at + 5] = r.column;
  where[at + 6] = r.endLine;
  where[at + 7] = r.endColumn;
  where[at + 8] = v.line;
  where[at + 9] = v.column;
  where[at + 10] = v.endLine;
  where[at + 11] = v.endColumn;
}

/** The fields a record's offsets, places, key and scope leave: what it says. */
const PLACED = new Set(['start', 'end', 'valueStart', 'valueEnd', 'line', 'column', 'endLine', 'endColumn', 'valuePlace', 'key', 'scope']);

function substance(r: CommitmentRecord): string {
  return JSON.stringify(r, function (this: unknown, name: string, value: unknown) {
    return this === r && PLACED.has(name) ? undefined : value;
  });
}

/** A document's edit, and its lines now: a place after the edit on its line has moved. */
interface Moved {
  change: Change;
  lines: LineIndex;
}

function moveFinding(f: Finding, path: string, moved: ReadonlyMap<string, Moved>): Finding | undefined {
  const related: RelatedLocation[] = [];
  for (const r of f.related) {
    const other = moved.get(r.path);
    const span = other ? moveSpan(r, other.change) : r;
    if (!span) return undefined;
    related.push(other ? { ...r, ...span, ...other.lines.toPlace(span) } : r);
  }
  const here = moved.get(path);
  if (!here) return { ...f, related };
  const { change, lines } = here;
  const span = moveSpan(f, change);
  if (!span) return undefined;
  const fixes: Fix[] = [];
  for (const fix of f.fixes) {
    const edits: TextEdit[] = [];
    for (const e of fix.edits) {
      const edit = moveSpan(e, change);
      if (!edit) return undefined;
      edits.push({ ...e, ...edit });
    }
    const movedFix: Fix = { ...fix, edits };
    if (fix.selectAfter) {
      const selection = moveSpan(fix.selectAfter, change);
      if (!selection) return undefined;
      movedFix.selectAfter = selection;
    }
    fixes.push(movedFix);
  }
  // The checks' findings carry their place (they may come from a cache that holds no text); it moves with them.
  const place = 'line' in f ? lines.toPlace(span) : {};
  return { ...f, ...span, ...place, related, fixes };
}

function moveSpan(s: Span, change: Change): Span | undefined {
  const start = change.map(s.start);
  const end = change.map(s.end);
  return start === undefined || end === undefined ? undefined : { start, end };
}
