// Service hours: 服务时间：周一至周五 9:00-18:00, 7×24小时, 5×8小时,
// "Support hours are Monday to Friday, 9am to 6pm", 24/7. Scans for day specs,
// clock-time ranges and round-the-clock phrases; extract.ts groups them into
// one schedule per channel.

import type { ScheduleSlot, ServiceHours, Weekday } from './types';
import { parseEnglishNumber } from './value';
import { appendAll } from '../../engine/arrays';

export interface ScheduleToken {
  start: number;
  end: number;
  type: 'days' | 'time' | 'always' | 'shifts' | 'named';
  /** For 'named': the schedule a term stands for ("Support hours: Business hours"). */
  name?: string;
  /** A day spec written with a number (一周的所有七天, 365 days of the year) that must not be read as a duration. */
  reserved?: true;
  days?: Weekday[];
  from?: number;
  to?: number;
  hoursPerDay?: number;
  /** A day spec for holidays: says whether they are open or closed, adds no days. */
  holidays?: 'open' | 'closed' | 'mentioned';
  /** 周一、周三: a day spec listed with the one before it. */
  listWithPrevious?: boolean;
}

const ALL_DAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 7];
const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5];
const WEEKEND: Weekday[] = [6, 7];

const ZH_DAY: Record<string, Weekday> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7 };
const EN_DAY: Record<string, Weekday> = { mon: 1, tue: 2, tues: 2, wed: 3, thu: 4, thur: 4, thurs: 4, fri: 5, sat: 6, sun: 7 };

const EN_DAY_NAME = '(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:days?|\\.)?';

function time(n: number): string {
  return (
    `(?:(?<period${n}>上午|早上|早晨|早|下午|晚上|晚|中午|凌晨|夜间)\\s*)?(?:(?<noon${n}>noon|midnight)|(?<milHour${n}>[01]\\d|2[0-4])(?<milMinute${n}>[0-5]\\d)(?!\\d)(?:\\s*(?<milMark${n}>hrs?\\b|h\\b))?|(?<hour${n}>\\d{1,2}|[零一二两三四五六七八九十]{1,3})` +
    `(?:\\s*:\\s*(?<minute${n}>\\d{2})|\\s*(?<zhHourMark${n}>[点时])(?:\\s*(?<zhMinute${n}>\\d{1,2}|[零一二三四五六七八九十]{1,3})\\s*分|(?<half${n}>半))?)?` +
    `(?:\\s*(?<amPm${n}>[ap]\\.?\\s?m\\b\\.?))?)`
  );
}

const TOKEN_RE = new RegExp(
  [
    // 7×24, 24×7, 24/7, 5×8小时, 365×24; hours first: 8x5, 12×7
    `(?<![\\d.])(?:(?<twentyFourSeven>24\\s*[×xX*✕/]\\s*7|365\\s*[×xX*✕]\\s*24|24\\s*[×xX*✕]\\s*365)|(?<roundTheClock>24\\s*[×xX*✕/]\\s*(?<roundTheClockDays>[1-6]))|(?<shiftDays>[1-7])\\s*[×xX*✕]\\s*(?<shiftHours>\\d{1,2})|(?<hoursByDays>[89]|1\\d|2[0-3])\\s*[×xX*✕]\\s*(?<daysAfterHours>[5-7])(?!\\s*[×xX*✕]))(?!\\d)(?<shiftHoursUnit>\\s*(?:个\\s*)?(?:小时|h\\b|hours?\\b))?`,
    `(?<always>全天候|全年无休|全时段|(?:24|二十四)\\s*小时\\s*(?:工作制|值班制|待命制|值守|待命|[（(]\\s*含节假日\\s*[）)])|(?:全天|每天|每日|一天|全年)\\s*(?:24|二十四)\\s*小时|(?:24|二十四)\\s*小时(?=(?:专人|专职|有人)?(?:全天候|不间断|服务|在线|值守|值班|人工|客服|热线|畅通|受理|接受|开通|开放|营业|运营|无休|接听)|(?:客户|用户)?(?:投诉|报修|咨询|服务)热线)` +
      `|a?round[-\\s]the[-\\s]clock` +
      `|24-hours?\\s+(?=support|service|hotline|helpline|coverage|customer|assistance))`,
    // 24 hours a day, twenty-four (24) hours per day, five (5) days per week
    `\\b(?<hoursPerDay>(?<hoursPerDayWord>\\d{1,2}|twenty[-\\s]four|twelve|ten|nine|eight)(?:\\s*\\(\\s*(?<hoursPerDayDigits>\\d{1,2})\\s*\\))?\\s*hours?\\s+(?:a|per|each)\\s+day` +
      `(?:(?:\\s*,)?\\s*(?:and\\s+)?(?<daysPerWeekWord>\\d|seven|six|five)(?:\\s*\\(\\s*(?<daysPerWeekDigits>\\d)\\s*\\))?\\s*days?\\s+(?:a|per|each)\\s+week)?)`,
    // clock-time ranges: 9:00-18:00, 上午9点至下午6点, 9am to 6pm
    `(?<range>(?:from\\s+|(?<between>between\\s+(?:the\\s+hours\\s+of\\s+)?))?${time(1)}\\s*(?<sep>--?|~|至|到|to|and\\s+until|and\\s+till|until|till|through|thru|and)\\s*${time(2)})`,
    // "Support hours: Business hours", 服务时间：工作时间: a schedule named by its defined term.
    `(?<named>(?:(?:support|service|coverage)\\s+hours?|hours\\s+of\\s+(?:support|service)|(?:服务|支持|人工|受理)时间)\\s*(?:are|is|:|=|为|,|，)?\\s*(?:during\\s+)?(?:our\\s+)?(?:the\\s+)?(?<namedTerm>(?:business|working|office|extended|normal)\\s+hours|工作时间|工作日|营业时间))(?!\\s*(?:的|内)?\\s*[\\d上下早晚中凌])`,
    `(?<zhAllWeek>一周(?:的)?(?:所有)?七天|每周七天|一周七天|全年\\s*365\\s*天)`,
    `(?<enAllYear>365\\s+days\\s+(?:of\\s+the|a|per)\\s+year)`,
    // day specs
    `(?<zhDays>(?:每)?(?:周|星期|礼拜)(?<zhDayFrom>[一二三四五六日天1-7])(?![天日个])(?:\\s*(?:至|到|-|~)\\s*(?:周|星期|礼拜)?(?<zhDayTo>[一二三四五六日天1-7])(?![天日个]))?)`,
    `(?<![非\\d个])(?<zhWeekdays>工作日)`,
    `(?<zhWeekend>周末|双休日|公休日)`,
    `(?<zhEveryDay>每天|每日|天天|全年|365天)`,
    `(?<zhHolidays>(?:法定)?节假日)(?<zhHolidayRule>\\s*(?:休息|除外|不营业|不服务|暂停|顺延|照常|无休|不休|正常|不间断))?`,
    `\\b(?<enDays>(?<enDayFrom>${EN_DAY_NAME})(?:\\s*(?:-|to|through|thru|until)\\s*(?<enDayTo>${EN_DAY_NAME}))?)(?![A-Za-z])`,
    `\\b(?<enWeekdays>weekdays|(?:business|working)\\s+days|M\\s*-\\s*F)\\b`,
    `\\b(?<enWeekend>weekends?)\\b`,
    `\\b(?<enEveryDay>daily|every\\s+day|seven\\s+days\\s+a\\s+week|7\\s+days\\s+a\\s+week)\\b`,
    `(?:(?<enHolidaysExcept>excluding|except(?:\\s+on)?|closed\\s+on)\\s*)?\\b(?<enHolidays>(?:public\\s+|bank\\s+)?holidays)\\b(?<enHolidaysIncluded>\\s+included)?`,
  ].join('|'),
  'gi',
);

/** Cheap test: could this text contain a schedule at all? */
export const SCHEDULE_HINT =
  /(?:business|working|office|extended)\s+hours|工作时间|七天|365|全时段|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s*(?:-|to|through|thru|until)\s*(?:mon|tue|wed|thu|fri|sat|sun)|\d\s*[:：]\s*\d\d|[0-9零一二两三四五六七八九十]\s*[点时](?:\s*(?:\d|[零一二三四五六七八九十半]))?(?:\s*分)?\s*[-~～至到]|[×xX*✕/]\s*(?:7|24|365|\d)|全天候|全年无休|(?:24|二十四)\s*小时|clock|hours?\s+(?:a|per|each)\s+day|24-hour|\d\s*[ap]\.?\s?m\b|noon|midnight|\b[012]\d[0-5]\d\s*(?:hrs?\s*)?(?:-|to|and|until)\s*[012]\d[0-5]\d\b/i;

function zhHour(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  const DIG: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + (DIG[s[1]!] ?? NaN);
  if (s.length === 3 && s[1] === '十') return (DIG[s[0]!] ?? NaN) * 10 + (DIG[s[2]!] ?? NaN);
  if (s.length === 2 && s[1] === '十') return (DIG[s[0]!] ?? NaN) * 10;
  const v = DIG[s];
  return v;
}

interface ClockTime {
  minutes: number;
  marked: boolean;
  period?: 'am' | 'pm';
}

function readTime(g: Record<string, string | undefined>, n: number): ClockTime | undefined {
  const noon = g[`noon${n}`];
  if (noon !== undefined) return { minutes: /^noon$/i.test(noon) ? 720 : 1440, marked: true };
  // 0800, 1800 hrs: a 24-hour clock written without a colon.
  const milHour = g[`milHour${n}`];
  if (milHour !== undefined) return { minutes: Number(milHour) * 60 + Number(g[`milMinute${n}`]), marked: true };
  const h = zhHour(g[`hour${n}`] ?? '');
  if (h === undefined || Number.isNaN(h) || h > 24) return undefined;
  const mText = g[`minute${n}`] ?? g[`zhMinute${n}`];
  const m = g[`half${n}`] !== undefined ? 30 : mText !== undefined ? zhHour(mText) ?? NaN : 0;
  if (Number.isNaN(m) || m >= 60) return undefined;
  const p = g[`period${n}`];
  const ap = g[`amPm${n}`]?.toLowerCase();
  let hour = h;
  let period: 'am' | 'pm' | undefined;
  if (ap?.startsWith('p') || p === '下午' || p === '晚上' || p === '晚') period = 'pm';
  else if (ap?.startsWith('a') || p === '上午' || p === '早上' || p === '早晨' || p === '早' || p === '凌晨') period = 'am';
  if (period === 'pm' && hour < 12) hour += 12;
  if (period === 'am' && hour === 12) hour = 0;
  const marked = period !== undefined || g[`minute${n}`] !== undefined || g[`zhHourMark${n}`] !== undefined;
  return { minutes: hour * 60 + m, marked, period };
}

function dayRun(a: Weekday, b: Weekday | undefined): Weekday[] {
  if (b === undefined) return [a];
  const out: Weekday[] = [];
  for (let d = a; ; d = ((d % 7) + 1) as Weekday) {
    out.push(d);
    if (d === b || out.length > 7) break;
  }
  return out;
}

function enDay(s: string): Weekday {
  return EN_DAY[s.toLowerCase().slice(0, 3)]!;
}

type Groups = Record<string, string | undefined>;

/** Every schedule token in text, in order. */
export function scanScheduleTokens(text: string): ScheduleToken[] {
  const out: ScheduleToken[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    if (m[0].length === 0) {
      TOKEN_RE.lastIndex++;
      continue;
    }
    // null: a round-the-clock match that says nothing usable, which no other reading may take.
    const roundTheClock = readRoundTheClock(m.groups!, m.index, m.index + m[0].length);
    // "except for 24x7 support scenarios": cover named as an exception, not the hours.
    if (roundTheClock && isClosedDays(text, m.index, m.index + m[0].length)) continue;
    const token = roundTheClock === undefined ? readToken(m, text, out) : roundTheClock;
    if (token) out.push(token);
  }
  return withWholeDays(text, out);
}

/** 7×24, 24×5, 5×8小时, "24 hours a day, five days a week", 全天候: how many days and hours. Undefined when the match is of another kind; null when it is of this kind but unusable. */
function readRoundTheClock(g: Groups, start: number, end: number): ScheduleToken | undefined | null {
  if (g.twentyFourSeven !== undefined) return { start, end, type: 'always' };
  // 24x5: round the clock on the first five days of the week.
  if (g.roundTheClock !== undefined) return { start, end, type: 'shifts', days: ALL_DAYS.slice(0, Number(g.roundTheClockDays)), hoursPerDay: 24 };
  if (g.shiftDays !== undefined) {
    const days = Number(g.shiftDays);
    const hours = Number(g.shiftHours);
    if (hours < 1 || hours > 24) return null;
    if (days === 7 && hours === 24) return { start, end, type: 'always' };
    if (g.shiftHoursUnit !== undefined || days >= 5) return { start, end, type: 'shifts', days: days >= 5 ? ALL_DAYS.slice(0, days) : undefined, hoursPerDay: hours };
    return null;
  }
  // 8x5 Business Hours: eight hours a day, five days a week.
  if (g.hoursByDays !== undefined) return { start, end, type: 'shifts', days: ALL_DAYS.slice(0, Number(g.daysAfterHours)), hoursPerDay: Number(g.hoursByDays) };
  if (g.hoursPerDay !== undefined) {
    const hours = g.hoursPerDayDigits !== undefined ? Number(g.hoursPerDayDigits) : parseEnglishNumber(g.hoursPerDayWord!);
    const dpw = g.daysPerWeekDigits !== undefined ? Number(g.daysPerWeekDigits) : g.daysPerWeekWord !== undefined ? parseEnglishNumber(g.daysPerWeekWord) : 7;
    if (hours === undefined || dpw === undefined || hours > 24 || dpw < 1 || dpw > 7) return null;
    if (hours === 24 && dpw === 7) return { start, end, type: 'always' };
    return { start, end, type: 'shifts', days: ALL_DAYS.slice(0, dpw), hoursPerDay: hours };
  }
  if (g.always !== undefined || g.enAllYear !== undefined) return { start, end, type: 'always' };
  return undefined;
}

/** A named schedule, a time range or a day spec; undefined for a match that names nothing usable. */
function readToken(m: RegExpExecArray, text: string, before: readonly ScheduleToken[]): ScheduleToken | undefined {
  const g = m.groups!;
  const start = m.index;
  const end = start + m[0].length;
  if (g.named !== undefined) {
    const term = g.namedTerm!.toLowerCase().replace(/\s+/g, '-');
    const name = /^(?:business|working|office|normal)-hours$|^工作时间$|^工作日$|^营业时间$/.test(term) ? 'business-hours' : term;
    return { start: start + m[0].lastIndexOf(g.namedTerm!), end, type: 'named', name };
  }
  if (g.zhAllWeek !== undefined) return { start, end, type: 'days', days: ALL_DAYS, reserved: true };
  if (g.range !== undefined) return readRange(m, text, before);
  if (g.enHolidays === undefined && g.zhHolidays === undefined && isClosedDays(text, start, end)) return undefined;
  return readDays(m, text);
}

/** 9:00-18:00, 上午9点至下午6点, "9am to 6pm"; "9-5" only right after the days it applies to. */
function readRange(m: RegExpExecArray, text: string, before: readonly ScheduleToken[]): ScheduleToken | undefined {
  const g = m.groups!;
  let start = m.index;
  const end = start + m[0].length;
  if (g.sep === 'and' && g.between === undefined) return undefined;
  const a = readTime(g, 1);
  const b = readTime(g, 2);
  if (!a || !b) return undefined;
  // "between 0800 and 1800", "0900-1700 hrs"; not "between 2000 and 2010", which are years.
  if ((g.milHour1 !== undefined || g.milHour2 !== undefined) && !(g.milHour1?.startsWith('0') || g.milMark1 || g.milMark2 || /^between\s+the\s+hours\s+of\b/i.test(m[0]))) return undefined;
  // "9-5" is a time range only right after the days it applies to: "Mon-Fri, 9-5".
  const previous = before[before.length - 1];
  const afterDays = previous !== undefined && previous.type === 'days' && previous.days !== undefined && /^[\s,，]*$/.test(text.slice(previous.end, start));
  if (!a.marked && !b.marked && !afterDays) return undefined;
  let from = a.minutes;
  let to = b.minutes;
  // "9am-5pm" marks both; "9-5pm" only the end: the start takes the end's period unless that makes it later.
  if (b.period === 'pm' && a.period === undefined && from + 720 < to) from += 720;
  if (a.period === 'pm' && b.period === undefined && to < 720) to += 720;
  // 9点到6点: without any am/pm, an end before the start means the afternoon.
  if (to <= from && a.period === undefined && b.period === undefined && to < 720 && from < 720) to += 720;
  if (from === to || from > 1440 || to > 1440) return undefined;
  const lead = /^(?:from|between(?:\s+the\s+hours\s+of)?)\s+/i.exec(m[0]);
  if (lead) start += lead[0].length;
  return { start, end, type: 'time', from, to };
}

/** 周一至周五, weekdays, 周末, every day, 节假日照常, "excluding public holidays". */
function readDays(m: RegExpExecArray, text: string): ScheduleToken | undefined {
  const g = m.groups!;
  const start = m.index;
  const end = start + m[0].length;
  if (g.zhDays !== undefined) return { start, end, type: 'days', days: dayRun(ZH_DAY[g.zhDayFrom!]!, g.zhDayTo !== undefined ? ZH_DAY[g.zhDayTo]! : undefined) };
  if (g.zhWeekdays !== undefined || g.enWeekdays !== undefined) return { start, end, type: 'days', days: WEEKDAYS };
  if (g.zhWeekend !== undefined || g.enWeekend !== undefined) return { start, end, type: 'days', days: WEEKEND };
  if (g.zhEveryDay !== undefined || g.enEveryDay !== undefined) return { start, end, type: 'days', days: ALL_DAYS };
  if (g.zhHolidays !== undefined) {
    const x = g.zhHolidayRule?.trim();
    const holidays = x === undefined ? 'mentioned' : /照常|无休|不休|正常|不间断/.test(x) ? 'open' : /顺延/.test(x) ? 'mentioned' : 'closed';
    return { start, end, type: 'days', holidays };
  }
  if (g.enHolidays !== undefined) {
    const holStart = start + m[0].lastIndexOf(g.enHolidays);
    const included = /\binclud(?:ing|ed)\s*$/i.test(text.slice(Math.max(0, holStart - 12), holStart)) || g.enHolidaysIncluded !== undefined;
    return { start: holStart, end: holStart + g.enHolidays.length, type: 'days', holidays: g.enHolidaysExcept !== undefined ? 'closed' : included ? 'open' : 'mentioned' };
  }
  if (g.enDays !== undefined) return { start, end, type: 'days', days: dayRun(enDay(g.enDayFrom!), g.enDayTo !== undefined ? enDay(g.enDayTo) : undefined) };
  return undefined;
}

/** 每周一到星期五 24 小时, "Monday to Friday (24 hours)": whole days after a day spec; and day specs listed together. */
function withWholeDays(text: string, tokens: readonly ScheduleToken[]): ScheduleToken[] {
  const out: ScheduleToken[] = [];
  for (const t of tokens) {
    out.push(t);
    if (t.type !== 'days' || !t.days) continue;
    const m = WHOLE_DAY_AFTER.exec(text.slice(t.end, t.end + 20));
    if (m) out.push({ start: t.end + m.index + m[0].length - m[1]!.length, end: t.end + m.index + m[0].length, type: 'time', from: 0, to: 1440 });
  }
  for (let i = 1; i < out.length; i++) {
    const a = out[i - 1]!;
    const b = out[i]!;
    if (a.type === 'days' && b.type === 'days' && a.days && b.days && LIST_SEP.test(text.slice(a.end, b.start))) b.listWithPrevious = true;
  }
  return out;
}

// 周六、周日休息 / excluding weekends: days named as closed, not as the days of the hours.
function isClosedDays(text: string, start: number, end: number): boolean {
  return /(?:excluding|except(?:\s+(?:on|for|in))?|other\s+than|closed\s+on|not\s+on|除)\s*$/i.test(text.slice(Math.max(0, start - 16), start)) ||
    /^\s*(?:休息|除外|不营业|不服务|不上班|closed)/i.test(text.slice(end, end + 8));
}

const WHOLE_DAY_AFTER = /^[\s(（的]*(?:[\u4e00-\u9fff]{1,8}\s*[(（]?\s*)?(?:每天\s*)?(?:提供\s*)?((?:24|二十四)\s*(?:个\s*)?(?:小时|hours?))(?!\s*(?:之?内|以内|within))/i;

const LIST_SEP = /^\s*(?:、|,|和|及|与|以及|and|&|\/)\s*$/i;

/**
 * Builds one schedule from the tokens of one sentence run, in text order. A time
 * range takes the days named before it; if none were, the days named right after
 * it (9:00-18:00（周一至周五）).
 */
export function buildSchedule(tokens: ScheduleToken[]): ServiceHours | undefined {
  const slots: ScheduleSlot[] = [];
  let days: Weekday[] | 'holidays' | undefined;
  let holidays: 'open' | 'closed' | undefined;
  let pending: ScheduleSlot[] = [];
  let always = false;
  let named: string | undefined;
  const assign = (slot: ScheduleSlot, d: Weekday[] | 'holidays') => {
    if (d === 'holidays') slot.holidays = true;
    else slot.days = d;
  };
  for (const t of tokens) {
    if (t.type === 'days') {
      if (t.holidays === 'open' || t.holidays === 'closed') holidays = t.holidays;
      // 节假日休息 closes holidays; it does not name the days of the hours that follow.
      if (t.holidays === 'closed' || (t.holidays === 'mentioned' && t.days === undefined && pending.length === 0 && slots.length > 0)) continue;
      const d: Weekday[] | 'holidays' = t.days ?? 'holidays';
      days = t.listWithPrevious && Array.isArray(days) && Array.isArray(d) ? [...new Set([...days, ...d])] : d;
      for (const slot of pending) assign(slot, days);
      if (!t.listWithPrevious) pending = [];
    } else if (t.type === 'time') {
      const slot: ScheduleSlot = { from: t.from, to: t.to };
      if (days) assign(slot, days);
      else pending.push(slot);
      slots.push(slot);
    } else if (t.type === 'always') {
      always = true;
    } else if (t.type === 'named') {
      named = t.name;
    } else if (t.hoursPerDay === 24) {
      // 24 hours a day, five days a week: whole days, comparable with 0:00-24:00.
      slots.push({ days: t.days, from: 0, to: 1440 });
    } else {
      slots.push({ days: t.days, hoursPerDay: t.hoursPerDay });
    }
  }
  if (!always && slots.length === 0) {
    // A defined term stands for a schedule defined elsewhere; it compares equal only to the same term.
    return named ? { twentyFourSeven: false, slots: [], canonical: `named:${named}` } : undefined;
  }
  // 全天候接收，人工处理时间为工作日9:00-18:00: explicit hours say when people are there;
  // the round-the-clock part is about receiving, so the explicit hours win.
  // "Saturday-Sunday 24x7": round the clock on the days named, not every day.
  if (always && !slots.some((s) => s.from !== undefined)) slots.push({ days: Array.isArray(days) ? days : ALL_DAYS, from: 0, to: 1440 });
  const canonical = canonicalSchedule(slots, holidays);
  return { twentyFourSeven: canonical === '24x7', slots, holidays, canonical };
}

const DAY_NAMES = ['*', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'holidays'];
const HOLIDAY_KEY = 8;

function hhmm(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Merges overlapping and touching ranges. */
function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = ranges.slice().sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last[0] <= last[1] && r[0] <= r[1] && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** "24x7", "mon-fri 09:00-18:00; sat 09:00-12:00", "mon-fri 8h", "* 09:00-18:00". */
export function canonicalSchedule(slots: ScheduleSlot[], holidays?: 'open' | 'closed'): string {
  const perDay = new Map<number, [number, number][]>();
  const extra: string[] = [];
  for (const s of slots) {
    if (s.from !== undefined && s.to !== undefined) {
      const keys = s.holidays ? [HOLIDAY_KEY] : (s.days ?? [0]);
      for (const d of keys) {
        const list = perDay.get(d) ?? [];
        list.push([s.from, s.to]);
        perDay.set(d, list);
      }
    } else if (s.hoursPerDay !== undefined) {
      extra.push(`${s.days ? dayList(s.days) : '*'} ${s.hoursPerDay}h`);
    }
  }
  const text = new Map<number, string>();
  for (const [d, ranges] of perDay) text.set(d, mergeRanges(ranges).map(([a, b]) => `${hhmm(a)}-${hhmm(b)}`).join(','));
  const fullDay = '00:00-24:00';
  if (extra.length === 0 && !text.has(0) && ALL_DAYS.every((d) => text.get(d) === fullDay)) {
    return holidays === 'closed' ? '24x7; holidays closed' : '24x7';
  }
  const parts: string[] = [];
  if (text.has(0)) parts.push(`* ${text.get(0)}`);
  // Days with identical hours read as one group, in the order of their first day:
  // mon-fri 09:00-18:00; sat 09:00-12:00 / mon,wed,fri 09:00-17:00.
  const groups = new Map<string, Weekday[]>();
  for (const d of ALL_DAYS) {
    const hours = text.get(d);
    if (hours !== undefined) groups.set(hours, [...(groups.get(hours) ?? []), d]);
  }
  for (const [hours, days] of groups) parts.push(`${dayList(days)} ${hours}`);
  if (text.has(HOLIDAY_KEY)) parts.push(`holidays ${text.get(HOLIDAY_KEY)}`);
  appendAll(parts, extra);
  if (holidays && !text.has(HOLIDAY_KEY)) parts.push(`holidays ${holidays}`);
  return parts.join('; ');
}

/** mon-fri, mon,wed,fri, mon-wed,sat: runs of consecutive days joined by a dash. */
function dayList(days: Weekday[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j > i ? `${DAY_NAMES[sorted[i]!]}-${DAY_NAMES[sorted[j]!]}` : DAY_NAMES[sorted[i]!]!);
    i = j + 1;
  }
  return parts.join(',');
}
