// Scope that belongs to one value of a sentence, not to the values after it: the share of contacts it is
// promised for, a case after its preposition, what "all other" or 其他时间 after it undoes, and the item a
// "name – value" line names.

import { dimensionOf, openValue } from './dimensions';
import type { Condition } from './types';
import type { RawValue } from './value';
import { withoutWords, type Hit } from './lexicon';

// "simple enquiries within 5 days and all enquiries within 10", 其他问题, 其他时间: the rest, after a case.
export const ALL_OR_OTHER =
  /\b(?:all|any|every)\s+(?:other\s+)?(?:enquir|inquir|complaint|request|repair|case|ticket|issue|quer|question|letter|email|call|message)|\bother\s+(?:enquir|inquir|complaint|request|repair|case|ticket|issue|quer|question|letter|email|call|message)|(?:其他|其它|其余)(?:时间|时段|时候|情况|情形|事项|业务|地区|区域|问题|投诉|咨询|诉求|用户|客户)/i;

/**
 * The words between a value and an English case that make the case that value's: " for", " of flight arrival for the",
 * " in". A conjunction or a new subject between them starts another statement: "within 8 hours except that for urgent
 * issues we…".
 */
export const SCOPE_AFTER_VALUE =
  /^(?:\s+(?!(?:and|or|but|then|while|whereas|although|though|except|unless|so|if|when|where|because|that|we|you|it|they|this)\b)[A-Za-z'-]+){0,6}?\s+(?:for|on|in|during|at|under)\s+(?:the\s+|all\s+|any\s+|an?\s+|our\s+|your\s+)?$/i;
export const SCOPE_AFTER_REACH = 80;

const CONTACT_NOUNS =
  'calls?|requests?|enquir(?:y|ies)|inquir(?:y|ies)|complaints?|letters?|e-?mails?|contacts?|correspondence|cases?|tickets?|applications?|decisions?|notices?|notifications?|quer(?:y|ies)|messages?|incidents?|issues?|reports?|appeals?|claims?|visitors?|customers?|repairs?|jobs?|orders?|deliveries|parcels?|items?|refunds?|questions?|callers?|voicemails?|chats?|faults?|defects?|bugs?';
const ZH_CONTACT_NOUNS = '来电|电话|呼入|工单|投诉|咨询|请求|来信|邮件|案件|诉求|问题|事项|申请|快件|包裹|订单|报修|故障|用户|客户|来访';
// "80% of calls within 30 seconds", "95% within 2 minutes", 80%的来电在20秒内接通: the share of contacts is what the time is
// promised for; "99.9% of the time", "100% of the fee" and 100%的比例 are no share of contacts.
const SHARE_JOIN = new RegExp(
  `^\\s*(?:within\\s+$|of\\s+(?:all\\s+|the\\s+|our\\s+|your\\s+)?(?:[a-z-]+\\s+){0,3}?(?:${CONTACT_NOUNS})\\b[^%]{0,90}$|的(?:${ZH_CONTACT_NOUNS})[^%]{0,40}$)`,
  'i',
);

export const OTHER_TIMES = /(?:其他|其它|其余)(?:时间|时段|时候)/;

const OTHER_REPLACES = new Set<string>(['case', 'priority']);

/** Whether "other" after a value undoes this condition of it: its own, any case or level, and its time after 其他时间. */
export function replacedByOther(c: Condition, previousOwn: readonly Condition[], otherTimes: boolean): boolean {
  return previousOwn.includes(c) || OTHER_REPLACES.has(dimensionOf(c)) || (otherTimes && dimensionOf(c) === 'time');
}

/** The time regime that "other times" is: out of hours after business hours, business hours after the hours outside them. */
export function restOfClock(previous: readonly Condition[]): Condition | undefined {
  const time = previous.find((c) => dimensionOf(c) === 'time');
  if (time === 'workday') return 'out-of-hours';
  // 夜间…，其他时间…: the rest of the night is daytime on every day, which no regime names.
  return time === 'out-of-hours' || time === 'non-workday' || time === 'weekend' || time === 'holiday' ? 'workday' : undefined;
}

/** The share of contacts right before a time in its clause, as a condition of that time. */
export function shareBefore(text: string, values: readonly RawValue[], valueClause: readonly number[], j: number): Condition | undefined {
  const v = values[j]!;
  const p = values[j - 1];
  if (!p || v.unit === 'percent' || p.unit !== 'percent' || p.max === undefined || valueClause[j - 1] !== valueClause[j] || v.start - p.end > 120) return undefined;
  if (!SHARE_JOIN.test(text.slice(p.end, v.start))) return undefined;
  return openValue('share', `${p.max} percent`);
}

// "Notification of rejection – 4 business hours": an item's name, a dash, its value, on a line of its own.
const ITEM_LINE = /(?:^|\n)[ \t]*(?:[-*•·][ \t]*)?([A-Za-z][^\n–—:：]{2,60}?)[ \t]+[–—-][ \t]+(?:(?:within|at\s+least|up\s+to|no\s+more\s+than)[ \t]+)?$/i;
const ITEM_LINES = /(?:^|\n)[ \t]*(?:[-*•·][ \t]*)?[A-Za-z][^\n–—:：]{2,60}?[ \t]+[–—-][ \t]+(?:(?:within|at\s+least|up\s+to|no\s+more\s+than)[ \t]+)?(?:\d|half\b|one\b|two\b)/gi;
// Words of an item's name that tell no item apart: the metric's own nouns, and what a target is.
const ITEM_FILLER = /\b(?:times?|targets?|sla|levels?|standards?|receipt|period|incidents?|by|during|within|from|at|after|before|office|hours?)\b/gi;

/**
 * The item a line names before its value, in a block of such lines ("Notification of rejection – 4 business
 * hours⏎Notification of expected service start date – 6 business hours"): what the name says beside its
 * metric, channel and levels tells the items apart. Undefined for a line that is not such an item, or
 * whose name says nothing more ("Email response – 4 hours").
 */
export function itemLabelCase(text: string, from: number, valueStart: number, hits: readonly Hit[]): Condition | undefined {
  const m = ITEM_LINE.exec(text.slice(Math.max(0, valueStart - 96), valueStart));
  if (!m) return undefined;
  if (!hasItemLines(text)) return undefined;
  const labelEnd = valueStart - (m[0].length - m[0].indexOf(m[1]!) - m[1]!.length);
  // A table cell's labels are put before its first line: they are the row's, not the item's.
  const labelStart = Math.max(from, labelEnd - m[1]!.length);
  return itemNamed(text, labelStart, labelEnd, hits);
}

/** The last block asked about: its values are asked about one after another. */
let lastBlock: { text: string; items: boolean } | undefined;

/** Whether a block has two or more "name – value" lines (read in its first 4,000 characters), counted once per block. */
function hasItemLines(text: string): boolean {
  if (lastBlock?.text !== text) {
    let lines = 0;
    for (const _ of text.slice(0, 4000).matchAll(ITEM_LINES)) if (++lines > 1) break;
    lastBlock = { text, items: lines > 1 };
  }
  return lastBlock.items;
}

/**
 * What an item's name says besides its metric, channel and levels, as a case: "Notification of rejection" →
 * rejection. Undefined when the name names no metric, or nothing more.
 */
function itemNamed(text: string, labelStart: number, labelEnd: number, hits: readonly Hit[]): Condition | undefined {
  if (!hits.some((h) => h.start >= labelStart && h.end <= labelEnd && h.kind === 'metric')) return undefined;
  const rest = withoutWords(text, labelStart, labelEnd, hits, ['metric', 'channel', 'condition'], ' ');
  return openValue('case', rest.replace(ITEM_FILLER, ' '));
}

/** The item's case within the case the value has already (its table row's): both tell it apart. */
export function withItemCase(conditions: Condition[], item: Condition): Condition[] {
  const k = conditions.findIndex((c) => dimensionOf(c) === 'case');
  if (k < 0) return [...conditions, item].sort();
  if (conditions[k]!.includes(item.replace(/^case:/, ''))) return conditions;
  const joined = openValue('case', `${conditions[k]!.replace(/^case:/, '')} ${item.replace(/^case:/, '')}`) ?? item;
  return conditions.map((c, i) => (i === k ? joined : c)).sort();
}
