// One phrase and the commitments it must read as: the row shape of the per-round phrase tests; and a
// document's commitments as the per-round document tests read them.

import { expect } from 'vitest';
import { collectCommitments } from '../../server/src/policy/commitments';
import { createDocument } from '../../server/src/policy/document';
import { extractCommitments, type Commitment } from '../../server/src/policy/sla';

export interface Row {
  text: string;
  expect: Partial<Commitment>[];
}

export const v = (min: number, max = min) => ({ min, max });

/** The text reads as exactly these commitments, in order; a field given as undefined must be absent. */
export function expectCommitments({ text, expect: expected }: Row): void {
  const got = extractCommitments(text);
  expect(got).toHaveLength(expected.length);
  expected.forEach((e, i) => {
    for (const [k, x] of Object.entries(e)) {
      if (x === undefined) expect(got[i]![k as keyof Commitment]).toBeUndefined();
      else expect(got[i]![k as keyof Commitment]).toEqual(x);
    }
  });
}

/** A document's commitments as the per-round document tests read them: where, what, and the key that says which promise. */
export function readRecords(text: string, path = '/policy.md') {
  return collectCommitments(createDocument(path, text)).map((r) => ({
    line: r.line,
    metric: r.metric,
    channel: r.channel,
    comparator: r.comparator,
    key: r.key,
    scope: r.scope,
    unit: r.unit,
    value: r.valueText,
  }));
}

export type RecordRow = ReturnType<typeof readRecords>[number];

/** The key of the commitment written `value` (on `line`, when given); a missing one fails the test. */
export function keyOf(rows: readonly RecordRow[], value: string, line?: number): string {
  const row = rows.find((r) => r.value === value && (line === undefined || r.line === line));
  if (!row) throw new Error(`no commitment of ${value}`);
  return row.key;
}
