// Promises without a number (及时回复, respond promptly), and what headings say
// about the commitments under them.

import { customerDuty } from './speaker';
import { openingFaultKind, stageOf } from './case-phrases';
import { conditionGroup, metricFamily, PRIORITY_LABEL, qualifies, VAGUE_HINT, priorityCondition, scanLexicon, ZH_IF_OPENER_SOURCE, type Hit } from './lexicon';
import { clauseAt, languageOf, normalizeText, segment, type Clause, type Sentence } from './text';
import { EN_UNIT_SOURCE, ZH_UNIT_SOURCE } from './units';
import type { Channel, Condition, Metric, VagueCommitment } from './types';
import { matchesSimplified } from '../traditional';

// A number with a unit from the table of units (units.ts), or a blank standing for one.
const MEASURED = new RegExp(
  `(?:\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百半]+|\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|sixty|ninety))\\s*(?:\\(\\d+\\)\\s*)?(?:个)?(?:${ZH_UNIT_SOURCE}|％|(?:${EN_UNIT_SOURCE})(?![A-Za-z]))|[_＿]{2,}|XX|××`,
  'i',
);

/**
 * Vague wording in a sentence that promises an action (has a metric verb) and
 * states no measurable value. `language` only breaks ties; each sentence is read in
 * its own language.
 */
export function findVagueCommitments(text: string, language?: 'zh' | 'en'): VagueCommitment[] {
  if (!text || !matchesSimplified(VAGUE_HINT, text)) return [];
  const norm = normalizeText(text);
  const { sentences, clauses } = segment(norm);
  const out: VagueCommitment[] = [];
  for (const [si, s] of sentences.entries()) {
    // A sentence with a number, a quantity (三个工作日) or a blank value (XX小时) is measured or
    // already reported; asking the extractor would run the whole grammar a second time.
    const measured = MEASURED.test(norm.slice(s.start, s.end));
    if (measured && !SEVERAL_ACTIONS.test(norm.slice(s.start, s.end))) continue;
    const hits = scanLexicon(norm, s.start, s.end);
    const sClauses = clauses.slice(s.firstClause, s.firstClause + s.clauseCount);
    // 将及时通知客户，并每1小时提供更新: the number measures another action than the vague word's.
    const measuredMetrics = measured ? metricsMeasured(norm, sClauses, hits) : undefined;
    if (measured && !measuredMetrics) continue;
    const sentenceText = norm.slice(s.start, s.end);
    // "SLA times are not a time-to-resolution", 不能保证: the sentence says on purpose that no number is promised.
    if (DISCLAIMS.test(sentenceText)) continue;
    hits.forEach((w, wi) => {
      if (w.kind !== 'vague') return;
      const wc = clauseAt(sClauses, w.start);
      const clause = sClauses[wc]!;
      // 如果问题严重到需要尽早通知…: a condition, not a promise; 推动尽快确认 / 及时协调资源: managing the team, not serving a customer.
      if (CONDITIONAL.test(norm.slice(Math.max(clause.start, w.start - 120), w.start))) return;
      if (MANAGES_BEFORE.test(norm.slice(Math.max(clause.start, w.start - 4), w.start)) || MANAGES_AFTER.test(norm.slice(w.end, w.end + 4))) return;
      // "but historically within a few days", 以往一般…: what has happened, not what is promised.
      if (DESCRIBES_PAST.test(norm.slice(Math.max(clause.start, w.start - 30), w.start))) return;
      // 用户未在规定时间内交纳, 提醒用户尽快缴纳: the customer's own action, not a promise to the customer.
      if (CUSTOMER_ACTS.test(norm.slice(Math.max(clause.start, w.start - 8), w.start))) return;
      // 为了尽快地发现和修复安全问题，我们内部在持续…, "Provide enough detail so we can resolve it as quickly as
      // possible": the purpose of a request or of work behind the scenes, not a promise.
      if (PURPOSE.test(norm.slice(Math.max(s.start, w.start - 60), w.start))) return;
      // 为及时处理客户投诉，……特制定本办法: the preamble says why the rules exist, not what they promise.
      if (ENACTS.test(norm.slice(w.end, Math.min(s.end, w.end + 200)))) return;
      // "Customers are responsible for applying the patches in a timely manner": the customer's duty.
      if (customerDuty(norm.slice(s.start, w.start))) return;
      const inClause = (h: Hit) => clauseAt(sClauses, h.start) === wc;
      // 尽快安排维修人员上门: coming to the customer, after the vague word and with no other verb, is the arrival
      // (上门服务人员须及时清理现场 is about the clean-up).
      const metricHit =
        nearest(hits, wi, (h) => h.kind === 'metric', inClause, 80) ??
        onsiteArrival(nearest(hits, wi, (h) => h.kind === 'channel' && h.value === 'onsite' && h.start >= w.end, inClause, 80), inClause);
      if (!metricHit) return;
      if (measuredMetrics && (MEASURED.test(norm.slice(clause.start, clause.end)) || measuredMetrics.has(metricFamily(metricHit.value as Metric)))) return;
      // "We will respond as quickly as we can. Within 15 business days we will send a final response.": the limit follows.
      if (limitFollows(norm, s, sentences[si + 1], clauses, metricFamily(metricHit.value as Metric))) return;
      const mc = clauseAt(sClauses, metricHit.start);
      const sameAsMetric = (h: Hit) => clauseAt(sClauses, h.start) === mc;
      const channelHit =
        nearest(hits, wi, (h) => h.kind === 'channel' && h.value === 'complaint', sameAsMetric, 40) ??
        nearest(hits, wi, (h) => h.kind === 'channel', sameAsMetric, 40);
      const found = new Set<Condition>();
      for (let k = wi - 1; k >= 0 && w.start - hits[k]!.end < REACH; k--) if (hits[k]!.kind === 'condition') found.add(hits[k]!.value as Condition);
      if (found.size === 0) {
        const fault = openingFaultKind(norm.slice(s.start, Math.min(w.start, s.start + 16)));
        if (fault) found.add(fault);
      }
      const conditions = [...found].sort();
      const channel = channelHit?.value as Channel | undefined;
      // A form or a mail that is "answered" is replied to; only calls and chats are answered.
      const metric = metricHit.value === 'answer' && channel !== undefined && channel !== 'phone' && channel !== 'chat' ? 'reply' : (metricHit.value as Metric);
      const v: VagueCommitment = {
        start: w.start,
        end: w.end,
        word: text.slice(w.start, w.end),
        sentenceStart: s.start,
        sentenceEnd: s.end,
        metric,
        conditions,
        language: languageOf(norm, s.start, s.end),
      };
      if (channel) v.channel = channel;
      out.push(v);
    });
  }
  return out;
}


/** An on-site visit in the vague word's clause, read as the arrival it promises. */
function onsiteArrival(visit: Hit | undefined, inClause: (h: Hit) => boolean): Hit | undefined {
  return visit && inClause(visit) ? { ...visit, kind: 'metric', value: 'arrival' } : undefined;
}

/** A sentence that joins two actions ("…，并…", "and"): only then can its number measure another action than the vague one. */
const SEVERAL_ACTIONS = /[,，;；]\s*(?:并|并且|同时|且)|\band\b/i;

/** Whether the next sentence of the same paragraph measures the same action (its family): the vague one's limit. */
function limitFollows(norm: string, s: Sentence, next: Sentence | undefined, clauses: readonly Clause[], family: Metric): boolean {
  if (!next || norm.slice(s.end, next.start).includes('\n\n') || next.end - next.start > 400 || !MEASURED.test(norm.slice(next.start, next.end))) return false;
  const measured = metricsMeasured(norm, clauses.slice(next.firstClause, next.firstClause + next.clauseCount), scanLexicon(norm, next.start, next.end));
  return measured?.has(family) === true;
}

/**
 * The metrics a measured sentence's numbers measure, clause by clause; undefined when a measured clause
 * names none (将及时处理，一般不超过2小时: the number may be the vague action's own).
 */
function metricsMeasured(norm: string, sClauses: readonly Clause[], hits: readonly Hit[]): Set<Metric> | undefined {
  const out = new Set<Metric>();
  for (const c of sClauses) {
    if (!MEASURED.test(norm.slice(c.start, c.end))) continue;
    const own = hits.filter((h) => h.kind === 'metric' && h.start >= c.start && h.end <= c.end);
    if (own.length === 0) return undefined;
    for (const h of own) out.add(metricFamily(h.value as Metric));
  }
  return out;
}

// Only words this close to the vague word are read; a sentence can be a whole page.
const REACH = 120;

const DISCLAIMS =
  /不能保证|无法保证|不保证|不作保证|不承诺|有所不同|因情况而异|\bnot\s+(?:to\s+be\s+)?(?:considered|guaranteed)\b|\b(?:does|do|will|can)\s*not\s+(?:guarantee|promise|commit)|\bcannot\s+(?:guarantee|promise|commit)|\bno\s+(?:guarantee|commitment)\b|\bnot\s+(?:an?\s+)?(?:expected|guaranteed)\s+time/i;
// Unless the main clause has begun after it: 如有疑问我们将及时回复 promises, 如果问题严重到需要尽早通知 does not.
const CONDITIONAL = new RegExp(
  `(?:${ZH_IF_OPENER_SOURCE}|\\bif\\b|\\bunless\\b|\\bwhether\\b)(?![^，,;；]*(?:我们将|我们会|本公司将|我司将|则|\\bwe\\s+(?:will|shall)\\b))`,
  'i',
);
const DESCRIBES_PAST = /\b(?:historically|in\s+the\s+past|so\s+far|to\s+date|previously|traditionally)\b[^.;]{0,12}$|(?:以往|过去|历史上|此前)[^。；]{0,8}$/i;
// "…all relevant information to help the support team understand the issue and provide a timely resolution": what the customer's part is for.
// "To quickly fix vulnerabilities, the security team is responsible for…", 为及时处理…，特制定: what a sentence opens with is its purpose.
const PURPOSE =
  /为了\s*$|^\s*(?:[-*+]\s+)?(?:为|to\s)\s*$|为\s*(?:了)?\s*(?:更好、?\s*)?更\s*$|\b(?:so\s+(?:that\s+)?(?:we|our\s+\w+|the\s+\w+\s+team)\s+(?:can|could|may)|in\s+order\s+(?:for\s+us\s+)?to)\b[^.;:,]{0,40}$|\bto\s+help\s+(?:us|(?:the|our)\s+(?:[a-z]+\s+){0,2}(?:team|engineers?|staff))\b[^.;:,]{0,60}$/i;
const ENACTS = /特(?:制定|订定|訂定|制订|制訂|订立|訂立)|(?:制定|订定|訂定|制订|制訂)本(?:办法|辦法|制度|规定|規定|细则|細則|规范|規範|标准|標準|流程|程序)/;
const MANAGES_BEFORE = /(?:推动|督促|敦促|促使|要求)\s*$/;
// 给您及时处理: the customer is who is served, not who acts.
const CUSTOMER_ACTS = /(?<![给为帮替向])(?:用户|客户|您)(?:未|没有|应|须|需|要|未能)?(?:在)?$/;
// 及时通报局“12345”受理工作机构, 及时上报: a report up the organisation, not an answer to the customer (及时通报处理进展 is one).
const MANAGES_AFTER = /^\s*(?:协调|督促|跟踪|安排人员|上报|报送|汇报|请示|通报(?=[^，。；,;]{0,4}(?:上级|局|领导|主管|管理部门|受理|工作机构|中心)))/;

/**
 * The nearest wanted hit around hits[wi], scanning outwards: words in the preferred
 * clause first (after the vague word slightly preferred), then anywhere nearby at a cost.
 */
function nearest(hits: Hit[], wi: number, want: (h: Hit) => boolean, preferred: (h: Hit) => boolean, otherCost: number): Hit | undefined {
  const w = hits[wi]!;
  let best: Hit | undefined;
  let bestScore = Infinity;
  const visit = (h: Hit, after: boolean) => {
    if (!want(h)) return;
    const dist = after ? h.start - w.end : w.start - h.end;
    const score = dist + (after ? 0 : 2) + (preferred(h) ? 0 : otherCost);
    if (score < bestScore) {
      bestScore = score;
      best = h;
    }
  };
  for (let k = wi + 1; k < hits.length && hits[k]!.start - w.end <= REACH; k++) visit(hits[k]!, true);
  for (let k = wi - 1; k >= 0 && w.start - hits[k]!.end <= REACH; k--) visit(hits[k]!, false);
  return best;
}

// 一般 in a heading is the general case only when it qualifies a kind of case;
// 一般规定 / General Terms are something else.
// Headings about hours (工作时间, Business hours) introduce schedules, not workday-only promises.
const WORKDAY_HEADING_WORD = /^(?:工作日|weekdays?|business\s+days?|working\s+days?)$/i;

/** Conditions a heading puts on everything under it: 重大投诉处理 → major, 节假日服务 → holiday. */
const PRIORITY_ONLY = new RegExp(`^\\s*(?:\\d+(?:\\.\\d+)*\\s+)?${PRIORITY_LABEL}\\s*$`, 'i');

export function conditionsFromHeading(title: string): Condition[] {
  if (!title) return [];
  const norm = normalizeText(title);
  // A row label or heading that is only a priority level: High, P2, 低.
  const label = PRIORITY_ONLY.exec(norm);
  if (label) return priorityCondition(label);
  const hits = scanLexicon(norm, 0, norm.length);
  const out = new Set<Condition>();
  const seenGroups = new Set<string>();
  for (const h of hits) {
    if (h.kind !== 'condition') continue;
    const cond = h.value as Condition;
    if (!qualifies(norm, h)) continue;
    if (cond === 'workday' && !WORKDAY_HEADING_WORD.test(norm.slice(h.start, h.end))) continue;
    if (/^\s*(?:顺延|除外|休息)/.test(norm.slice(h.end, h.end + 4))) continue;
    // 一般及重大投诉处理 names two cases: the heading then says nothing about which one applies.
    const group = conditionGroup(cond);
    if (seenGroups.has(group) && ![...out].some((c) => c === cond)) {
      for (const c of [...out]) if (conditionGroup(c) === group) out.delete(c);
      continue;
    }
    seenGroups.add(group);
    out.add(cond);
  }
  const stage = seenGroups.has('case') ? undefined : stageOf(norm);
  if (stage) out.add(stage);
  return [...out].sort();
}

/** The channel a heading names (电话服务 → phone, 投诉处理 → complaint), if any. */
export function channelFromHeading(title: string): Channel | undefined {
  if (!title) return undefined;
  const norm = normalizeText(title);
  const hits = scanLexicon(norm, 0, norm.length).filter((h) => h.kind === 'channel');
  if (hits.length === 0) return undefined;
  return (hits.find((h) => h.value === 'complaint') ?? hits[0]!).value as Channel;
}

/** The metric a heading or a lead-in names (### 处理时效 → resolve, "Response targets:" → first-response), if any. */
export function metricFromHeading(title: string): Metric | undefined {
  if (!title) return undefined;
  const norm = normalizeText(title);
  const hits = scanLexicon(norm, 0, norm.length).filter((h) => h.kind === 'metric' || h.kind === 'rate');
  // "修复事件的初始响应时间": 修复 names the kind of incident; the metric is the response time.
  const hit = hits.find((h) => !KIND_NOUN_AFTER.test(norm.slice(h.end, h.end + 12))) ?? hits[0];
  return hit?.value as Metric | undefined;
}

/** Whether a label names an action ("Acknowledgement", "Respond to your texts"), not a kind of request ("Refund requests"). */
export function namesAction(label: string): boolean {
  const norm = normalizeText(label);
  return scanLexicon(norm, 0, norm.length).some((h) => h.kind === 'metric' && !KIND_NOUN_AFTER.test(norm.slice(h.end, h.end + 12)));
}

/** A noun after a metric word that makes it the kind of case: 修复事件, 解决类问题, "resolution requests". */
const KIND_NOUN_AFTER = /^\s*(?:类)?(?:事件|问题|工单|请求|案例)|^\s*(?:incidents?|requests?|tickets?|cases?)\b/i;

/** Aim wording in a heading or lead-in: 目标修复时长, "will do its best to provide the following service levels:". */
export function aimInHeading(title: string): boolean {
  if (!title) return false;
  const norm = normalizeText(title);
  // "质量目标", "Response targets": a heading that names targets lists the promises themselves; only an
  // aim verb (力争, "will do its best to") softens what is under it.
  return scanLexicon(norm, 0, norm.length).some((h) => h.kind === 'aim' && !TARGET_NOUN.test(norm.slice(h.start, h.end)));
}

const TARGET_NOUN = /^(?:目标|期望|targets?|targeted|goals?)$/i;
