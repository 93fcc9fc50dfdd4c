// Which words belong to which value: the metric, channel(s) and conditions of
// each value in a sentence, chosen by clause, distance and word order.

import { conditionGroup, PRIORITY_LABEL, qualifies, RATE_OF_VERB, type Hit } from './lexicon';
import { dimensionOf, openValue } from './dimensions';
import { clauseAt, lowerBound, overlapsAny, type Clause, type Sentence } from './text';
import type { Channel, Condition, DurationMetric, ExtractContext, Metric, RateMetric } from './types';
import type { RawValue } from './value';

export interface SentenceCtx {
  /** Normalised text of the whole block. */
  text: string;
  original: string;
  clauses: Clause[];
  sentence: Sentence;
  hits: Hit[];
  values: RawValue[];
  valueClause: number[];
  clauseHasValue: Set<number>;
  context: ExtractContext;
  escalates: boolean;
  /** Channel(s) named earlier in the block, for a sentence that names none. */
  carriedChannels: Channel[];
  /** Conditions of a lead-in sentence without values, or of a leading priority label. */
  carriedConditions: Condition[];
  /** hits[clauseHitFrom[k] … clauseHitFrom[k + 1]) start in clause k: every lookup stays local. */
  clauseHitFrom: number[];
  /** Spans of schedules in the sentence: 工作日 in 工作日9:00-17:00 names days, not a condition. */
  scheduleSpans: { start: number; end: number }[];
  /** Per clause: aim wording in an earlier clause without a value (原则上，…); filled on first use. */
  aimLeadIn?: boolean[];
}

// A plan name in brackets after a value: "4 hours (Basic)", "1 hour (standard)", 2小时（企业版）.
const PLAN_IN_BRACKETS =
  /^\s*[(（]\s*((?:basic|standard|pro|professional|business|enterprise|premium|premier|enhanced|extended|custom|default|free|platinum|gold|silver|bronze)(?:\s+(?:plan|tier|support|sla))?|[\u4e00-\u9fff]{1,4}版)\s*[)）]/i;

// A clause that opens by naming its case: "For …:", "If …,", 对于…，
const SCOPE_OPENER =
  /^\s*(?:[-*+]\s+)?(?:for|对于|针对|if|in\s+(?:the\s+)?case(?:\s+that)?|where|如果|如|若)\s*([^:：,，;；.。\d]{3,80}?)\s*(?:[:：,，]|\b(?:we|I|they)\s+(?:will|shall)\b|\b[A-Z]{2,}\s+(?:will|shall)\b)/i;

/** The open case value a clause names in its own words, when it names no known condition or channel there. */
function scopePhraseOf(ctx: SentenceCtx, clause: Clause): Condition | undefined {
  const m = SCOPE_OPENER.exec(ctx.text.slice(clause.start, Math.min(clause.end, clause.start + 120)));
  if (!m) {
    // 对于…问题，: the phrase is the whole clause, ended by the comma.
    const whole = /^\s*(?:[-*+]\s+)?(?:对于|针对|for)\s*([^:：,，;；.。\d]{2,80}?)\s*[,，]?\s*$/i.exec(ctx.text.slice(clause.start, clause.end));
    if (whole) return openCase(ctx, clause.start + whole.index + whole[0].indexOf(whole[1]!), whole[1]!);
    // "Stage 1 – 5 working days", 第一阶段：5个工作日: the label of a bare value names its case.
    const value = ctx.values.find((v) => v.start >= clause.start && v.start < clause.end);
    const label = value && valueLabel(ctx.text, clause.start, value.start);
    const words = label && ctx.text.slice(label.start, label.end);
    // A priority (P1, Sev 2, Priority 1) is a known condition, read from the label as such.
    if (!label || GENERIC_LABEL.test(words!) || WHOLE_PRIORITY.test(words!)) return undefined;
    if (ctx.hits.some((h) => h.start >= label.start && h.end <= label.end && h.kind === 'metric')) return undefined;
    return openCase(ctx, label.start, ctx.text.slice(label.start, label.end));
  }
  return openCase(ctx, clause.start + m.index + m[0].indexOf(m[1]!), m[1]!);
}

/** A short label, a colon or a spaced dash, then the value: "Stage 1 – 5 working days", "Urgent: 2 hours", 第一阶段：5个工作日. */
const LABEL_BEFORE_VALUE = /^\s*(?:[-*+]\s+)?([^\s:：–—,，;；.。!?！？](?:[^:：–—,，;；.。!?！？\n]{0,38}[^\s:：–—,，;；.。!?！？])?)\s*(?:[:：]|[–—]|(?<=\s)-(?=\s))\s*(?:[≤≥<>=~约在于为]\s*|(?:within|in|under|up\s+to)\s+)?$/i;

const WHOLE_PRIORITY = new RegExp(`^\\s*(?:[-*+]\\s+)?(?:${PRIORITY_LABEL})\\s*$`, 'i');

/** What a label says of any value, not of a case: "Target: 4 hours", 时限：5个工作日. */
const GENERIC_LABEL =
  /^\s*(?:[-*+]\s+)?(?:(?:the|our|your|typical|usual|expected|maximum|max|minimum|min|average|guaranteed)\s+)*(?:targets?|goals?|times?|timescales?|time\s*frames?|deadlines?|(?:time\s+)?limits?|durations?|periods?|commitments?|promises?|sla|note|timing|时限|时间|期限|目标|标准|承诺|时效|最长|最迟|最晚|备注|说明)\s*$/i;

/** The label before a value that nothing else stands before, when there is one (LABEL_BEFORE_VALUE). */
export function valueLabel(text: string, clauseStart: number, valueStart: number): { start: number; end: number } | undefined {
  const m = LABEL_BEFORE_VALUE.exec(text.slice(clauseStart, valueStart));
  if (!m || !/[\p{L}]/u.test(m[1]!)) return undefined;
  const start = clauseStart + m.index + m[0].indexOf(m[1]!);
  return { start, end: start + m[1]!.length };
}

function openCase(ctx: SentenceCtx, start: number, phrase: string): Condition | undefined {
  const end = start + phrase.length;
  const inside = ctx.hits.filter((h) => h.start >= start && h.end <= end);
  // A known condition names the case itself; "If you call us," names only the channel.
  if (inside.some((h) => h.kind === 'condition')) return undefined;
  const channels = inside.filter((h) => h.kind === 'channel');
  if (channels.length > 0 && !saysMoreThanContact(ctx.text, start, end, channels)) return undefined;
  return openValue('case', phrase);
}

/** Words of getting in touch: with a channel, all an "if …" says is how the customer contacts us. */
const CONTACT_WORDS = new Set(
  'you your we us our i me my they them their a an the to by via through with on in at of for from and or is are be do does have has contact contacts contacted contacting reach reaches reached write writes wrote send sends sent submit submits submitted make makes made use uses used get gets touch leave leaves left need needs want wants would like address addresses number numbers published official designated dedicated listed fax form forms page site website account'.split(' '),
);

/**
 * Whether an English "if …" clause that names a channel also names a case: "if your call joins a
 * queue", "if all our phone lines are busy" (an exception that may rightly differ), not "if you
 * call us" or "if you contact us by email" (the normal case, on that channel). In Chinese, where
 * words are not spaced, a channel still settles it.
 */
function saysMoreThanContact(text: string, start: number, end: number, channels: readonly Hit[]): boolean {
  let rest = '';
  let at = start;
  for (const h of channels) {
    rest += text.slice(at, h.start) + ' ';
    at = h.end;
  }
  rest += text.slice(at, end);
  if (/[\u4e00-\u9fff]/.test(rest)) return false;
  return (rest.toLowerCase().match(/[a-z]+/g) ?? []).some((w) => !CONTACT_WORDS.has(w));
}

/** Indexes hits by clause; both lists are in text order. */
export function indexHits(clauses: Clause[], hits: Hit[]): number[] {
  const from: number[] = [];
  let h = 0;
  for (const c of clauses) {
    while (h < hits.length && hits[h]!.start < c.start) h++;
    from.push(h);
  }
  from.push(hits.length);
  return from;
}

export function hitsOfClause(ctx: SentenceCtx, k: number): Hit[] {
  return ctx.hits.slice(ctx.clauseHitFrom[k], ctx.clauseHitFrom[k + 1]);
}

/** How many values (other than value self) lie within [a, b). */
function valuesBetween(ctx: SentenceCtx, a: number, b: number, self: number): number {
  if (b <= a) return 0;
  const from = lowerBound(ctx.values, a);
  const to = lowerBound(ctx.values, b);
  return to - from - (self >= from && self < to ? 1 : 0);
}

// Words further than this from a value, in its own clause, are not looked at; nothing
// realistic is that far, and it keeps a long clause with many values linear.
const SAME_CLAUSE_REACH = 120;
// A lead-in or follow-up clause further than this many clauses away does not count.
const CLAUSE_REACH = 3;

/**
 * The word of the wanted kind that belongs to value i: the nearest in its own
 * clause (Chinese puts the verb after the value, English before), then a word in a
 * clause that has no value of its own ("24小时内，我们将回复您").
 */
export function pickNearest(ctx: SentenceCtx, i: number, want: (h: Hit) => boolean, lang: 'zh' | 'en', maxDistance = Infinity): Hit | undefined {
  const v = ctx.values[i]!;
  const ci = ctx.valueClause[i]!;
  const reach = Math.min(maxDistance, SAME_CLAUSE_REACH);
  let best: Hit | undefined;
  let bestScore = Infinity;
  const consider = (h: Hit, score: number) => {
    // 未参与处理的专员: a verb used as a modifier is not the promised action.
    if (h.kind === 'metric' && ctx.text[h.end] === '的') score += 15;
    // 处理时限：2个工作日 / "response time: 4 hours": a limit noun before the value names its metric, even from
    // another clause; one after it ("1个工作日内确认受理并告知处理时限") is about something else.
    if (h.kind === 'metric' && h.end <= v.start && LIMIT_NOUN.test(ctx.text.slice(h.end, h.end + 6))) score -= 40;
    if (score < bestScore) {
      bestScore = score;
      best = h;
    }
  };
  const from = ctx.clauseHitFrom[ci]!;
  const to = ctx.clauseHitFrom[ci + 1]!;
  // Only the words within reach, found from the value outwards.
  let lo = Math.max(from, Math.min(to, lowerBound(ctx.hits, v.start - reach - 16)));
  while (lo < to && ctx.hits[lo]!.end < v.start - reach) lo++;
  for (let k = lo; k < to && ctx.hits[k]!.start <= v.end + reach; k++) {
    const h = ctx.hits[k]!;
    if (!want(h) || (h.start < v.end && h.end > v.start)) continue;
    const after = h.start >= v.end;
    const dist = after ? h.start - v.end : v.start - h.end;
    if (dist > reach) continue;
    if (!after && h.kind === 'metric' && isReferenceEvent(ctx.text, h, v.start)) continue;
    let score = dist + (after === (lang === 'zh') ? 0 : lang === 'en' ? 10 : 3);
    const between = after ? valuesBetween(ctx, v.end, h.start, i) : valuesBetween(ctx, h.end, v.start, i);
    score += 25 * between;
    // Between this value and the next one, a verb belongs to the value it is next to in the
    // language's order: "acknowledge within 1 day and resolve within 5 days", 2小时内上报、24小时内调查.
    // A rate noun right after its percentage is that percentage's ("1% downtime"), whatever follows.
    const adjacentRate = h.kind === 'rate' && after && dist <= 3;
    if (between === 0 && !adjacentRate && ownedByNeighbour(ctx, i, h, after, lang)) score += 30;
    consider(h, score);
  }
  if (maxDistance !== Infinity) return best;
  for (let hc = Math.max(0, ci - CLAUSE_REACH); hc <= Math.min(ctx.clauses.length - 1, ci + CLAUSE_REACH); hc++) {
    if (hc === ci || ctx.clauseHasValue.has(hc)) continue;
    const clauseStart = ctx.clauses[hc]!.start;
    for (let k = ctx.clauseHitFrom[hc]!; k < ctx.clauseHitFrom[hc + 1]!; k++) {
      const h = ctx.hits[k]!;
      if (!want(h)) continue;
      // In another clause the main verb comes last (安排专人进行回访), so later words win ties.
      consider(h, 60 + 20 * Math.abs(hc - ci) + (hc > ci ? 0 : 10) - (h.start - clauseStart) / 1000);
    }
  }
  return best;
}

const LIMIT_NOUN = /^(?:\s*(?:时限|时效|期限)|\s+(?:time|deadline)\b)/i;

function ownedByNeighbour(ctx: SentenceCtx, i: number, h: Hit, after: boolean, lang: 'zh' | 'en'): boolean {
  const ci = ctx.valueClause[i]!;
  if (after && lang === 'en') {
    const next = ctx.values[i + 1];
    return next !== undefined && ctx.valueClause[i + 1] === ci && next.start >= h.end;
  }
  if (!after && lang === 'zh') {
    const prev = ctx.values[i - 1];
    return prev !== undefined && ctx.valueClause[i - 1] === ci && prev.end <= h.start;
  }
  return false;
}

// 收到投诉后 / 自受理之日起 / within 5 days of acknowledgement: the event the clock
// starts from, not the action promised.
const ZH_REFERENCE_AFTER = /^[^,，;；。:：\d]{0,6}?(?:之日起|之日|之后|以后|后|起)/;
const EN_REFERENCE_BEFORE = /\b(?:of|after|from|following|upon|since|receiving)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|your\s+)?$/i;

function isReferenceEvent(text: string, h: Hit, valueStart: number): boolean {
  if (ZH_REFERENCE_AFTER.test(text.slice(h.end, Math.min(valueStart, h.end + 8)))) return true;
  return EN_REFERENCE_BEFORE.test(text.slice(Math.max(0, h.start - 24), h.start));
}

export function pickRate(ctx: SentenceCtx, i: number): { metric: RateMetric; hit: Hit } | undefined {
  const ci = ctx.valueClause[i]!;
  // A rate word far from the number is usually about something else (a service credit of 10%).
  const rateHit = pickNearest(ctx, i, (h) => h.kind === 'rate', 'en', 40);
  const verb = pickNearest(ctx, i, (h) => h.kind === 'metric' && clauseAt(ctx.clauses, h.start) === ci, 'zh');
  // "80% of the time": of the promise the clause makes (calls answered in 30 s), unless it is about meeting the SLA itself.
  const ofTheTime = rateHit && /^of\s/i.test(ctx.text.slice(rateHit.start, rateHit.end));
  const aboutTargets = /\b(?:SLAs?|targets?|deadlines?|objectives?)\b|时限|时效/i.test(ctx.text.slice(ctx.clauses[ci]!.start, ctx.clauses[ci]!.end));
  if (rateHit && !(ofTheTime && !aboutTargets && verb && RATE_OF_VERB[verb.value as DurationMetric])) return { metric: rateHit.value as RateMetric, hit: rateHit };
  if (!verb) return undefined;
  const firstTime = hitsOfClause(ctx, ci).some((h) => h.kind === 'fcr');
  if (verb.value === 'resolve' && firstTime) return { metric: 'first-contact-resolution', hit: verb };
  const mapped = RATE_OF_VERB[verb.value as DurationMetric];
  return mapped ? { metric: mapped, hit: verb } : undefined;
}

const PHONE_METRICS = new Set<Metric | undefined>(['answer', 'answer-rate', 'abandonment']);
// Between two listed channels: a separator and at most a short qualifier (电子邮件和网站留言, "email and support ticket").
const LIST_SEPARATOR = /^\s*(?:(?:、|,|，|和|及|与|或|或者|以及|\/)\s*[\u4e00-\u9fff]{0,3}|(?:,|and|or|&|\/|,\s*(?:and|or))\s*(?:[a-z]+\s+){0,2})\s*$/i;

/** Hits of kind channel in clause k. */
export function channelHits(ctx: SentenceCtx, k: number): Hit[] {
  return hitsOfClause(ctx, k).filter((h) => h.kind === 'channel');
}

/**
 * Picks the channel among candidate hits, then adds the channels listed with it
 * (电子邮件和网站留言, "email and support ticket"): one promise for each.
 */
export function chooseChannels(text: string, cands: Hit[], near: { start: number; end: number } | undefined, metric: Metric | undefined): Channel[] {
  if (cands.length === 0) return [];
  // A complaint's deadline belongs to the complaint, whatever channel carried it;
  // answering is always about the channel.
  if (PHONE_METRICS.has(metric)) {
    const other = cands.filter((h) => h.value !== 'complaint');
    if (other.length) cands = other;
  } else if (cands.some((h) => h.value === 'complaint')) {
    return ['complaint'];
  }
  let bestIndex = 0;
  if (near) {
    let bestDist = Infinity;
    cands.forEach((h, k) => {
      // 留言 (a message) names the form more than the channel: 微信公众号留言 is social.
      const d = (h.start >= near.end ? h.start - near.end : near.start - h.end) + (h.value === 'ticket' ? 8 : 0);
      if (d < bestDist) {
        bestDist = d;
        bestIndex = k;
      }
    });
  }
  // The listed channels, in text order.
  const listed = (a: Hit, b: Hit) => b.start - a.end <= 16 && LIST_SEPARATOR.test(text.slice(a.end, b.start));
  let first = bestIndex;
  let last = bestIndex;
  while (first > 0 && listed(cands[first - 1]!, cands[first]!)) first--;
  while (last + 1 < cands.length && listed(cands[last]!, cands[last + 1]!)) last++;
  return [...new Set(cands.slice(first, last + 1).map((h) => h.value as Channel))];
}

/**
 * The channel(s): the clause's own, else the nearest earlier clause's (a channel
 * carries through the sentence: 热线电话：工作日20秒内接通，非工作日60秒内接通),
 * else a following clause without a value, else earlier in the block, else the heading's.
 */
const channelClauses = new WeakMap<SentenceCtx, number[]>();

/** For each clause, the last clause up to it with a channel hit (-1 for none); computed once per sentence. */
function previousChannelClause(ctx: SentenceCtx): number[] {
  let table = channelClauses.get(ctx);
  if (!table) {
    table = [];
    let last = -1;
    for (let k = 0; k < ctx.clauses.length; k++) {
      if (channelHits(ctx, k).length) last = k;
      table.push(last);
    }
    channelClauses.set(ctx, table);
  }
  return table;
}

export function pickChannels(ctx: SentenceCtx, i: number, metric: Metric | undefined): Channel[] {
  const v = ctx.values[i]!;
  const ci = ctx.valueClause[i]!;
  const own = chooseChannels(ctx.text, channelHits(ctx, ci), v, metric);
  if (own.length) return own;
  // The nearest earlier clause that names a channel (any channel hit gives a choice), looked up, not scanned for:
  // scanning back from every value is quadratic in a sentence of thousands of clauses.
  const earlier = previousChannelClause(ctx)[ci - 1] ?? -1;
  if (earlier >= 0) {
    const found = chooseChannels(ctx.text, channelHits(ctx, earlier), v, metric);
    if (found.length) return found;
  }
  for (let k = ci + 1; k < ctx.clauses.length; k++) {
    if (ctx.clauseHasValue.has(k)) break;
    const found = chooseChannels(ctx.text, channelHits(ctx, k), v, metric);
    if (found.length) return found;
  }
  if (ctx.carriedChannels.length) return ctx.carriedChannels;
  if (ctx.context.headingChannel) return [ctx.context.headingChannel];
  if (v.unit === 'ring' || PHONE_METRICS.has(metric)) return ['phone'];
  return [];
}

const EXCLUDED_CONDITION_AFTER = /^\s*(?:顺延|除外|不计|不算|延后|休息|不含|期间顺延|不计算在内|不受理|暂停)/;
const EXCLUDED_CONDITION_BEFORE = /(?:不含|不包括|除|除了|\bexcluding|\bexcept(?:\s+on)?(?:\s+for)?|\bnot\s+including|\bother\s+than)\s*$/i;
const CONJUNCTION_BEFORE = /^\s*(?:and|or|&|、|和|及|与|\/|,)\s*$/i;

function excludedCondition(text: string, h: Hit): boolean {
  return EXCLUDED_CONDITION_AFTER.test(text.slice(h.end, h.end + 8)) || EXCLUDED_CONDITION_BEFORE.test(text.slice(Math.max(0, h.start - 16), h.start));
}

/** Condition words of a stretch of text, without excluded ones (节假日顺延, excluding weekends and holidays). */
export function conditionHits(text: string, hits: Hit[], skip: (h: Hit) => boolean = () => false): Hit[] {
  const out: Hit[] = [];
  let previousExcluded: Hit | undefined;
  for (const h of hits) {
    if (h.kind !== 'condition' || skip(h) || !qualifies(text, h)) continue;
    const chained = previousExcluded !== undefined && CONJUNCTION_BEFORE.test(text.slice(previousExcluded.end, h.start));
    if (excludedCondition(text, h) || chained) {
      previousExcluded = h;
      continue;
    }
    previousExcluded = undefined;
    out.push(h);
  }
  return out;
}

/**
 * Conditions per value. A condition word applies to the next value in its clause
 * (工作日12小时内、非工作日24小时内回复), or to the last one before it. A value
 * without a condition of some group inherits the latest one of that group from
 * earlier in the sentence: a lead-in (对于重大投诉，…) or a previous value's.
 */
export function assignConditions(ctx: SentenceCtx): { own: Condition[][]; merged: Condition[][] } {
  const { text, values } = ctx;
  const own: Condition[][] = values.map(() => []);
  const leadIns = new Map<number, Condition[]>();
  const hits = conditionHits(text, ctx.hits, (h) => overlapsAny(values, h.start, h.end) || overlapsAny(ctx.scheduleSpans, h.start, h.end));
  // "For issues that impact provisioning services: within two business days", "对于需转交专业部门处理的问题，…":
  // a case named in the document's own words scopes what follows it in its clause, or the clauses after it.
  ctx.clauses.forEach((clause, k) => {
    if (k > 0 && !clause.afterSemicolon) return;
    const open = scopePhraseOf(ctx, clause);
    if (!open) return;
    if (!ctx.clauseHasValue.has(k)) leadIns.set(k, [...(leadIns.get(k) ?? []), open]);
    else values.forEach((_, j) => ctx.valueClause[j] === k && own[j]!.push(open));
  });
  // "within 1 hour (standard) or 30 minutes (enhanced)": a plan in brackets right after a value is that value's.
  const bracketed: { start: number; end: number }[] = [];
  values.forEach((v, j) => {
    const m = PLAN_IN_BRACKETS.exec(text.slice(v.end, v.end + 40));
    if (!m) return;
    const span = { start: v.end + m.index, end: v.end + m[0].length };
    bracketed.push(span);
    const plan = conditionHits(text, ctx.hits.filter((h) => h.start >= span.start && h.end <= span.end)).map((h) => h.value)[0];
    const cond = plan && dimensionOf(plan) === 'plan' ? plan : openValue('plan', m[1]!);
    if (cond) own[j]!.push(cond);
  });
  for (const h of hits) {
    // A plan in brackets belongs to the value before it only.
    if (bracketed.some((b) => h.start >= b.start && h.end <= b.end)) continue;
    const hc = clauseAt(ctx.clauses, h.start);
    const cond = h.value as Condition;
    if (!ctx.clauseHasValue.has(hc)) {
      const list = leadIns.get(hc) ?? [];
      list.push(cond);
      leadIns.set(hc, list);
      continue;
    }
    // The next value in the clause, else the last one before the word.
    let target = lowerBound(values, h.end);
    if (target >= values.length || ctx.valueClause[target] !== hc) target -= 1;
    if (target >= 0 && ctx.valueClause[target] === hc) own[target]!.push(cond);
  }
  const result: Condition[][] = [];
  const carry = new Map<string, Condition[]>();
  const reset = () => {
    carry.clear();
    setGroups(carry, ctx.carriedConditions);
  };
  reset();
  let clauseDone = -1;
  for (let j = 0; j < values.length; j++) {
    const cj = ctx.valueClause[j]!;
    for (let k = clauseDone + 1; k <= cj; k++) {
      // Items of a list separated by semicolons each state their own case: an item
      // without a condition is the default, not the previous item's case.
      if (ctx.clauses[k]!.afterSemicolon) reset();
      const lead = k < cj ? leadIns.get(k) : undefined;
      if (lead) setGroups(carry, lead);
    }
    clauseDone = Math.max(clauseDone, cj);
    const mine = own[j]!;
    result.push(mergeConditions(mine, [...carry.values()].flat()));
    setGroups(carry, mine);
  }
  return { own, merged: result };
}

function setGroups(carry: Map<string, Condition[]>, conds: Condition[]): void {
  const byGroup = new Map<string, Condition[]>();
  for (const c of conds) {
    const g = conditionGroup(c);
    byGroup.set(g, [...(byGroup.get(g) ?? []), c]);
  }
  for (const [g, list] of byGroup) carry.set(g, list);
}

/** own ∪ the fallback conditions whose group own does not mention; sorted, unique. */
export function mergeConditions(own: Condition[], fallback: Condition[] | undefined): Condition[] {
  const groups = new Set<string>(own.map(conditionGroup));
  const merged = [...own, ...(fallback ?? []).filter((c) => !groups.has(conditionGroup(c)))];
  return [...new Set(merged)].sort();
}
