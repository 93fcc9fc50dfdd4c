// What a table cell means: its row label and column header say which promise
// the value in it makes. One of them names the metric ("Initial response",
// 漏洞修复时长), the others its scope: a priority (High, P2, Sev-1, a bare 0–3 in
// a Severity column, 严重级别 A), a plan (the columns of a "Subscription Plans"
// grid), or a case of the organisation's own naming ("Service is unavailable").

import type { CellContext, ParsedMarkdown, ProseBlock, SideLabel } from '../engine/markdown';
import { byChunk, type ChunkMemo } from '../engine/chunk-shares';
import { dimensionOf, openValue, vocabularyKey, type Condition } from './sla/dimensions';
import { channelFromHeading, conditionsFromHeading, metricFromHeading, namesAction } from './sla/vague';
import type { Channel, Metric, RateMetric } from './sla/types';
import { appendAll } from '../engine/arrays';
import { scanValues } from './sla/value';
import { normalizeText } from './sla/text';
import { definedMetricOf } from './table-glossary';
import { measuredPromise, rateNamed } from './measured-rows';
import { ATTRIBUTE_ROW, CLASS_HEADER, CUSTOMER_SIDE_LABEL, DESCRIPTIVE_HEADER, EVENT_LABEL, LEVEL_CORNER, levelOf, NAMED_PLAN_CORNER, namesChannel, namesCredit, namesMetric, onceByText, PLAN_CORNER, PLAN_NAME, PLAN_WORD_AFTER, PROMISE_HEADER, reportsResults, SERVICE_CORNER, TARGET_HEADER, withoutMetricWords } from './table-labels';

export interface CellReading {
  /** The channel a column header names, for a value whose own words name none ("| 書面陳情 | 電話陳情 |"). */
  channel?: Channel;
  /** Labels that name the metric, to be read before the value ("Initial response: 4 hours"). */
  metricLabels: string[];
  /** The metric a label's term has in the document's glossary ("Turn Around Time (TAT)": acknowledge). */
  definedMetric?: Metric;
  conditions: Condition[];
  /**
   * Under a target column beside the row's promise ("送达时限 | 目标 98%", "Respond | 1 hour | Target 90%"): the promise a
   * bare percentage is the on-time rate of, as a `measure` condition.
   */
  onTimeRateOf?: Condition;
  /** The rate the row's labels name instead ("| 市民對清理工作的滿意程度 | 95% |" is a satisfaction target, not an on-time rate). */
  measuredRate?: RateMetric;
  /** The row is about the customer's side or is a definition: its values are not promises. */
  skip: boolean;
}

/** What a label says about scope when it is not a metric: a level, a known value, or a case of its own. */
function labelConditions(label: string, corner: string, dimension: 'case' | 'plan', vocabulary?: ReadonlyMap<string, Condition>): Condition[] {
  const level = levelOf(label, corner, vocabulary);
  if (level.length) return level;
  // "Premier+" beside "Premier" is another offer, not the Premium plan again.
  const known = /\+\s*$|\bplus\b/i.test(label) ? [] : conditionsFromHeading(label);
  if (known.length) return known;
  if (EVENT_LABEL.test(label) || !/\p{L}/u.test(label)) return [];
  const open = openValue(dimension, label);
  return open ? [open] : [];
}

/**
 * A label column's header that says its rows are the steps of a procedure: "Stage of Procedure", 环节. A row that says
 * more than its action ("Acknowledgement of Review Request" beside "Acknowledgement of receipt of the form") is a step
 * of its own; one that is only the action ("| Acknowledge | 2 working days |") is the promise the prose makes too.
 */
const STEP_CORNER = /^\s*(?:stages?|steps?|phases?)(?:\s+(?:of|in)\s+(?:the\s+)?(?:procedure|process))?\s*$|^\s*(?:阶段|步骤|环节|处理环节|办理环节)\s*$/i;

function saysMoreThanItsMetric(label: string): boolean {
  const rest = withoutMetricWords(label).replace(/\b(?:of|the|a|an|to|for|and|on|in)\b/gi, ' ');
  return /[\p{L}\d]{2}/u.test(rest);
}

/** A label column's header that says its rows are kinds of case: "Type of complaint", 投诉类别. */
const TYPE_CORNER = /\b(?:complaint|issue|request|case|problem|enquiry|query|incident)\s+(?:types?|categor(?:y|ies))\b|\b(?:types?|categor(?:y|ies)|kinds?)\s+of\s+(?:complaints?|issues?|requests?|cases?|problems?|enquir(?:y|ies)|quer(?:y|ies)|incidents?)\b|(?:投诉|问题|事项|请求|诉求|故障)(?:类型|类别|种类|分类)/i;

/** Words in a header that say its column describes: "Severity definition", 严重性定义, "Impact examples". */
const DESCRIBES = /\b(?:descriptions?|definitions?|examples?|notes?|comments?|details?|impact)\b|说明|描述|示例|备注|定义|影响/i;

/** A short label, not a sentence: "Requests for service". */
function isRowLabel(text: string): boolean {
  return text !== '' && text.length <= 40 && /\p{L}/u.test(text) && !/[。.;；!！?？\n]/.test(text);
}

/** A time of day (6:00, 17：30): a cell that holds one is a value, not a label. */
const CLOCK_TIME = /\d{1,2}\s*[:：]\s*\d{2}/;
/** A column of times that are no service hours: a maintenance window, a lunch break (| 维护窗口 |, | Lunch break |). */
const NOT_SERVICE_WINDOW = /维护(?:窗口|时间|时段)|检修时间|停机(?:时间|窗口)|午休|休息时间|\bmaintenance\s+(?:windows?|hours|times?|periods?)\b|\blunch(?:\s+breaks?)?\b|\bbreaks?\b|\bclosures?\b|\bdowntime\s+windows?\b/i;

/** A header that says what its column holds (时段, "Hours", "Day"), not whom. */
const TIME_HEADER = /时段|时间|日期|星期|周[一二三四五六日]|\b(?:days?|times?|hours|periods?|when|schedule|opening)\b/i;

/** Whether a row of hours only is the hours of what its column header names: | 美洲 | 亚太地区 |, not | 时段 |. */
function hoursFor(header: string, rowLabel: string): boolean {
  return header !== '' && CLOCK_TIME.test(rowLabel) && !TIME_HEADER.test(header) && !namesMetric(header) && !namesChannel(header);
}

/** Whether a cell left of a value is a short label under a header that names what it is, not a description. */
function isSideLabel(side: SideLabel): boolean {
  const text = side.text;
  if (text === '' || text.length > 40 || !/\p{L}/u.test(text) || /[。.;；!！?？\n]/.test(text) || side.header === '' || namesMetric(side.header) || DESCRIBES.test(side.header)) return false;
  // "1 Hour" under "Priority 1: Critical" beside "2 Core Hours": another column's value, not a label.
  return scanValues(normalizeText(text)).length === 0;
}

/**
 * Whether a column header that is neither a metric nor a level scopes its column: the columns of a
 * Level grid, and columns that are offers ("|  | 基本支持 | 高级支持 |", "| 服务项目 | 基础支持服务 |").
 */
function scopingColumn(corner: string, header: string, headers: readonly string[] = []): boolean {
  // "Service standard" heads the promises themselves, not the Standard plan.
  if (DESCRIPTIVE_HEADER.test(header) || /^(?:customer\s+)?service\s+(?:standards?|levels?|targets?|commitments?)$/i.test(header)) return false;
  const offersBeside = headers.some((other, i) => i > 0 && other !== header && PLAN_NAME.test(other) && isOfferName(other));
  // "| Service area | Standard | 2022-23 |": the standard column holds the promises; beside Basic and Premium it is a plan.
  if (PROMISE_HEADER.test(header) && !LEVEL_CORNER.test(corner) && !offersBeside) return false;
  if (LEVEL_CORNER.test(corner) || ((corner === '' || PLAN_NAME.test(header)) && !namesChannel(header))) return true;
  // "| 功能 | Personal | Business | Dedicated |": a short name beside an offer's column is an offer too.
  return isOfferName(header) && offersBeside;
}

/** A column header short enough to name an offer, and naming nothing else: no metric, channel, level or promise. */
const isOfferName = onceByText((header) => {
  const words = header.trim();
  return (
    words !== '' && words.length <= 24 && words.split(/\s+/).length <= 3 && !/\d/.test(words) && !namesMetric(words) && !namesChannel(words) &&
    !PROMISE_HEADER.test(words) && !DESCRIPTIVE_HEADER.test(words) && !reportsResults(words) && levelOf(words, '').length === 0
  );
});

export function readCell(cell: CellContext, vocabulary?: ReadonlyMap<string, Condition>, glossary?: ReadonlyMap<string, Metric>): CellReading {
  const { rowLabel, header, corner } = cell;
  // "Monthly Uptime Percentage | Service Credit", 每月正常服务时间百分比 | 服务费抵扣: its bands and credits are remedies, not promises.
  const reading: CellReading = {
    metricLabels: [],
    conditions: [],
    skip: CUSTOMER_SIDE_LABEL.test(rowLabel) || cell.headers.some(namesCredit) || (cell.column > 0 && reportsResults(header)) || NOT_SERVICE_WINDOW.test(header),
  };
  if (cell.isHeader || cell.column === 0) {
    // "24/7: First response" heads a column: its 24/7 names the column's plan, not a schedule.
    if (cell.isHeader && cell.column > 0 && splitMetricHeader(header)?.scope) reading.skip = true;
    // "| 書面陳情 | 電話陳情 |⏎| 6日內處理完畢 | …": a first column of values under a channel's name is that channel's.
    if (!cell.isHeader && namesChannel(header) && scanValues(normalizeText(rowLabel)).length > 0) reading.channel = channelFromHeading(header);
    // "| 美洲 | 亚太地区 |⏎| 上午 6:00 - 下午 5:30 | …": a first column of hours is its header's, as the others are theirs.
    else if (!cell.isHeader && hoursFor(header, rowLabel)) appendAll(reading.conditions, labelConditions(header, '', 'case'));
    return reading;
  }
  // A term the glossary defines as a metric names it, whatever its words: "Ticket Update Cycle (TUC)" is a follow-up.
  const rowDefined = glossary?.size ? definedMetricOf(rowLabel, glossary) : undefined;
  const headerDefined = glossary?.size ? definedMetricOf(header, glossary) : undefined;
  const defined = rowDefined ?? headerDefined;
  if (defined) reading.definedMetric = defined;
  // "New ticket created": the event the clock starts from, which names the channel.
  if (EVENT_LABEL.test(rowLabel)) reading.metricLabels.push(rowLabel);
  // "Plan | Response time | …": the corner names the rows; "Subscription Plans | Default | Custom": the columns.
  const headerIsMetric = header !== '' && namesMetric(header);
  const namedPlan = NAMED_PLAN_CORNER.test(corner);
  if (namedPlan) appendAll(reading.conditions, labelConditions(corner.replace(PLAN_WORD_AFTER, ''), '', 'plan'));
  const planColumns = PLAN_CORNER.test(corner) && !namedPlan && !headerIsMetric;
  const planRows = PLAN_CORNER.test(corner) && !namedPlan && headerIsMetric;
  const serviceColumns =
    SERVICE_CORNER.test(corner) && ATTRIBUTE_ROW.test(rowLabel) && header !== '' && !headerIsMetric && !PLAN_NAME.test(header) && !PROMISE_HEADER.test(header) && !namesChannel(header);
  // The row label: a metric name ("Response Time (Severity 1)", with its own scope) or a scope.
  if (serviceColumns) {
    if (namesMetric(rowLabel)) reading.metricLabels.push(rowLabel);
  } else if (rowLabel && !rowDefined) {
    // A row label that names a metric or a channel (客服热线, Email) is read before the value, like a header;
    // under "Type of complaint" it is also a kind of case ("Early resolutions" beside "Support and advice").
    // 严重问题的响应时间: a level and the metric in one short label; the metric is still the row's (a level's
    // description that mentions 恢复 names none).
    const level = levelOf(rowLabel, corner);
    if (namesMetric(rowLabel) && level.length && isRowLabel(rowLabel)) {
      reading.metricLabels.push(rowLabel);
      appendAll(reading.conditions, level);
    } else if ((namesMetric(rowLabel) || namesChannel(rowLabel)) && !level.length) {
      reading.metricLabels.push(rowLabel);
      appendAll(reading.conditions, conditionsFromHeading(rowLabel));
      const kindOrStep = TYPE_CORNER.test(corner) || (STEP_CORNER.test(corner) && saysMoreThanItsMetric(rowLabel));
      if (kindOrStep && !reading.conditions.some((c) => dimensionOf(c) === 'case')) appendAll(reading.conditions, labelConditions(rowLabel, corner, 'case', vocabulary));
    } else if (!CLOCK_TIME.test(rowLabel)) {
      // "| 上午 6:00 - 下午 5:30 | 上午 9:00 - 下午 5:00 |": a first cell of hours is a value beside the others, not their label.
      appendAll(reading.conditions, labelConditions(rowLabel, corner, planRows ? 'plan' : 'case', vocabulary));
    }
  }
  if (cell.group && cell.group !== rowLabel) readGroup(cell.group, reading, vocabulary);
  // "| | Requests for service | 3 business days |" under "Mail / email correspondence", | | | 普通膜式表 | 施工通氣 | 7個工作日 |:
  // every label beside the value, its own or carried down from a merged cell, tells the continued row apart.
  if (cell.continued) {
    const own = cell.sideLabels
      .filter((side) => isRowLabel(side.text) && !LEVEL_CORNER.test(side.header) && !PLAN_CORNER.test(side.header) && !namesMetric(side.header))
      .map((side) => side.text)
      .join(' ');
    // "Requests for service" is all filler words to a slug, and still tells the row apart.
    const open = own && (openValue('case', own) ?? (`case:${own.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}` as Condition));
    if (open) reading.conditions.push(open);
  }
  // "Item | Priority Level | Metric": a label column between the first one and the value, under a level or plan header.
  // "| 供电方案答复 | 居民 | 3个工作日 |" under 客户类别: a column of kinds of customer or case scopes its rows too.
  for (const side of cell.sideLabels) {
    const level = LEVEL_CORNER.test(side.header);
    const kind = !level && !cell.continued && CLASS_HEADER.test(side.header);
    if ((!level && !kind && !PLAN_CORNER.test(side.header)) || !isSideLabel(side)) continue;
    if (level || kind) appendAll(reading.conditions, labelConditions(side.text, side.header, 'case', vocabulary));
    else appendAll(reading.conditions, labelConditions(side.text, side.header, 'plan'));
  }
  const measured = TARGET_HEADER.test(normalizeText(header)) ? measuredPromise(cell) : undefined;
  if (measured) {
    reading.onTimeRateOf = measured;
    const rate = rateNamed(cell);
    if (rate) reading.measuredRate = rate;
  }
  // The column header: a metric name ("Initial response time"), a level, or else what the columns
  // of a grid are: plans ("Standard | Premium | Platinum" beside a Level column).
  if (header && !headerDefined) {
    if (headerIsMetric) {
      // "Acknowledgement | Target Response Time": the row names the action, the column only the kind of figure.
      // The header is read without its metric words, so that the row's action is the value's; its aim words still count.
      const rowAction = reading.metricLabels.includes(rowLabel) && namesAction(rowLabel) && metricFromHeading(rowLabel) !== metricFromHeading(header);
      const before = reading.metricLabels.length;
      readMetricHeader(header, reading, vocabulary);
      if (rowAction) reading.metricLabels = [...reading.metricLabels.slice(0, before), ...reading.metricLabels.slice(before).map(withoutMetricWords)];
      // "Vulnerability resolution time | Release bug fix version": a second column of the same metric is a promise of its own.
      const second = cell.sideLabels.some((side) => side.header !== header && namesMetric(side.header) && metricFromHeading(side.header) === metricFromHeading(header));
      const own = second ? openValue('case', header) : undefined;
      if (own && !reading.conditions.some((c) => dimensionOf(c) === 'case')) reading.conditions.push(own);
    } else {
      // "| 書面陳情 | 電話陳情 |": a column that names a channel is that channel's.
      if (namesChannel(header)) reading.channel = channelFromHeading(header) ?? reading.channel;
      const level = levelOf(header, '');
      if (level.length) {
        appendAll(reading.conditions, level);
        // "Priority 2 Deployment" beside "Priority 2 Major Feature Failure": two columns of one level are two cases of it.
        const sibling = cell.headers.some((other) => other !== header && levelOf(other, '').some((c) => level.includes(c)));
        const own = sibling ? openValue('case', header) : undefined;
        if (own && !reading.conditions.some((c) => dimensionOf(c) === 'case')) reading.conditions.push(own);
      } else if (serviceColumns) appendAll(reading.conditions, labelConditions(header.replace(/^\s*\d{1,2}\s*[.、)）]\s*/, ''), '', 'case'));
      else if (planColumns || scopingColumn(corner, header, cell.headers)) appendAll(reading.conditions, labelConditions(header, '', 'plan'));
      // "| 美洲 | 亚太地区 |" over a row of hours only: each column's header is what its hours are for.
      else if (hoursFor(header, rowLabel)) appendAll(reading.conditions, labelConditions(header, '', 'case'));
    }
  }
  joinOpenCases(reading.conditions);
  return reading;
}

/** The group's, the row's and a continued row's own open cases together name the item: one case, not the first of three. */
function joinOpenCases(conditions: Condition[]): void {
  const open = conditions.filter((c) => c.startsWith('case:'));
  if (open.length < 2) return;
  const joined = openValue('case', open.map((c) => c.slice('case:'.length)).join(' '));
  const rest = conditions.filter((c) => !c.startsWith('case:'));
  conditions.length = 0;
  conditions.push(...rest, ...(joined ? [joined] : []));
}

/**
 * A group row above ("| Phone Calls | |", "| Statutory requests | |"): one that names an action is read before the
 * row's own labels, as a heading is; one that names a channel gives its levels only; any other names the kind of
 * request its rows are about.
 */
function readGroup(group: string, reading: CellReading, vocabulary?: ReadonlyMap<string, Condition>): void {
  if (namesMetric(group) || namesChannel(group)) {
    // A group that only names a channel leaves it to the rows: 本地及非本地邮件 heads letters and parcels.
    if (namesMetric(group)) reading.metricLabels.unshift(group);
    appendAll(reading.conditions, conditionsFromHeading(group));
  } else {
    appendAll(reading.conditions, labelConditions(group, '', 'case', vocabulary));
  }
}

/** "24/7: First response", "Premium – Resolution": a header that names the column's scope beside its metric. */
const SCOPED_HEADER = /^([^:：|]{1,60}?)\s*(?:[:：]|\s[-–—]\s)\s*([^:：|]{1,60})$/;

/** A header's metric label and the scope beside it ("Weekday: First response"); undefined when it has no such parts. */
function splitMetricHeader(header: string): { label: string; scope: string } | undefined {
  const parts = SCOPED_HEADER.exec(header);
  if (!parts) return undefined;
  const [first, second] = [parts[1]!.trim(), parts[2]!.trim()];
  if (namesMetric(second) && !namesMetric(first)) return { label: second, scope: first };
  if (namesMetric(first) && !namesMetric(second)) return { label: first, scope: second };
  return undefined;
}

/**
 * A metric header, read before the value. Its part that names no metric scopes the column
 * ("Weekday: First response" beside "24/7: First response"), as an offer does: read as part of the
 * metric, "24/7" would be a schedule, and "Weekday" the normal regime that scopes nothing.
 */
function readMetricHeader(header: string, reading: CellReading, vocabulary?: ReadonlyMap<string, Condition>): void {
  const split = splitMetricHeader(header);
  if (!split) {
    reading.metricLabels.push(header);
    return;
  }
  reading.metricLabels.push(split.label);
  // "Critical support (24/7 add-on)" is an offer, not the Critical level.
  const level = PLAN_NAME.test(split.scope) ? [] : levelOf(split.scope, '', vocabulary);
  if (level.length) appendAll(reading.conditions, level);
  else {
    const offer = openValue('plan', split.scope);
    if (offer) reading.conditions.push(offer);
  }
}

/**
 * A description cell that restates the values its row already gives: "< 1小时 | 服务提供商将在1小时内给予响应". Read once,
 * from the value column; a description with a number of its own is still read.
 */
export function restatesRow(cell: CellContext, text: string): boolean {
  if (!DESCRIPTIVE_HEADER.test(cell.header) || cell.sideLabels.length === 0) return false;
  const numbers = text.match(/\d+(?:\.\d+)?/g);
  if (!numbers) return false;
  const given = new Set(cell.sideLabels.flatMap((side) => (DESCRIPTIVE_HEADER.test(side.header) ? [] : (side.text.match(/\d+(?:\.\d+)?/g) ?? []))));
  return numbers.every((n) => given.has(n));
}

/**
 * The scope values a document defines in its grids and that no lexicon knows: the plans of a
 * "Level | Standard | Premium | Platinum" table, the levels of its rows ("Priority", "Normal").
 * Headings and sentences that name them later ("### Platinum", "Priority 1 business day") mean them.
 * The levels are read first, then the plans, each in document order: a later label of the same
 * name wins. Kept chunk by chunk (engine/chunk-shares.ts byChunk): a keystroke reads its chunk's cells only.
 */
export function documentVocabulary(md: ParsedMarkdown): Map<string, Condition> {
  const labels = byChunk(md, LABELS_BY_CHUNK, gridLabels).map((c) => c.value);
  const out = new Map<string, Condition>();
  for (const { levels } of labels) for (const [key, condition] of levels) out.set(key, condition);
  for (const { plans } of labels) for (const [key, condition] of plans) out.set(key, condition);
  return out;
}

/** What the grid cells among `blocks` name, as documentVocabulary keys them: level rows, then plan columns. */
interface GridLabels {
  levels: [string, Condition][];
  plans: [string, Condition][];
}

const LABELS_BY_CHUNK: ChunkMemo<GridLabels> = new WeakMap();

function gridLabels(blocks: readonly ProseBlock[]): GridLabels {
  const labels: GridLabels = { levels: [], plans: [] };
  const add = (to: [string, Condition][], label: string, conditions: Condition[]) => {
    const key = vocabularyKey(label);
    if (!key || key.length > 30 || conditions.length !== 1) return;
    to.push([key, conditions[0]!]);
  };
  // Level rows are kept even when the lexicon knows the word: "Normal" in a Level column is a level, wherever it appears.
  let table: [string, Condition][] = [];
  const endTable = () => {
    appendAll(labels.levels, ownLevels(table));
    table = [];
  };
  for (const block of blocks) {
    const cell = block.cell;
    if (!cell || (cell.isHeader && cell.column === 0)) endTable();
    if (!cell || cell.isHeader) continue;
    const level = (label: string, header: string) => {
      const key = vocabularyKey(label);
      if (label && !namesMetric(label) && !table.some(([seen]) => seen === key)) add(table, label, labelConditions(label, header, 'case'));
    };
    if (cell.column === 1 && LEVEL_CORNER.test(cell.corner)) level(cell.rowLabel, cell.corner);
    // "Item | Priority Level | Metric": the level column is not the first one.
    const last = cell.sideLabels[cell.sideLabels.length - 1];
    if (last && cell.sideLabels.length === cell.column - 1 && LEVEL_CORNER.test(last.header) && isSideLabel(last)) level(last.text, last.header);
  }
  endTable();
  for (const block of blocks) {
    const cell = block.cell;
    if (!cell || !cell.isHeader || cell.column === 0) continue;
    if (!(PLAN_CORNER.test(cell.corner) || scopingColumn(cell.corner, block.text.trim())) || namesMetric(block.text) || DESCRIPTIVE_HEADER.test(block.text.trim())) continue;
    if (levelOf(block.text, '').length) continue;
    const plan = labelConditions(block.text, '', 'plan');
    if (plan.length === 1 && plan[0]!.includes(':')) add(labels.plans, block.text, plan);
  }
  return labels;
}

/**
 * The levels that labels listed as one scale name, each told apart from the others: the headings
 * "Urgent", "Medium", "Normal" under "Prioritization Levels" are three levels, though the lexicon
 * reads Medium and Normal alike. Undefined for a label that names a metric or nothing.
 */
export function scaleLevels(labels: readonly string[], corner: string): (Condition | undefined)[] {
  const read: [string, Condition][] = [];
  const at = labels.map((label) => {
    if (namesMetric(label)) return -1;
    const conditions = labelConditions(label, corner, 'case');
    if (conditions.length !== 1) return -1;
    read.push([vocabularyKey(label), conditions[0]!]);
    return read.length - 1;
  });
  const own = ownLevels(read);
  return at.map((i) => (i < 0 ? undefined : own[i]![1]));
}

/**
 * The levels of one table's scale, told apart where the lexicon reads two of them alike: in
 * "Critical | Urgent | High | Normal" Critical and Urgent are two levels, not one said twice.
 */
function ownLevels(levels: [string, Condition][]): [string, Condition][] {
  const alike = new Map<Condition, number>();
  for (const [, condition] of levels) alike.set(condition, (alike.get(condition) ?? 0) + 1);
  return levels.map(([key, condition]) => [key, (alike.get(condition)! > 1 ? openValue(dimensionOf(condition), key) : undefined) ?? condition]);
}
