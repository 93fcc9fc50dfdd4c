// Applying edits. A fix is a list of non-overlapping edits; fixes from several
// findings are combined only where they don't overlap, and the result is linted
// again (as ESLint does) until nothing more changes.

import type { Finding, TextEdit } from './types';
import { appendAll } from './arrays';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos || e.end < e.start || e.end > text.length) throw new Error(`overlapping or invalid edit at ${e.start}-${e.end}`);
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** Two edits touch when they overlap, or insert at the same point. */
function touches(a: TextEdit, b: TextEdit): boolean {
  return a.start < b.end && b.start < a.end ? true : a.start === b.start && (a.start === a.end || b.start === b.end);
}

/** The automatic fixes of the findings that can be applied together, in document order. */
export function selectAutofixes(findings: readonly Finding[]): TextEdit[] {
  const chosen: TextEdit[] = [];
  const ordered = [...findings].sort((a, b) => a.start - b.start);
  for (const f of ordered) {
    const fix = f.fixes.find((x) => x.kind === 'fix');
    if (!fix || fix.edits.length === 0) continue;
    if (fix.edits.some((e) => chosen.some((c) => touches(c, e)))) continue;
    appendAll(chosen, fix.edits);
  }
  return chosen;
}
