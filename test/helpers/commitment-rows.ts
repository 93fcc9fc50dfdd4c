// One phrase and the commitments it must read as: the row shape of the per-round phrase tests.

import { expect } from 'vitest';
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
