// Comparable values and grouping keys. Business time is never converted to
// calendar time: a business day's length depends on a calendar we do not have.

import type { Clock, Commitment, Comparator, Unit, ValueRange } from './types';
import { unit as unitDef } from './units';
import { appendAll } from '../../engine/arrays';

export function clockOf(id: Unit): Clock {
  return unitDef(id).clock;
}

/** Seconds for calendar durations; the count for everything else. */
export function normalizeValue(value: ValueRange, unit: Unit, comparator: Comparator): number {
  const n = comparator === 'at-least' ? value.min : value.max;
  const factor = unitDef(unit).seconds;
  // Rounding keeps 0.1 + 0.2 style noise out of equality checks (1.5 h = 5400 s exactly).
  return factor === undefined ? n : Math.round(n * factor * 1000) / 1000;
}

/**
 * The promise a commitment makes, without its value: channel.metric[.conditions].
 * Two commitments with the same key promise the same thing, so different values
 * conflict (on the same clock) or cannot be compared (on different clocks).
 */
export function commitmentKey(c: Pick<Commitment, 'channel' | 'metric' | 'conditions'>): string {
  const parts = [c.channel ?? 'any', c.metric ?? 'any'];
  if (c.conditions.length) appendAll(parts, [...new Set(c.conditions)].sort());
  return parts.join('.');
}

/** "≤ 2 business days", "≥ 90 %", "2 h": a short rendering for hovers and messages. */
export function formatValue(c: Commitment, language: 'zh' | 'en' = 'en'): string {
  if (c.schedule) return c.schedule.canonical;
  const one = c.value !== undefined && c.value.min === 1 && c.value.max === 1;
  // "1 business day", not "1 business days"; Chinese has no plural.
  const text = c.unit ? unitDef(c.unit).text : undefined;
  const unit = text ? (language === 'zh' ? text.zh : one ? text.one : text.en) : '';
  const num = c.value === undefined ? '__' : c.value.min === c.value.max ? `${c.value.max}` : `${c.value.min}-${c.value.max}`;
  const sign = c.comparator === 'at-most' ? '≤ ' : c.comparator === 'at-least' ? '≥ ' : c.comparator === 'trigger' ? '> ' : '';
  const space = unit === '%' || language === 'zh' ? '' : ' ';
  return `${sign}${num}${space}${unit}`;
}
