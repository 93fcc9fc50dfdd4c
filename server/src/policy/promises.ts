// Promises: commitments grouped so that two of them say the same thing, and the
// canonical values an organisation sets in its config ("email.acknowledge": "4h").

import type { CommitmentRecord } from './commitments';
import { channelLabel, conditionsLabel, metricLabel, scopeLabel } from './sla-labels';
import type { Scope } from './sla/dimensions';
import { clockOf, formatValue, normalizeValue } from './sla/normalize';
import type { Commitment, Unit } from './sla/types';
import { configUnit } from './sla/units';

/**
 * Whether a commitment has a comparable value. Only service policies' commitments are compared at all
 * (a statute's 15日内答复 is the law's), so a duration without a channel still counts: "response time 4 hours".
 */
export function isComparable(r: CommitmentRecord): boolean {
  if (r.placeholder || r.normalized === undefined || !r.metric || r.metric === 'service-hours') return false;
  // "Notify" of what? A breach within 72 hours and a monthly report within 10 days are different promises;
  // only a channel or a scope (planned maintenance) says which notice is meant.
  if (UNSPECIFIC_METRICS.has(r.metric) && !r.channel && Object.keys(r.scope).length === 0) return false;
  return true;
}

const UNSPECIFIC_METRICS = new Set(['notify']);

/**
 * Same promise: key, kind of comparator and strength. "99.9%" and "at least 99.5%"
 * are one promise; an escalation trigger (超过3天未解决) is not a deadline; a 力争
 * target and a binding limit may rightly differ.
 */
export function promiseId(r: CommitmentRecord): string {
  return `${r.key}|${r.comparator === 'trigger' ? 'trigger' : 'limit'}|${r.strength}`;
}

/** What joins two values that state one target two ways: "6 rings or 20 seconds", 三声或15秒. */
const OR_BETWEEN = /^\s*(?:,\s*)?(?:or|或者?|或是|[/／])(?:\s+(?:in|within|under))?\s*$/i;

/**
 * Whether two commitments are one clause's values joined by "or" or a slash (answer within 6 rings
 * or in 20 seconds, "6 rings / 20 seconds", 响铃三声或15秒内接听): one target stated on two clocks,
 * not two promises to weigh.
 */
export function statedTwoWays(a: CommitmentRecord, b: CommitmentRecord): boolean {
  if (a === b || a.path !== b.path || a.start !== b.start || a.text !== b.text) return false;
  const [first, second] = a.valueStart < b.valueStart ? [a, b] : [b, a];
  return OR_BETWEEN.test(a.text.slice(first.valueEnd - a.start, second.valueStart - a.start));
}

/** Which document states the reference value when statements tie: the handbook is the master others follow. */
const KIND_RANK: Record<string, number> = { handbook: 0, sla: 1, 'website-policy': 2, 'commitment-letter': 3 };
export function kindRank(r: CommitmentRecord): number {
  return KIND_RANK[r.documentKind ?? ''] ?? 4;
}

/** Which values can be compared: the clock, and for business time also the unit. */
export function clockClass(r: Pick<CommitmentRecord, 'clock' | 'unit'>): string {
  return r.clock === 'business' ? `business:${r.unit}` : String(r.clock);
}

/**
 * 当日答复, "the same business day": 0 days, but met by the end of the day, not at once. It is
 * the same on any clock, and it comes after a deadline in hours for all the text tells.
 */
export function isSameDay(r: Pick<CommitmentRecord, 'normalized' | 'unit'>): boolean {
  return r.normalized === 0 && (r.unit === 'day' || r.unit === 'business-day');
}

export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** "一般投诉解决/办结" / "general complaint resolve"; the settled scope when there is one ("P1 · Enterprise first response"). */
export function promiseLabel(r: Pick<CommitmentRecord, 'channel' | 'metric' | 'conditions'> & { scope?: Scope }, locale: 'zh-CN' | 'en'): string {
  const scoped = r.scope ? Object.keys(r.scope).length > 0 : r.conditions.length > 0;
  const conditions = !scoped ? '' : r.scope ? scopeLabel(r.scope, locale) : conditionsLabel(r.conditions, locale);
  // "arrival on site" already says where: not "on-site visit arrival on site".
  const channel = r.channel && !(r.channel === 'onsite' && r.metric === 'arrival') ? channelLabel(r.channel, locale) : '';
  const metric = metricLabel(r.metric, locale);
  const named = locale === 'zh-CN' ? `${channel}${metric}` : [channel, metric].filter(Boolean).join(' ');
  // A measured row labelled by its rate (电话接通率 | 90%) names the rate already: not 电话接通率电话接通率.
  if (named && conditions.toLowerCase().endsWith(named.toLowerCase())) return conditions;
  return locale === 'zh-CN' ? `${conditions}${named}` : [conditions, named].filter(Boolean).join(' ');
}

/** A value as it would be written in a document of `locale`, without the comparator: "20秒", "2 business days". */
export function writtenValue(c: Pick<Commitment, 'value' | 'unit' | 'comparator' | 'schedule'> & Partial<Commitment>, locale: 'zh-CN' | 'en'): string {
  return formatValue({ ...(c as Commitment), comparator: 'exact' }, locale === 'zh-CN' ? 'zh' : 'en');
}

export interface CanonicalValue {
  value: number;
  unit: Unit;
  normalized: number;
  clock: string;
}

/** Reads a config value such as "4h", "5 business days", "2个工作日", "90%". */
export function parseCanonical(text: string): CanonicalValue | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(.*?)\s*$/.exec(text.normalize('NFKC'));
  if (!m) return undefined;
  const unit = configUnit(m[2]!);
  if (!unit) return undefined;
  const value = Number(m[1]);
  const clock = clockOf(unit);
  return { value, unit, normalized: normalizeValue({ min: value, max: value }, unit, 'at-most'), clock: clock === 'business' ? `business:${unit}` : clock };
}
