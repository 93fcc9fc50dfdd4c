// The SLA commitments of a whole document, placed in it: each prose block is
// run through the extractor with the conditions its enclosing headings set.

import type { PolicyDocument } from '../engine/document';
import type { Place } from '../engine/types';
import type { Commitment } from './sla/types';

export type CommitmentStatus = 'ok' | 'conflict' | 'vague' | 'placeholder';

/** A commitment placed in its document: absolute offsets, 1-based places, its grouping key. */
export interface CommitmentRecord extends Omit<Commitment, 'start' | 'end' | 'valueStart' | 'valueEnd'>, Place {
  path: string;
  start: number;
  end: number;
  valueStart: number;
  valueEnd: number;
  /** Place of the value itself (what hover and inlay hints point at). */
  valuePlace: Place;
  /** Same key = same promise (channel.metric[.conditions]); see policy/sla commitmentKey. */
  key: string;
}

export function collectCommitments(_doc: PolicyDocument): CommitmentRecord[] {
  return [];
}
