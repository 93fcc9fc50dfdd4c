// One value of a sentence read as a promise, in phases: is it a promise at
// all (not a condition, not the customer's duty, not a duration), which
// comparator, which metric, which conditions and strength, and the span of
// text that states it. extract.ts finds the values and hands each one here.

import { itemLabelCase, withItemCase } from './value-scope';
import { bracketLabelMetric, hitsOfClause, inBracketsAfterAnotherValue, mergeConditions, pickNearest, pickRate, slashPairedMetric, type SentenceCtx } from './assign';
import { pickChannels } from './channel-choice';
import { conditionsOf } from './value-conditions';
import { ellipticalSubjectOf, labelStart, valueLabel } from './case-phrases';
import { readComparator } from './comparator';
import { dimensionOf, openValue } from './dimensions';
import { IF_WE_FAIL_SOURCE, ZH_IF_OPENER_SOURCE, ZH_SPAN_TO_SOURCE, type Hit } from './lexicon';
import { clockOf, normalizeValue } from './normalize';
import { describesNoPromise } from './no-promise';
import { clauseAt, hasCjk, trimSpan } from './text';
import type { Channel, Commitment, Comparator, Condition, DurationMetric, Metric, Strength } from './types';
import type { RawValue } from './value';
import { onLabelledClock } from './units';
import { scanScheduleTokens } from './service-hours';

const DEADLINE_METRICS = new Set<Metric>(['answer', 'acknowledge', 'first-response', 'reply', 'investigate', 'resolve', 'follow-up', 'arrival', 'refund', 'notify']);
export const RATE_METRICS = new Set<Metric>(['satisfaction', 'first-contact-resolution', 'resolution-rate', 'answer-rate', 'availability', 'abandonment', 'downtime', 'durability', 'on-time-rate', 'response-rate', 'follow-up-rate', 'quality']);
/** Rates that should be low: a share of calls abandoned, of time down. */
export const LOW_IS_GOOD: ReadonlySet<Metric> = new Set<Metric>(['abandonment', 'downtime']);
const OWN_ACTION_AFTER = /^\s*(?:之|以)?内[\u4e00-\u9fff]{2,}/;
// The span starts at a request being taken in: 从酒店到机场约需40分钟 is a journey, not a service.
const FROM_START_TO_END = new RegExp(
  `(?:从|自)\\s*(?:用户|客户)?(?:受理|报修|报装|报障|投诉|申请|接单|派单|登记|立案|接报|申报|提交|下单)[^，,；;。\\d]{0,6}?${ZH_SPAN_TO_SOURCE}[^，,；;。\\d]{1,10}(?:在|为|需)?\\s*$`,
);
/** Nothing but punctuation to the end of a clause. */
const CLAUSE_END = /^[\s.。,，;；!！)）]*$/;
/** A hedge right after a value: "on the same day where possible" is an aim, the limit after it is not. */
const POSSIBLE_AFTER = /^\s*(?:where(?:ver)?|if|when(?:ever)?)\s+(?:at\s+all\s+)?possible\b/i;
const GENERIC_DONE_ZH = /^(?:办理|进行|予以|作出|完成)$/;
/** A rate named right before its bound; prices, yields and banking ratios (利率, 费率, 不良贷款率) are no service level. */
const NAMED_RATE =
  /(?<!利|税|费|汇|增长|收益|回报|折扣|贴现|占有|贷款|准备金|佣金|逾期|通胀|失业|空置|违约|拨备|充足)率\s*(?:(?:须|应|要|必须|均)?\s*(?:不低于|不少于|不小于|不高于|不超过|低于|高于|达到|达|控制在|保持在|稳定在))?\s*[≥≤<>＜＞]?\s*$|\b(?!(?:interest|tax|exchange|growth|discount|fee|conversion|mortgage|lending|deposit|commission|inflation|unemployment|vacancy|default|base|bank)\s)[a-z]+(?:-[a-z]+)?\s+rates?\s+(?:of\s+)?(?:at\s+least|above|over|below|under|not\s+(?:less|more)\s+than|(?:greater|less|more|lower|higher)\s+than|[<>≥≤]=?)?\s*$/i;
/** An "if" that opens the clause the value is in: "If we cannot agree within seven days", 如在30日内未领取. */
const IF_OPENS = new RegExp(`(?:\\b(?:if|unless)\\b[^.;:,)]*|${ZH_IF_OPENER_SOURCE}[^。；;：:，,)）]*)$`, 'i');
/** A trigger of a later stage than one before it: "still unable to resolve", 仍未解决, 依然无法. */
const STILL = /\b(?:still|yet\s+again|again)\b|仍然|仍|依然|再次/i;
/** …and 仍 after the value, as Chinese puts it: 超过10个工作日仍未解决的. */
const STILL_AFTER = /^\s*(?:(?:之?内|以内)\s*)?(?:仍然|仍|依然)(?:未|没有|无法|不能)/;
const WE_FAIL = new RegExp(IF_WE_FAIL_SOURCE, 'i');
/** An amount of money. */
const AMOUNT = /[£$€¥￥]\s?\d|\d\s*(?:元|英镑|美元|欧元|(?:pounds|dollars|euros)\b)/i;
/** A fine the reader pays (每逾期1日100元的罚款): a charge, not our payment for a missed promise. */
const CHARGED = /罚|滞纳金|\bfines?\b|\bpenalt(?:y|ies)\b|\blate\s+(?:fees?|charges?)\b/i;
/** What a missed deadline makes a thing: "will be considered lost", 视为放弃. */
const DEEMED = /\b(?:will|shall|is|are|be)\s+(?:be\s+)?(?:considered|deemed|treated\s+as|regarded\s+as)\b|视为|视作|认定为/i;
const FIRST_CONTACT = new Set<Metric>(['answer', 'acknowledge', 'first-response']);
// A table cell or a list item that is nothing but the value: "24小时内", "≤ 2 h".
const BARE_VALUE_FILLER = /^[\s:：≤≥<>=~约在于为]*$/;
/** Words before the hours a value holds in, after it in its cell: "30 minutes Available M-F 8am to 6pm", "4 hours, 24/7". */
const HOURS_NOTE_LEAD = /^[\s,;–—-]*(?:(?:available|availability|coverage|covered|supported|support|during|on|every)\s+)*/i;

// Phone and chat answer; a mail, a ticket or a message "answered" is replied to.
const ANSWERED_LIVE = new Set<Channel | undefined>(['phone', 'chat', undefined]);

interface ReadComparator {
  comparator: Comparator;
  explicit: boolean;
}

/**
 * The commitments value `i` of the sentence makes: one per channel, or none when it is no promise.
 * @param hasOwnCondition a condition word of this value's own (not inherited)
 * @param previous the commitment of the value before it in the sentence, for an elliptical
 *   clause: "Tier 1 responds within 15 minutes; Tier 2 within 1 hour".
 */
export function commitmentsFor(ctx: SentenceCtx, i: number, ownConditions: Condition[], hasOwnCondition: boolean, previous: Commitment | undefined): Commitment[] {
  const v = ctx.values[i]!;
  const ci = ctx.valueClause[i]!;
  const clause = ctx.clauses[ci]!;
  if (hitsOfClause(ctx, ci).some((h) => h.kind === 'veto')) return [];
  // 2小时内到达现场（偏远地区4小时内）: an exception in brackets, for a case we have no
  // condition for; read as it stands it would contradict the main value.
  if (!hasOwnCondition && inBracketsAfterAnotherValue(ctx, i)) return [];

  const prefix = ctx.text.slice(Math.max(clause.start, v.start - 40), v.start);
  const suffix = ctx.text.slice(v.end, Math.min(clause.end, v.end + 40));
  const read = readComparator(prefix, suffix, ctx.text.slice(clause.start, v.start), ctx.escalates);
  if (describesNoPromise(ctx, i, read.comparator, prefix)) return [];
  const settled = inheritComparator(ctx, i, read, previous, prefix);
  if (v.article && !settled.explicit) return [];
  // 不能当日回复的，在3个交易日内回复: the same day as a case of failing it restates the deadline, and triggers nothing.
  if (v.nextDay && v.max === 0 && settled.comparator === 'trigger') return [];
  // "the next business day" is a deadline by its very words.
  if (v.nextDay && settled.comparator === 'exact') {
    settled.comparator = 'at-most';
    settled.explicit = true;
  }

  const picked = pickMetric(ctx, i, settled.explicit, previous?.metric);
  if (!picked) return [];
  let { metric } = picked;
  let overdueMetric: Metric | undefined;
  if (settled.comparator === 'trigger') {
    // The words around the value, not its whole sentence: a long sentence of many triggers is read in linear time.
    const before = ctx.text.slice(Math.max(ctx.sentence.start, v.start - 120), v.start);
    const after = ctx.text.slice(v.end, Math.min(ctx.sentence.end, v.end + 160));
    // "£40 if we do not respond within 10 working days": an amount we pay for missing the deadline makes it a promise.
    const paid = metric !== 'escalation' && WE_FAIL.test(before) && AMOUNT.test(before + after) && !CHARGED.test(before + after);
    // "If we cannot agree within seven days, …": a deadline missed on nothing we promise, with no escalation named, promises nothing;
    // "If National cannot locate a bag within 21 days, the bag will be considered lost", 逾期未领取的视为放弃: a definition.
    if (!paid && !ctx.escalates && ((!metric && IF_OPENS.test(before)) || DEEMED.test(after))) return [];
    if (paid) settled.comparator = 'at-most';
  }
  if (settled.comparator === 'trigger') {
    overdueMetric = metric !== 'escalation' ? metric : undefined;
    metric = 'escalation';
  }
  const comparator = impliedComparator(settled.comparator, v, metric);
  let conditions = conditionsOf(ctx, i, ownConditions, picked.hit);
  // "Notification of rejection – 4 business hours" among lines like it: the item is the value's case.
  const item = itemLabelCase(ctx.text, ctx.context.prefixLength ?? 0, v.start, ctx.hits);
  if (item) conditions = withItemCase(conditions, item);
  // A value of a list whose metric is named elsewhere (小修不超过24小时，大修不超过48小时; 平均时间为：城区范围45分钟，
  // 农村地区90分钟), in a clause that names only its subject: the subject is its case.
  const labelFrom = labelStart(ctx.text, clause.start, v.start);
  // In Chinese the verb after the last value serves the whole list (城区45分钟，二环线以外90分钟赶到现场): only one before the value is the clause's own.
  const zh = hasCjk(ctx.text.slice(labelFrom, v.start));
  const ownMetric = hitsOfClause(ctx, ci).some((h) => (h.kind === 'metric' || h.kind === 'rate') && h.start >= labelFrom && (!zh || h.end <= v.start));
  // A case from a heading or the block's label (管线维修:) gives way to the subject the clause names; one the
  // sentence names (若用户没有约定时间的，工作人员在30分钟内到达) does not.
  const fromOutside = (c: Condition) => ctx.carriedConditions.includes(c) || (ctx.context.headingConditions ?? []).includes(c);
  if (!ownMetric && !conditions.some((c) => dimensionOf(c) === 'case' && !fromOutside(c))) {
    const head = ellipticalSubjectOf(ctx, clause, v.start);
    // With a comparator (大修不超过) after a promise; without one (城区范围45分钟) only in a list of such labels.
    if (head && (head.compared ? previous !== undefined : labelledSiblings(ctx, i))) conditions = mergeConditions([head.subject], conditions);
  }
  // "If we have not resolved your complaint within 4 weeks, … if we are still unable to resolve it after 8 weeks": the later stage.
  if (comparator === 'trigger' && (STILL.test(ctx.text.slice(clause.start, v.start)) || STILL_AFTER.test(ctx.text.slice(v.end, v.end + 8)))) {
    const later = openValue('case', hasCjk(ctx.text.slice(clause.start, v.start)) ? '仍未解决' : 'still unresolved');
    if (later) conditions = mergeConditions([later], conditions);
  }
  const strength = ctx.context.headingStrength === 'aim' ? 'aim' : strengthOf(ctx, ci, v);
  const [start, end] = spanOf(ctx, i, picked.hit, comparator);
  const channels: (Channel | undefined)[] = pickChannels(ctx, i, metric);
  if (channels.length === 0) channels.push(undefined);
  return channels.map((channel) => {
    const c: Commitment = {
      start,
      end,
      valueStart: v.start,
      valueEnd: v.end,
      valueText: ctx.original.slice(v.start, v.end),
      text: ctx.original.slice(start, end),
      comparator,
      conditions,
      strength,
      placeholder: v.placeholder,
    };
    const unitId = v.unit && onLabelledClock(v.unit, ctx.context.headingClock);
    if (unitId) {
      c.unit = unitId;
      c.clock = clockOf(unitId);
    }
    if (channel) c.channel = channel;
    const m = metric === 'answer' && !ANSWERED_LIVE.has(channel) ? 'reply' : metric;
    if (m) c.metric = m;
    if (overdueMetric) c.overdueMetric = overdueMetric === 'answer' && !ANSWERED_LIVE.has(channel) ? 'reply' : overdueMetric;
    const value = v.placeholder || v.min === undefined || v.max === undefined ? undefined : { min: v.min, max: v.max };
    if (value && unitId) {
      c.value = value;
      c.normalized = normalizeValue(value, unitId, comparator);
    }
    return c;
  });
}

/** Whether another value of the sentence, in a clause of its own, is labelled by a subject alone: the two are a list. */
function labelledSiblings(ctx: SentenceCtx, i: number): boolean {
  return ctx.values.some((w, k) => {
    if (k === i || ctx.valueClause[k] === ctx.valueClause[i]) return false;
    const head = ellipticalSubjectOf(ctx, ctx.clauses[ctx.valueClause[k]!]!, w.start, true);
    return head !== undefined && !head.compared;
  });
}

/** The comparator the words give, or the one an elliptical value inherits from the value before it. */
function inheritComparator(ctx: SentenceCtx, i: number, read: ReadComparator, previous: Commitment | undefined, prefix: string): ReadComparator {
  const v = ctx.values[i]!;
  let { comparator, explicit } = read;
  // "4 hours for urgent issues and all other issues is 8 hours": an elliptical second value keeps the first one's comparator.
  const elliptical = previous !== undefined && !hitsOfClause(ctx, ctx.valueClause[i]!).some((h) => h.kind === 'metric' || h.kind === 'rate') && (previous.unit === 'percent') === (v.unit === 'percent');
  if (!explicit && comparator === 'exact' && previous && previous.comparator !== 'exact' && (previous.unit === v.unit || elliptical)) {
    comparator = previous.comparator;
    explicit = true;
  }
  // 期满前六个月 is "six months before", but 前三年 is "the previous three years".
  if (v.unit === 'year' && comparator === 'at-least' && /(?<!提)前\s*$/.test(prefix)) {
    comparator = 'exact';
    explicit = false;
  }
  return { comparator, explicit };
}

/** What the value measures; undefined when it measures nothing we can name, and so promises nothing. */
function pickMetric(ctx: SentenceCtx, i: number, explicit: boolean, previousMetric: Metric | undefined): { metric: Metric | undefined; hit?: Hit } | undefined {
  const v = ctx.values[i]!;
  if (v.unit === 'percent') {
    const picked = pickRate(ctx, i);
    if (picked) return { metric: picked.metric, hit: picked.hit };
    if (ctx.context.headingMetric && RATE_METRICS.has(ctx.context.headingMetric)) return { metric: ctx.context.headingMetric };
    // 班次准点率不低于97%, "an on-time rate of at least 97%": a rate the tables do not name, bounded all the same.
    if (explicit && NAMED_RATE.test(wordsBefore(ctx.text, ctx.clauses[ctx.valueClause[i]!]!.start, v.start, 40))) return { metric: undefined };
    return undefined;
  }
  if (v.unit === 'chars-per-minute' || v.unit === 'words-per-minute') return { metric: 'typing-speed' };
  return pickDurationMetric(ctx, i, explicit, previousMetric);
}

/** Up to `reach` characters before `end` in its clause, from a word's start: "rest rate of" is not "interest rate of". */
function wordsBefore(text: string, clauseStart: number, end: number, reach: number): string {
  const from = Math.max(clauseStart, end - reach);
  const slice = text.slice(from, end);
  return from > clauseStart && /\w/.test(text[from - 1] ?? '') ? slice.replace(/^\w+/, '') : slice;
}

function pickDurationMetric(ctx: SentenceCtx, i: number, explicit: boolean, previousMetric: Metric | undefined): { metric: Metric | undefined; hit?: Hit } | undefined {
  const { text } = ctx;
  const v = ctx.values[i]!;
  const ci = ctx.valueClause[i]!;
  const clause = ctx.clauses[ci]!;
  const clauseHits = hitsOfClause(ctx, ci);
  // The clause's own script decides; the caller's language only when it has no words ("20 s").
  const clauseText = text.slice(clause.start, clause.end);
  const lang = hasCjk(clauseText) ? 'zh' : /[A-Za-z]/.test(clauseText) ? 'en' : (ctx.context.language ?? 'en');
  // "downtime will not exceed 10 hours": how long a downtime may last is a promise of its own.
  let hit = slashPairedMetric(ctx, i) ?? bracketLabelMetric(ctx, i) ?? pickNearest(ctx, i, (h) => h.kind === 'metric' || h.kind === 'retention' || (h.kind === 'rate' && h.value === 'downtime'), lang);
  // How long records are kept is a period, not a service metric: keep the value, name no metric.
  if (hit?.kind === 'retention') hit = undefined;
  // 办理退款, 完成回访: a generic verb takes the action named right after it.
  if (hit && GENERIC_DONE_ZH.test(text.slice(hit.start, hit.end))) {
    const verb = hit;
    const next = ctx.hits.find((h) => h.start >= verb.end && h.start - verb.end <= 1 && h.kind === 'metric');
    // 完成退款, 完成回访 are the refund and the visit; 完成响应…的处理 is still the handling.
    if (next && !(text[verb.start] === '完' && FIRST_CONTACT.has(next.value as Metric))) hit = next;
  }
  let metric = hit?.value as DurationMetric | undefined;
  // 从受理到通气5个工作日: the time from a start to an end the tables do not name is the time to finish.
  if (!hit && lang === 'zh' && FROM_START_TO_END.test(text.slice(Math.max(clause.start, v.start - 24), v.start))) metric = 'resolve';
  // 15分钟内与投诉人首次沟通: the first talk is the first response (首次沟通解决, a first-contact resolution, is a rate).
  const firstTalk = clauseHits.find((h) => h.kind === 'fcr' && /沟通/.test(text.slice(h.start, h.end)));
  if (firstTalk && !(hit && clauseHits.includes(hit))) {
    hit = firstTalk;
    metric = 'first-response';
  }
  // "acknowledge reports within 24 hours and provide a response within 48 hours": after the acknowledgement, a response is the reply.
  if (metric === 'first-response' && previousMetric === 'acknowledge' && hit && /^respon/i.test(text.slice(hit.start, hit.end))) metric = 'reply';
  // 提前24小时通过首页通告…进行告知: telling in advance is a notice, not a reply.
  if (metric === 'reply' && /提前\s*$/.test(text.slice(Math.max(0, v.start - 4), v.start))) metric = 'notify';
  const retention = clauseHits.some((h) => h.kind === 'retention');
  // 4小时内上门: coming on site is the promise, whatever verb another clause names (3个工作日内联系上门查勘，7个工作日内提供解决方案).
  const onsite = clauseHits.some((h) => h.kind === 'channel' && h.value === 'onsite' && h.start >= v.end);
  if (onsite && explicit && !retention && (!metric || (hit && !clauseHits.includes(hit)))) metric = 'arrival';
  if (!metric && explicit && !retention) {
    // The value before it in the sentence is nearer than any heading: 修复：Critical: 7 天；High: 14 天 under "Response SLAs".
    // A time after a rate (合格率99.999%，两年内…) is not the rate's: only a time inherits.
    // 收到工程款10个工作日内安排施工: an action of its own after the value, one the tables do not name, is not the value before's.
    const ownAction = lang === 'zh' && OWN_ACTION_AFTER.test(text.slice(v.end, Math.min(clause.end, v.end + 12)));
    if (previousMetric && !RATE_METRICS.has(previousMetric) && !ownAction && !clauseHits.some((h) => h.kind === 'metric')) metric = previousMetric as DurationMetric;
  }
  // The metric a heading, a lead-in or a table header names, for a value that names none.
  if (!metric && !retention && ctx.context.headingMetric && !RATE_METRICS.has(ctx.context.headingMetric) && (explicit || isBareValue(ctx, v))) {
    metric = ctx.context.headingMetric as DurationMetric;
  }
  if (v.unit === 'ring') {
    const phoneish = metric === 'answer' || /铃|电话|来电|ring|call/i.test(text.slice(clause.start, clause.end));
    if (!phoneish) return undefined;
    return { metric: metric ?? 'answer', hit };
  }
  if (!metric && !explicit && !isBareValue(ctx, v)) return undefined;
  return { metric, hit };
}

/**
 * A range with no comparator word still promises its upper bound, and so does a time to act:
 * "Initial response: 4 hours" is at most 4 hours. A rate promises its floor, or for a rate
 * that should be low (abandonment, downtime) its ceiling.
 */
function impliedComparator(comparator: Comparator, v: RawValue, metric: Metric | undefined): Comparator {
  if (comparator !== 'exact') return comparator;
  if (v.unit !== 'percent' && (v.min !== v.max || (metric !== undefined && DEADLINE_METRICS.has(metric)))) return 'at-most';
  if (v.unit === 'percent' && metric !== undefined) return LOW_IS_GOOD.has(metric) ? 'at-most' : 'at-least';
  return comparator;
}

/** The text that states the promise: the value's clause, and the clauses of its metric and, for a trigger, of what it triggers. */
function spanOf(ctx: SentenceCtx, i: number, metricHit: Hit | undefined, comparator: Comparator): [number, number] {
  const v = ctx.values[i]!;
  const ci = ctx.valueClause[i]!;
  let spanStart = ctx.clauses[ci]!.start;
  let spanEnd = ctx.clauses[ci]!.end;
  const extendTo = (h: Hit | undefined) => {
    if (!h) return;
    spanStart = Math.min(spanStart, ctx.clauses[clauseAt(ctx.clauses, h.start)]!.start);
    spanEnd = Math.max(spanEnd, ctx.clauses[clauseAt(ctx.clauses, h.end - 1)]!.end);
  };
  extendTo(metricHit);
  // A trigger's span runs to what it triggers: 超过3个工作日未解决的，自动升级至主管.
  if (comparator === 'trigger') {
    for (let k = ctx.clauseHitFrom[ci]!; k < ctx.clauseHitFrom[Math.min(ctx.clauses.length, ci + 3)]!; k++) {
      const h = ctx.hits[k]!;
      if (h.kind === 'metric' && h.value === 'escalation' && h.start >= v.end) {
        extendTo(h);
        break;
      }
    }
  }
  return trimSpan(ctx.text, spanStart, spanEnd);
}

/** A clause that is nothing but the value (a table cell "30 minutes, 24/7", a list item "2小时内"). */
function isBareValue(ctx: SentenceCtx, v: RawValue): boolean {
  const c = ctx.clauses[clauseAt(ctx.clauses, v.numberStart)]!;
  // A note in brackets after the value is still a bare value: "1 business day (Mon-Fri, 9-5)".
  // Under a heading or lead-in that names the metric, a label before it still leaves it bare: "Stage 1 – 5 working
  // days", "Urgent: 2 hours" (its case is the label's). Elsewhere a labelled number is no promise.
  const labelled = ctx.context.headingMetric !== undefined && valueLabel(ctx.text, c.start, v.start) !== undefined;
  const before = BARE_VALUE_FILLER.test(ctx.text.slice(c.start, v.start)) || labelled;
  // A footnote mark is still a bare value: "1 hour*", "30 minutes†", "4 hours[1]".
  const after = ctx.text.slice(v.end, c.end);
  return before && (/^(?:\*{1,3}|[†‡§¹²³]|\[\d{1,2}\])?(?:\s*[(（][^)）]*[)）]?)?[\s。.;；，,]*$/.test(after) || hoursNote(after));
}

/** The rest of the cell is the hours the value holds in, as the schedule grammar reads them: "Available M-F 8am to 6pm". */
function hoursNote(after: string): boolean {
  // A word or a comma must part them: "24-hour Weekend Support" is a label, not 24 hours at weekends.
  const lead = HOURS_NOTE_LEAD.exec(after)![0];
  const hours = after.slice(lead.length);
  return lead.trim() !== '' && hours !== '' && !/[.;。；]/.test(hours) && scanScheduleTokens(hours).some((t) => t.start === 0);
}

/**
 * Aim wording in the value's own clause, or in a lead-in clause without a value
 * (原则上，…). An aim stated for one value does not soften the next one:
 * 原则上2小时内回复，最长不超过24小时 is an aim of 2 h and a binding limit of 24 h.
 */
function strengthOf(ctx: SentenceCtx, ci: number, v: RawValue): Strength {
  const valueStart = v.start;
  // "on the same day where possible but within 24 hours": the hedge is the value's right before it, not the limit's after.
  if (POSSIBLE_AFTER.test(ctx.text.slice(v.end, v.end + 24))) return 'aim';
  // Aim wording in a lead-in clause without a value, computed once per sentence (a sentence can have thousands of clauses).
  if (!ctx.aimLeadIn) {
    ctx.aimLeadIn = [];
    let seen = false;
    for (let hc = 0; hc < ctx.clauses.length; hc++) {
      ctx.aimLeadIn.push(seen);
      if (ctx.clauseHasValue.has(hc)) continue;
      for (let k = ctx.clauseHitFrom[hc]!; k < ctx.clauseHitFrom[hc + 1]! && !seen; k++) if (ctx.hits[k]!.kind === 'aim') seen = true;
    }
  }
  if (ctx.aimLeadIn[ci]) return 'aim';
  for (let k = ctx.clauseHitFrom[ci]!; k < ctx.clauseHitFrom[ci + 1]!; k++) {
    const h = ctx.hits[k]!;
    // In the value's own clause only what comes before it, or a hedge that ends the clause: "contact clients with
    // 3 days notice and try to…" is binding, 三十个工作日内完成调查为原则 is an aim.
    if (h.kind === 'aim' && (h.start < valueStart || CLAUSE_END.test(ctx.text.slice(h.end, ctx.clauses[ci]!.end)))) return 'aim';
  }
  return 'binding';
}
