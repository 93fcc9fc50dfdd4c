// The commitment grammar: values (value.ts) and schedules (service-hours.ts)
// are found first; each is then given a metric, channel, conditions, comparator
// and strength from the words of its clause and sentence (lexicon.ts).

import { assignConditions, conditionHits, hitsOfClause, indexHits, mergeConditions, pickChannels, pickNearest, pickRate, type SentenceCtx } from './assign';
import { readComparator } from './comparator';
import { ESCALATES, PRIORITY_LABEL, priorityCondition, scanLexicon, type Hit } from './lexicon';
import { clockOf, normalizeValue } from './normalize';
import { schedulesFor } from './schedules';
import { scanScheduleTokens, SCHEDULE_HINT, type ScheduleToken } from './service-hours';
import { clauseAt, hasCjk, normalizeText, overlapsAny, segment, trimSpan } from './text';
import { dimensionOf, openValue } from './dimensions';
import { customerDuty, insideCondition, notOurPromise } from './speaker';
import type { Channel, Commitment, Condition, DurationMetric, ExtractContext, Metric, Strength } from './types';
import { scanValues, type RawValue } from './value';
import { appendAll } from '../../engine/arrays';

// One cheap test before any real work: a numeral or blank next to a unit, a
// percentage, a clock time or a round-the-clock phrase. Most paragraphs of a
// regulation fail it.
const PREFILTER =
  /[\d０-９零〇一二两三四五六七八九十百廿卅半_＿XxＸｘ×○*)）】\]]\s*(?:个\s*)?(?:半\s*)?(?:工作|自然日|日历日|小时|钟头|分钟|秒|天|日|周|星期|礼拜|月|年|声|环|%|％|字)|百分之|每分钟|[\d０-９]\s*[:：]\s*[\d０-９]{2}|[点时]\s*(?:[-~～至到]|\d)|全天候|全年无休|\b(?:business|working|calendar)\s+(?:days?|hours?)|\b(?:days?|hours?|hrs?|minutes?|mins?|seconds?|secs?|weeks?|months?|years?|percent|rings?|wpm)\b|\d\s*(?:h|hrs?|mins?|secs?)\b|\b(?:hourly|daily|weekly|monthly)\b|next\s+(?:business|working)\s+day|\d\s*[×xX*✕]\s*\d|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s*(?:-|to|through|thru|until)\s*(?:mon|tue|wed|thu|fri|sat|sun)|(?:周|星期)[一二三四五六日天]\s*[至到~-]|24\s*\/\s*7|clock|\d\s*[ap]\.?\s?m\b|noon|(?:时限|时效|期限|时间|time|deadline)\s*(?:[:：为是]\s*)?(?:待|TBD|TODO|TBC|X{2}|×{2}|_{3}|＿{3})/i;

const DEADLINE_METRICS = new Set<Metric>(['answer', 'acknowledge', 'first-response', 'reply', 'investigate', 'resolve', 'follow-up', 'arrival', 'refund', 'notify']);
const RATE_METRICS = new Set<Metric>(['satisfaction', 'first-contact-resolution', 'resolution-rate', 'answer-rate', 'availability', 'abandonment', 'downtime', 'durability', 'on-time-rate', 'response-rate', 'follow-up-rate', 'quality']);
const LOW_IS_GOOD = new Set<Metric>(['abandonment', 'downtime']);
const PERCENTILE_AFTER = /^\s*(?:of|的)\s/i;
const GENERIC_DONE = /^(?:完成|complet(?:e|es|ed)|done|finish(?:ed)?)$/i;
const GENERIC_DONE_ZH = /^(?:办理|进行|予以|作出)$/;
// A table cell or a list item that is nothing but the value: "24小时内", "≤ 2 h".
const BARE_VALUE_FILLER = /^[\s:：≤≥<>=~约在于为]*$/;

// "High (a key function impaired…): Initial Response within 2 business hours": a priority
// label that opens a list item or table row puts its condition on the whole block.
const LEADING_PRIORITY = new RegExp(`^\\s*(?:${PRIORITY_LABEL})\\s*(?:\\(|（|:|：|-\\s|–|—|\\|)`, 'i');

function leadingPriority(text: string): Condition[] {
  const m = LEADING_PRIORITY.exec(text);
  return m ? priorityCondition(m) : [];
}

/** The cheap test extractCommitments starts with: could this text hold a value at all? */
export function mayHoldCommitments(text: string): boolean {
  return PREFILTER.test(text);
}

/** Finds every measurable promise in one block of prose. Offsets are UTF-16 offsets into `text`. */
export function extractCommitments(text: string, context: ExtractContext = {}): Commitment[] {
  if (!text || !PREFILTER.test(text)) return [];
  const norm = normalizeText(text);
  const allTokens = SCHEDULE_HINT.test(norm) ? scanScheduleTokens(norm) : [];
  const values = scanValues(norm, allTokens.filter((t) => t.type !== 'days' || t.reserved));
  // "2 business days" is a value; only a day name that is not part of one describes a schedule.
  const tokens = allTokens.filter((t) => t.type !== 'days' || !overlapsAny(values, t.start, t.end));
  const hasScheduleTokens = tokens.some((t) => t.type !== 'days');
  if (values.length === 0 && !hasScheduleTokens) return [];

  const { sentences, clauses } = segment(norm);
  if (sentences.length === 0) return [];
  const out: Commitment[] = [];
  // A table cell is read after its labels; its own text starts after them ("S1：4 个工作小时").
  const label = leadingPriority(context.prefixLength ? norm.slice(context.prefixLength) : norm);
  let carriedChannels: Channel[] = [];
  let leadIn: Condition[] = [];
  // Values and schedule tokens per sentence, in one pass over each list.
  const perSentence = sentences.map(() => ({ values: [] as RawValue[], tokens: [] as ScheduleToken[], scheduled: false }));
  let si = 0;
  for (const v of values) {
    while (v.numberStart >= sentences[si]!.end && si < sentences.length - 1) si++;
    perSentence[si]!.values.push(v);
  }
  si = 0;
  for (const t of tokens) {
    while (t.start >= sentences[si]!.end && si < sentences.length - 1) si++;
    perSentence[si]!.tokens.push(t);
    if (t.type !== 'days') perSentence[si]!.scheduled = true;
  }
  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s]!;
    const { values: sValues, tokens: sTokens, scheduled } = perSentence[s]!;
    if (sValues.length === 0 && !scheduled) {
      // A sentence without values can still set the scene for the next one
      // ("Where a complaint is complex, … . The total time does not exceed 15 days.").
      const next = perSentence[s + 1];
      if (!next || (next.values.length === 0 && !next.scheduled)) continue;
      const hits = scanLexicon(norm, sentence.start, sentence.end);
      const channels = hits.filter((h) => h.kind === 'channel');
      carriedChannels = channels.length ? [(channels.find((h) => h.value === 'complaint') ?? channels[0]!).value as Channel] : [];
      leadIn = conditionHits(norm, hits).map((h) => h.value as Condition);
      continue;
    }
    const sentenceText = norm.slice(sentence.start, sentence.end);
    // "They will be closed after 10 days if there is no response from the client": the customer's side.
    if (notOurPromise(sentenceText)) {
      carriedChannels = [];
      leadIn = [];
      continue;
    }
    const hits = withVocabulary(norm, sentence.start, sentence.end, scanLexicon(norm, sentence.start, sentence.end), context.vocabulary);
    const sClauses = clauses.slice(sentence.firstClause, sentence.firstClause + sentence.clauseCount);
    const valueClause = sValues.map((v) => clauseAt(sClauses, v.numberStart));
    const ctx: SentenceCtx = {
      text: norm,
      original: text,
      clauses: sClauses,
      sentence,
      hits,
      values: sValues,
      valueClause,
      clauseHasValue: new Set(valueClause),
      context,
      escalates: ESCALATES.test(norm.slice(sentence.start, sentence.end)),
      carriedChannels,
      carriedConditions: mergeConditions(leadIn, label),
      clauseHitFrom: indexHits(sClauses, hits),
      scheduleSpans: scheduled ? scheduleSpans(sTokens) : [],
    };
    const conditions = assignConditions(ctx);
    let previous: Commitment | undefined;
    for (let i = 0; i < sValues.length; i++) {
      const made = commitmentsFor(ctx, i, conditions.merged[i]!, conditions.own[i]!.length > 0, previous);
      appendAll(out, made);
      if (made[0] && made[0].comparator !== 'trigger') previous = made[0];
    }
    if (scheduled) appendAll(out, schedulesFor(ctx, sTokens));
    // Only a lead-in sentence without values sets the scene for the next one.
    carriedChannels = [];
    leadIn = [];
  }
  return out.sort((a, b) => a.valueStart - b.valueStart);
}

// Phone and chat answer; a mail, a ticket or a message "answered" is replied to.
const ANSWERED_LIVE = new Set<Channel | undefined>(['phone', 'chat', undefined]);

/**
 * @param hasOwnCondition a condition word of this value's own (not inherited)
 * @param previousMetric the metric of the value before it in the sentence, for an elliptical
 *   clause: "Tier 1 responds within 15 minutes; Tier 2 within 1 hour".
 */
function commitmentsFor(ctx: SentenceCtx, i: number, ownConditions: Condition[], hasOwnCondition: boolean, previous: Commitment | undefined): Commitment[] {
  const previousMetric = previous?.metric;
  const v = ctx.values[i]!;
  const ci = ctx.valueClause[i]!;
  const clause = ctx.clauses[ci]!;
  const { text } = ctx;
  // The clause's own script decides; the caller's language only when it has no words ("20 s").
  const clauseText = text.slice(clause.start, clause.end);
  const lang = hasCjk(clauseText) ? 'zh' : /[A-Za-z]/.test(clauseText) ? 'en' : (ctx.context.language ?? 'en');
  const clauseHits = hitsOfClause(ctx, ci);
  if (clauseHits.some((h) => h.kind === 'veto')) return [];
  // 2小时内到达现场（偏远地区4小时内）: an exception in brackets, for a case we have no
  // condition for; read as it stands it would contradict the main value.
  if (!hasOwnCondition && inBracketsAfterAnotherValue(ctx, i)) return [];

  const prefix = text.slice(Math.max(clause.start, v.start - 40), v.start);
  const suffix = text.slice(v.end, Math.min(clause.end, v.end + 40));
  let { comparator, explicit } = readComparator(prefix, suffix, text.slice(clause.start, v.start), ctx.escalates);
  // A value inside a condition ("if it takes less than 15 mins", 如果请求已解决少于24小时) describes the case, not a promise;
  // an escalation trigger (if not resolved within 3 days) is the exception.
  if (comparator !== 'trigger' && insideCondition(text, ctx.sentence.start, clause.start, v.start)) return [];
  // 用户须提前15日书面通知, "credit requests must be submitted within 45 days": the customer's duty.
  if (customerDuty(text.slice(Math.max(ctx.sentence.start, v.start - 60), v.start))) return [];
  // 规定超过五个工作日的, 超过三年的: a value in a "…的" phrase names a kind of case, it promises nothing.
  if (comparator !== 'trigger' && /^\s*(?:以上|以下)?的\s*[）)]?\s*(?:[,，;；。]|$)/.test(text.slice(v.end, v.end + 8))) return [];
  // "will work on those incidents for up to 1 hour": how long something lasts, not a deadline.
  if (comparator !== 'trigger' && /\bfor\s+(?:up\s+to\s+|at\s+most\s+|a\s+maximum\s+of\s+)?$/i.test(prefix)) return [];
  // "95% of requests are solved in 2h": the percentage qualifies the time, it is not a rate of its own.
  if (v.unit === 'percent' && PERCENTILE_AFTER.test(text.slice(v.end, clause.end)) && ctx.values.some((w, k) => k > i && ctx.valueClause[k] === ci && w.unit !== 'percent')) return [];
  // "4 hours for urgent issues and all other issues is 8 hours": an elliptical second value keeps the first one's comparator.
  const elliptical = previous !== undefined && !hitsOfClause(ctx, ci).some((h) => h.kind === 'metric' || h.kind === 'rate') && (previous.unit === 'percent') === (v.unit === 'percent');
  if (!explicit && comparator === 'exact' && previous && previous.comparator !== 'exact' && (previous.unit === v.unit || elliptical)) {
    comparator = previous.comparator;
    explicit = true;
  }
  // 期满前六个月 is "six months before", but 前三年 is "the previous three years".
  if (v.unit === 'year' && comparator === 'at-least' && /(?<!提)前\s*$/.test(prefix)) {
    comparator = 'exact';
    explicit = false;
  }
  if (v.article && !explicit) return [];
  // "the next business day" is a deadline by its very words.
  if (v.nextDay && comparator === 'exact') {
    comparator = 'at-most';
    explicit = true;
  }

  let metric: Metric | undefined;
  let overdueMetric: Metric | undefined;
  let metricHit: Hit | undefined;
  if (v.unit === 'percent') {
    const picked = pickRate(ctx, i);
    if (picked) {
      metric = picked.metric;
      metricHit = picked.hit;
    } else if (ctx.context.headingMetric && RATE_METRICS.has(ctx.context.headingMetric)) {
      metric = ctx.context.headingMetric;
    } else return [];
  } else if (v.unit === 'chars-per-minute' || v.unit === 'words-per-minute') {
    metric = 'typing-speed';
  } else {
    // "downtime will not exceed 10 hours": how long a downtime may last is a promise of its own.
    metricHit = pickNearest(ctx, i, (h) => h.kind === 'metric' || h.kind === 'retention' || (h.kind === 'rate' && h.value === 'downtime'), lang);
    // How long records are kept is a period, not a service metric: keep the value, name no metric.
    if (metricHit?.kind === 'retention') metricHit = undefined;
    // 办理退款, 完成回访: a generic verb takes the action named right after it.
    if (metricHit && GENERIC_DONE_ZH.test(text.slice(metricHit.start, metricHit.end))) {
      const next = ctx.hits.find((h) => h.start >= metricHit!.end && h.start - metricHit!.end <= 1 && h.kind === 'metric');
      if (next) metricHit = next;
    }
    metric = metricHit?.value as DurationMetric | undefined;
    const retention = clauseHits.some((h) => h.kind === 'retention');
    // The metric a heading, a lead-in or a table header names, for a value that names none.
    if (!metric && !retention && ctx.context.headingMetric && !RATE_METRICS.has(ctx.context.headingMetric) && (explicit || isBareValue(ctx, v))) {
      metric = ctx.context.headingMetric;
    }
    if (!metric && explicit && !retention) {
      const onsite = clauseHits.find((h) => h.kind === 'channel' && h.value === 'onsite' && h.start >= v.end);
      // 4小时内上门: coming on site is the promise.
      if (onsite) metric = 'arrival';
      else if (previousMetric && !clauseHits.some((h) => h.kind === 'metric')) metric = previousMetric;
    }
    if (v.unit === 'ring') {
      const phoneish = metric === 'answer' || /铃|电话|来电|ring|call/i.test(text.slice(clause.start, clause.end));
      if (!phoneish) return [];
      metric ??= 'answer';
    } else if (!metric && !explicit && !isBareValue(ctx, v)) {
      return [];
    }
  }
  if (comparator === 'trigger') {
    overdueMetric = metric !== 'escalation' ? metric : undefined;
    metric = 'escalation';
  }
  // A range with no comparator word still promises its upper bound, and so does a time to act:
  // "Initial response: 4 hours" is at most 4 hours. A rate promises its floor, or for a rate
  // that should be low (abandonment, downtime) its ceiling.
  if (comparator === 'exact') {
    if (v.unit !== 'percent' && (v.min !== v.max || (metric !== undefined && DEADLINE_METRICS.has(metric)))) comparator = 'at-most';
    else if (v.unit === 'percent' && metric !== undefined) comparator = LOW_IS_GOOD.has(metric) ? 'at-most' : 'at-least';
  }

  const channels: (Channel | undefined)[] = pickChannels(ctx, i, metric);
  if (channels.length === 0) channels.push(undefined);
  let conditions = mergeConditions(ownConditions, ctx.context.headingConditions);
  // "发行商披露（在问题确认后1~14天内完成）": a bare "complete" says nothing of what is completed; what the
  // clause names before the value is the promise, so steps of a process are never compared with each other.
  if (metricHit && GENERIC_DONE.test(text.slice(metricHit.start, metricHit.end)) && !conditions.some((c) => dimensionOf(c) === 'case')) {
    const subject = text.slice(clause.start, v.start).replace(/[*_`]/g, '');
    const open = openValue('case', subject);
    if (open) conditions = mergeConditions([open], conditions);
  }
  const strength = ctx.context.headingStrength === 'aim' ? 'aim' : strengthOf(ctx, ci, v.start);
  const value = v.placeholder || v.min === undefined || v.max === undefined ? undefined : { min: v.min, max: v.max };

  let spanStart = clause.start;
  let spanEnd = clause.end;
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
  const [start, end] = trimSpan(text, spanStart, spanEnd);
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
    if (v.unit) {
      c.unit = v.unit;
      c.clock = clockOf(v.unit);
    }
    if (channel) c.channel = channel;
    const m = metric === 'answer' && !ANSWERED_LIVE.has(channel) ? 'reply' : metric;
    if (m) c.metric = m;
    if (overdueMetric) c.overdueMetric = overdueMetric === 'answer' && !ANSWERED_LIVE.has(channel) ? 'reply' : overdueMetric;
    if (value && v.unit) {
      c.value = value;
      c.normalized = normalizeValue(value, v.unit, comparator);
    }
    return c;
  });
}

/** Time ranges and round-the-clock phrases, with the day names right before or after them. */
function scheduleSpans(tokens: ScheduleToken[]): { start: number; end: number }[] {
  return tokens.filter((t, k) => {
    if (t.type !== 'days') return true;
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    return (next !== undefined && next.type !== 'days' && next.start - t.end <= 4) || (prev !== undefined && prev.type !== 'days' && t.start - prev.end <= 4);
  });
}

function inBracketsAfterAnotherValue(ctx: SentenceCtx, i: number): boolean {
  const v = ctx.values[i]!;
  const clause = ctx.clauses[ctx.valueClause[i]!]!;
  const before = ctx.text.slice(clause.start, v.start);
  const open = Math.max(before.lastIndexOf('('), before.lastIndexOf('（'));
  if (open < 0 || Math.max(before.lastIndexOf(')'), before.lastIndexOf('）')) > open) return false;
  const bracketStart = clause.start + open;
  return i > 0 && ctx.valueClause[i - 1] === ctx.valueClause[i] && ctx.values[i - 1]!.end <= bracketStart;
}

/** A clause that is nothing but the value (a table cell "30 minutes, 24/7", a list item "2小时内"). */
function isBareValue(ctx: SentenceCtx, v: RawValue): boolean {
  const c = ctx.clauses[clauseAt(ctx.clauses, v.numberStart)]!;
  // A note in brackets after the value is still a bare value: "1 business day (Mon-Fri, 9-5)".
  return BARE_VALUE_FILLER.test(ctx.text.slice(c.start, v.start)) && /^(?:\s*[(（][^)）]*[)）]?)?[\s。.;；，,]*$/.test(ctx.text.slice(v.end, c.end));
}

/**
 * Aim wording in the value's own clause, or in a lead-in clause without a value
 * (原则上，…). An aim stated for one value does not soften the next one:
 * 原则上2小时内回复，最长不超过24小时 is an aim of 2 h and a binding limit of 24 h.
 */
function strengthOf(ctx: SentenceCtx, ci: number, valueStart: number): Strength {
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
    // In the value's own clause only what comes before it: "contact clients with 3 days notice and try to…" is binding.
    if (h.kind === 'aim' && h.start < valueStart) return 'aim';
  }
  return 'binding';
}

const vocabularyPatterns = new WeakMap<ReadonlyMap<string, Condition>, RegExp>();

/** Adds the document's own scope words ("Platinum", "Priority") to the lexicon's hits, where they overlap none. */
function withVocabulary(text: string, start: number, end: number, hits: Hit[], vocabulary: ReadonlyMap<string, Condition> | undefined): Hit[] {
  if (!vocabulary || vocabulary.size === 0) return hits;
  let re = vocabularyPatterns.get(vocabulary);
  if (!re) {
    const words = [...vocabulary.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    re = new RegExp(`(?<![\\w+])(?:${words.join('|')})(?![\\w+])`, 'gi');
    vocabularyPatterns.set(vocabulary, re);
  }
  const extra: Hit[] = [];
  re.lastIndex = 0;
  const slice = text.slice(start, end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const s = start + m.index;
    const e = s + m[0].length;
    const value = vocabulary.get(m[0].toLowerCase())!;
    const same = hits.find((h) => h.start === s && h.end === e && h.kind === 'condition');
    if (same) same.defined = true;
    else if (!overlapsAny(hits, s, e)) extra.push({ start: s, end: e, kind: 'condition', value, defined: true });
  }
  return extra.length ? [...hits, ...extra].sort((a, b) => a.start - b.start) : hits;
}
