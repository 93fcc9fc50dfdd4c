// Comparable values and grouping keys. Business time is never converted to
// calendar time: a business day's length depends on a calendar we do not have.

import type { Clock, Commitment, Comparator, Unit, ValueRange } from './types';

const SECONDS: Partial<Record<Unit, number>> = {
  second: 1,
  minute: 60,
  hour: 3600,
  day: 86_400,
  week: 7 * 86_400,
  // Months and years vary; 30 and 365 days make "1个月" and "30天" compare equal, which is what readers expect.
  month: 30 * 86_400,
  year: 365 * 86_400,
};

export function clockOf(unit: Unit): Clock {
  switch (unit) {
    case 'business-day':
    case 'business-hour':
      return 'business';
    case 'ring':
      return 'rings';
    case 'percent':
      return 'percent';
    case 'chars-per-minute':
    case 'words-per-minute':
      return 'rate';
    default:
      return 'calendar';
  }
}

/** Seconds for calendar durations; the count for everything else. */
export function normalizeValue(value: ValueRange, unit: Unit, comparator: Comparator): number {
  const n = comparator === 'at-least' ? value.min : value.max;
  const factor = SECONDS[unit];
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
  if (c.conditions.length) parts.push(...[...new Set(c.conditions)].sort());
  return parts.join('.');
}

/** Same promise, same clock, same normalised value. */
export function sameValue(a: Commitment, b: Commitment): boolean {
  if (a.metric === 'service-hours' || b.metric === 'service-hours') {
    return a.schedule?.canonical === b.schedule?.canonical;
  }
  // Business hours and business days are both counts on the business clock, and not of the same thing.
  if (a.clock === 'business' && a.unit !== b.unit) return false;
  return a.clock === b.clock && a.normalized !== undefined && a.normalized === b.normalized;
}

const UNIT_TEXT: Record<Unit, { en: string; zh: string }> = {
  second: { en: 's', zh: '秒' },
  minute: { en: 'min', zh: '分钟' },
  hour: { en: 'h', zh: '小时' },
  day: { en: 'days', zh: '天' },
  week: { en: 'weeks', zh: '周' },
  month: { en: 'months', zh: '个月' },
  year: { en: 'years', zh: '年' },
  'business-day': { en: 'business days', zh: '个工作日' },
  'business-hour': { en: 'business hours', zh: '个工作小时' },
  ring: { en: 'rings', zh: '声' },
  percent: { en: '%', zh: '%' },
  'chars-per-minute': { en: 'chars/min', zh: '字/分钟' },
  'words-per-minute': { en: 'wpm', zh: '词/分钟' },
};

/** "≤ 2 business days", "≥ 90 %", "2 h": a short rendering for hovers and messages. */
export function formatValue(c: Commitment, language: 'zh' | 'en' = 'en'): string {
  if (c.schedule) return c.schedule.canonical;
  const one = c.value !== undefined && c.value.min === 1 && c.value.max === 1;
  // "1 business day", not "1 business days"; Chinese has no plural.
  const unit = c.unit ? (one && language === 'en' ? UNIT_TEXT[c.unit].en.replace(/(day|hour|week|month|year|ring)s$/, '$1') : UNIT_TEXT[c.unit][language]) : '';
  const num = c.value === undefined ? '__' : c.value.min === c.value.max ? `${c.value.max}` : `${c.value.min}-${c.value.max}`;
  const sign = c.comparator === 'at-most' ? '≤ ' : c.comparator === 'at-least' ? '≥ ' : c.comparator === 'trigger' ? '> ' : '';
  const space = unit === '%' || language === 'zh' ? '' : ' ';
  return `${sign}${num}${space}${unit}`;
}
