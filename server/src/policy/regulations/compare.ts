// How a promised duration compares with a statutory one. Values on different
// clocks are compared as the calendar time they can take: 10 business days take
// at least 10 days, and with weekends and a holiday break far more, so against a
// 15-day limit they may exceed it. That is a warning saying why, never a silent
// conversion; only a value that fits whatever the calendar does meets the limit.

import type { Unit } from '../sla/types';
import { unit as unitDef } from '../sla/units';
import type { LimitUnit } from './packs';

export type LimitVerdict = 'meets' | 'may-exceed' | 'exceeds';
/** Why a value may exceed: which clocks met. */
export type UncertainReason = 'business-vs-calendar' | 'calendar-vs-business' | 'month-length';

const DAY = 86_400;
/**
 * The longest run of public holidays a business-day count may have to wait through, in days:
 * China's Spring Festival and National Day breaks run to eight days with the weekends around them.
 */
const LONGEST_HOLIDAY_BREAK = 8;

/** The calendar time `count` business days can take, in seconds: every day a working day, or weekends and a holiday break besides. */
function businessDaySpan(count: number): [number, number] {
  return [count * DAY, (count + 2 * Math.ceil(count / 5) + LONGEST_HOLIDAY_BREAK) * DAY];
}

/** The calendar time a value can take, in seconds; undefined for what is no duration (rings, percentages). */
export function calendarSpan(value: number, unit: Unit): [number, number] | undefined {
  switch (unit) {
    case 'month':
      return [value * 28 * DAY, value * 31 * DAY];
    case 'year':
      return [value * 365 * DAY, value * 366 * DAY];
    case 'business-day':
      return businessDaySpan(value);
    // A business day holds at least one business hour, so n business hours take no longer than n business days.
    case 'business-hour':
      return [value * 3600, businessDaySpan(value)[1]];
    case 'business-minute':
      return [value * 60, businessDaySpan(Math.ceil(value / 60))[1]];
    default: {
      const seconds = unitDef(unit).seconds;
      return seconds === undefined ? undefined : [value * seconds, value * seconds];
    }
  }
}

const isBusiness = (u: Unit) => unitDef(u).clock === 'business';

/**
 * Compares a promised value with a limit. `at-most`: the promise must take no longer than the limit;
 * `at-least`: it must grant no less. Undefined when the value is no duration.
 */
export function compareWithLimit(
  promised: { value: number; unit: Unit },
  limit: { comparator: 'at-most' | 'at-least'; value: number; unit: LimitUnit },
): { verdict: LimitVerdict; reason?: UncertainReason } | undefined {
  const atMost = limit.comparator === 'at-most';
  // One unit: the numbers say it, whatever a month or a business day is on the calendar.
  if (promised.unit === limit.unit) {
    const within = atMost ? promised.value <= limit.value : promised.value >= limit.value;
    return { verdict: within ? 'meets' : 'exceeds' };
  }
  const own = calendarSpan(promised.value, promised.unit);
  const law = calendarSpan(limit.value, limit.unit);
  if (!own || !law) return undefined;
  const [ownMin, ownMax] = own;
  const [lawMin, lawMax] = law;
  if (atMost ? ownMax <= lawMin : ownMin >= lawMax) return { verdict: 'meets' };
  if (atMost ? ownMin > lawMax : ownMax < lawMin) return { verdict: 'exceeds' };
  const reason: UncertainReason = isBusiness(promised.unit) && !isBusiness(limit.unit) ? 'business-vs-calendar' : isBusiness(limit.unit) && !isBusiness(promised.unit) ? 'calendar-vs-business' : 'month-length';
  return { verdict: 'may-exceed', reason };
}
