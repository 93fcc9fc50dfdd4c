// SLA commitments: measurable promises in service-policy prose.
// See docs/domain.md, "SLA commitments", for what is and is not a commitment.

export type {
  Channel,
  Clock,
  Commitment,
  Comparator,
  Condition,
  DurationMetric,
  ExtractContext,
  Metric,
  RateMetric,
  ScheduleSlot,
  ServiceHours,
  Strength,
  Unit,
  ValueRange,
  VagueCommitment,
  Weekday,
} from './types';
export { extractCommitments, mayHoldCommitments } from './extract';
export { VAGUE_HINT } from './lexicon';
export { findVagueCommitments, conditionsFromHeading, channelFromHeading, metricFromHeading, aimInHeading } from './vague';
export { commitmentKey, formatValue, clockOf } from './normalize';
export { customerSection, glossarySection } from './speaker';
