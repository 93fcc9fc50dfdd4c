// The shape of a measurable promise. Everything here is plain data so that the
// rules, hover and the CLI's JSON output can share it without conversion.

import type { Span } from '../../engine/types';

export type Channel =
  | 'phone'
  | 'email'
  | 'chat'
  | 'social'
  | 'forum'
  | 'ticket'
  | 'sms'
  | 'letter'
  | 'onsite'
  | 'complaint';

/** Durations are promised for an action; percentages for a rate. */
export type DurationMetric =
  | 'answer'
  | 'acknowledge'
  | 'first-response'
  | 'reply'
  | 'investigate'
  | 'resolve'
  | 'follow-up'
  | 'escalation'
  | 'arrival'
  | 'refund'
  | 'notify';

export type RateMetric =
  | 'satisfaction'
  | 'first-contact-resolution'
  | 'resolution-rate'
  | 'answer-rate'
  | 'availability'
  | 'abandonment'
  | 'downtime'
  | 'durability'
  | 'on-time-rate'
  | 'response-rate'
  | 'follow-up-rate'
  | 'quality';

export type Metric = DurationMetric | RateMetric | 'service-hours' | 'typing-speed';

export type Unit =
  | 'second'
  | 'minute'
  | 'hour'
  | 'day'
  | 'week'
  | 'month'
  | 'year'
  | 'business-day'
  | 'business-hour'
  | 'business-minute'
  | 'ring'
  | 'percent'
  | 'chars-per-minute'
  | 'words-per-minute';

export type Clock = 'calendar' | 'business' | 'rings' | 'percent' | 'rate';

/** `trigger`: the value starts something when it is exceeded (超过3个工作日未解决的，升级). */
export type Comparator = 'at-most' | 'at-least' | 'trigger' | 'exact';

export type { Condition, Scope } from './dimensions';
import type { Condition } from './dimensions';

export type Strength = 'binding' | 'aim';

/** A single number is written as min === max. */
export interface ValueRange {
  min: number;
  max: number;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface ScheduleSlot {
  /** Undefined when the text gives hours without saying on which days. */
  days?: Weekday[];
  /** Minutes after midnight; undefined for "5×8" style schedules that give only a length. */
  from?: number;
  to?: number;
  /** Hours per day, for "5×8小时" which names no clock times. */
  hoursPerDay?: number;
  /** The hours apply on public holidays (节假日 9:00-17:00) rather than on weekdays. */
  holidays?: true;
}

export interface ServiceHours {
  /** Every day, all day (7×24, 24/7, 全天候, or slots that add up to it). */
  twentyFourSeven: boolean;
  slots: ScheduleSlot[];
  /** Stated explicitly: 节假日休息 → closed, 节假日照常 → open. */
  holidays?: 'open' | 'closed';
  /** Equal schedules have equal canonical strings, however they were written. */
  canonical: string;
}

export interface Commitment extends Span {
  /** The value and its unit as written ("2个工作日", "thirty (30) days", "__小时"). */
  valueStart: number;
  valueEnd: number;
  valueText: string;
  /** The clause (or the part of the sentence) that makes the promise. */
  text: string;
  channel?: Channel;
  metric?: Metric;
  /** For a trigger: the action whose lateness triggers it (超过…未解决 → resolve). */
  overdueMetric?: Metric;
  /** Undefined when the value is a placeholder or the commitment is a schedule. */
  value?: ValueRange;
  /** Undefined for a schedule, and for a blank that stands for the whole value (答复时限：待补充). */
  unit?: Unit;
  clock?: Clock;
  comparator: Comparator;
  /** Sorted, without duplicates. */
  conditions: Condition[];
  strength: Strength;
  /**
   * Comparable number: seconds on the calendar clock; the count for business
   * units, rings, percentages and rates. For a range, the upper bound unless
   * the comparator is at-least. On the business clock compare the unit too:
   * 2 business hours and 2 business days both normalise to 2 (policy/promises clockClass keeps them apart).
   */
  normalized?: number;
  placeholder: boolean;
  /** Only for metric 'service-hours'. */
  schedule?: ServiceHours;
}

export interface VagueCommitment extends Span {
  /** The vague wording itself (及时, as soon as possible). */
  word: string;
  sentenceStart: number;
  sentenceEnd: number;
  /** The metric that is promised without a value. */
  metric?: Metric;
  channel?: Channel;
  conditions: Condition[];
  language: 'zh' | 'en';
}

export interface ExtractContext {
  headingConditions?: Condition[];
  /** A channel named by the enclosing heading ("电话服务"), used when the clause names none. */
  headingChannel?: Channel;
  /** The metric a heading, a list's lead-in or a table header names ("### 处理时效", "Response targets:"), for values that name none. */
  headingMetric?: Metric;
  /** Scope values the document defines in its tables (plan names, level names), by their lower-cased words. */
  vocabulary?: ReadonlyMap<string, Condition>;
  /** Characters of labels put before the text (a table cell's row and column), not part of it. */
  prefixLength?: number;
  /** Aim wording in a heading or lead-in ("目标修复时长", "will do its best to provide:") softens what is under it. */
  headingStrength?: Strength;
  /** The business clock a heading or header names for bare units ("Response targets (business days)"). */
  headingClock?: 'business-days' | 'business-hours';
  language?: 'zh' | 'en';
  /** The text is a table cell: what a clause names joins the row's case instead of replacing it. */
  inTableCell?: true;
}
