// What a table cell means: its row label and column header say which promise
// the value in it makes. One of them names the metric ("Initial response",
// 漏洞修复时长), the others its scope: a priority (High, P2, Sev-1, a bare 0–3 in
// a Severity column, 严重级别 A), a plan (the columns of a "Subscription Plans"
// grid), or a case of the organisation's own naming ("Service is unavailable").

import type { CellContext, ParsedMarkdown, ProseBlock, SideLabel } from '../engine/markdown';
import { byChunk, type ChunkMemo } from '../engine/chunk-shares';
import { dimensionOf, openValue, vocabularyKey, type Condition } from './sla/dimensions';
import { levelCondition, PRIORITY_LABEL, priorityCondition, scanLexicon } from './sla/lexicon';
import { conditionsFromHeading, metricFromHeading } from './sla/vague';
import { mayHoldCommitments } from './sla/extract';
import { scanValues } from './sla/value';
import type { Metric } from './sla/types';
import { normalizeText } from './sla/text';
import { appendAll } from '../engine/arrays';
import { definedMetricOf } from './table-glossary';

// "2. High": the row's number before its level.
const LEADING_PRIORITY = new RegExp(`^\\s*(?:\\d{1,2}[.)、]\\s*|[(（]\\d{1,2}[)）]\\s*)?${PRIORITY_LABEL}(?![\\w-])`, 'i');
// "2", or "2 (high)": a level number under a level corner, with its name in brackets.
const BARE_LEVEL = /^\s*([0-4]|[A-Ca-c])\s*(?:[(（][^()（）]{1,20}[)）])?\s*$/;
/** A first-column header that says the row labels are levels: Severity, Priority, 严重等级. */
const LEVEL_CORNER = /severity|priority|level|classification|级别|等级|优先级|严重/i;
/** A first-column header that says the columns are plans: Subscription Plans, Tier, 套餐. */
const PLAN_CORNER = /\b(?:plans?|tiers?|editions?|packages?|subscriptions?|support\s+levels?)\b|套餐|版本|计划|服务等级|服务级别|方案/i;
/**
 * A table laid on its side: "服务名称 | 业务咨询 | 故障申告" over rows 服务方式, 服务时限, 服务细则. The column is the case;
 * a row label that is an attribute only says what the cell tells of it. Other rows are read as in any table.
 */
const SERVICE_CORNER = /^(?:服务|业务|项目)(?:名称|项目|类别|类型)$|^\s*services?\s+(?:names?|types?)\s*$/i;
const ATTRIBUTE_ROW = /^\s*(?:服务|办理|处理|受理)?(?:方式|时限|时段|时间|细则|内容|标准|要求|地点|对象|流程|说明|承诺)\s*$|^\s*(?:service\s+)?(?:hours|times?|standards?|details?|method|how)\s*$/i;
/** Headers that head the promises themselves, not a service: 服务承诺, 目标, "Service standard". */
const PROMISE_HEADER = /承诺|标准|目标|时限|要求|说明|内容|\b(?:commitments?|standards?|targets?|descriptions?)\b/i;
/** A column header that names an offer: 基础支持服务, "Premium support", 企业版. */
const PLAN_NAME = /支持|服务$|版$|套餐|会员|\b(?:plans?|support|tiers?|editions?|packages?|subscriptions?|basic|standard|premium|enterprise|professional|business|advanced|gold|silver|bronze|platinum)\b/i;
/** A corner that names one plan ("Bronze Support Plan", 企业版; not "Business Plans"): the whole table is that plan's, and its rows and columns are not plans. */
const NAMED_PLAN_CORNER =
  /^\s*(?:(?:basic|standard|premium|premier|enterprise|professional|business|advanced|gold|silver|bronze|platinum|starter|developer|essential|elite)\s+)+(?:support\s+)?(?:plan|tier|package|edition|subscription)\s*$|^\s*(?:基础|标准|专业|企业|旗舰|高级|尊享)版(?:服务|支持)?\s*$/i;
const PLAN_WORD_AFTER = /(?<=\S)\s+(?:support\s+)?(?:plans?|tiers?|packages?|editions?|subscriptions?)\s*$/i;
/** Columns that describe rather than scope: Description, Example, Notes. */
const DESCRIPTIVE_HEADER = /^(?:description|descriptions|examples?|notes?|comments?|details?|definition|impact|type|aka|说明|描述|示例|备注|定义|影响)$/i;
/** The event a clock starts from, not a case: "New ticket created", 收到工单. */
const EVENT_LABEL = /^\s*(?:(?:new|a|an)\s+)?(?:tickets?|requests?|cases?|issues?|reports?|enquir(?:y|ies)|inquir(?:y|ies))\s+(?:is\s+|are\s+)?(?:created|opened|received|submitted|logged|raised)\b|^\s*(?:收到|提交|创建|新建)/i;
/** Rows about the customer's side: a ticket waiting on the customer, 客户响应时间. */
export const CUSTOMER_SIDE_LABEL = /\bwaiting\s+(?:on|for)\s+(?:the\s+)?(?:customer|client|user|you)\b|\bawaiting\s+(?:customer|client|your)\b|\bpending\s+(?:customer|client)\b|\bcustomer\s+response\s+time\b|客户响应时间|等待客户|待客户/i;

export interface CellReading {
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
  /** The row is about the customer's side or is a definition: its values are not promises. */
  skip: boolean;
}

/** "Support hours", 服务时间: a label that says the cell holds a schedule. */
const HOURS_LABEL = /\b(?:support|service|coverage|business|opening|office|working)\s+hours\b|\bhours\s+of\s+(?:support|service|operation)\b|\bavailability\b|服务时间|支持时间|工作时间|营业时间|受理时间/i;

/** A column of the share of cases a row's promise is kept in: "Target", "Performance target (%)", 目标, 达标率. */
const TARGET_HEADER = /^\s*(?:(?:performance|service(?:\s+level)?|sla)\s+)?targets?\s*(?:\(\s*%\s*\)|%)?\s*$|^\s*(?:服务)?目标(?:值|达成率)?\s*(?:[（(]\s*%\s*[)）])?\s*$|^\s*(?:达标率|及时率)\s*$/i;

/** A column of remedies: "Service Credit", "% of monthly fee credited", 服务费抵扣, 赔偿标准. */
const CREDIT_HEADER = /\bcredit(?:s|ed)?\b|\bcompensation\b|\bpenalt(?:y|ies)\b|\bdiscounts?\b|抵扣|赔偿|补偿|违约金|服务抵用|返还/i;

function namesCredit(header: string): boolean {
  return CREDIT_HEADER.test(header);
}

/**
 * A column of what was achieved, not promised: "Results", "Actual", "2016-17", "Q1 2024", 实际完成. A year's column
 * beside a standard reports that year; a target or goal in the header makes it a promise again.
 */
const RESULTS_HEADER =
  /^\s*(?:(?:FY|Q[1-4])\s*)?(?:19|20)\d{2}(?:\s*[-–/]\s*(?:(?:19|20)?\d{2}))?(?:\s*(?:Q[1-4]|H[12]))?\s*(?:results?|actual)?\s*$|\b(?:results?|actuals?|achieved|achievement|outturn)\b|实际(?:完成|值|达成)?|完成(?:情况|值)|达成(?:情况|值)/i;

function reportsResults(header: string): boolean {
  return RESULTS_HEADER.test(header) && !/\b(?:targets?|goals?|standards?)\b|目标|标准/i.test(header);
}

function namesChannel(text: string): boolean {
  const norm = normalizeText(text);
  return scanLexicon(norm, 0, norm.length).some((h) => h.kind === 'channel');
}

/** Headers and labels repeat down a table: each is read once (bounded, cleared when full). */
const NAMES_METRIC = new Map<string, boolean>();

function namesMetric(text: string): boolean {
  let named = NAMES_METRIC.get(text);
  if (named === undefined) {
    const norm = normalizeText(text);
    named = HOURS_LABEL.test(text) || scanLexicon(norm, 0, norm.length).some((h) => h.kind === 'metric' || h.kind === 'rate');
    if (NAMES_METRIC.size >= 4096) NAMES_METRIC.clear();
    NAMES_METRIC.set(text, named);
  }
  return named;
}

function levelOf(label: string, corner: string, vocabulary?: ReadonlyMap<string, Condition>): Condition[] {
  // A level the document's own scale tells apart from another the lexicon reads alike ("Critical" above "Urgent").
  const own = vocabulary?.get(vocabularyKey(label));
  if (own) return [own];
  const bare = BARE_LEVEL.exec(label);
  if (bare && LEVEL_CORNER.test(corner)) return levelCondition(bare[1]!);
  const norm = normalizeText(label);
  const m = LEADING_PRIORITY.exec(norm);
  // 高 alone and 高危 are levels; 高级支持 and 高端 are plans.
  if (!m || (/^\s*[高中低]$/.test(m[0]) && /^[级端档]/.test(norm.slice(m[0].length)))) return [];
  return priorityCondition(m);
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

/** A label column's header that says its rows are kinds of case: "Type of complaint", 投诉类别. */
const TYPE_CORNER = /\b(?:complaint|issue|request|case|problem|enquiry|query|incident)\s+(?:types?|categor(?:y|ies))\b|\b(?:types?|categor(?:y|ies)|kinds?)\s+of\s+(?:complaints?|issues?|requests?|cases?|problems?|enquir(?:y|ies)|quer(?:y|ies)|incidents?)\b|(?:投诉|问题|事项|请求|诉求|故障)(?:类型|类别|种类|分类)/i;

/** Words in a header that say its column describes: "Severity definition", 严重性定义, "Impact examples". */
const DESCRIBES = /\b(?:descriptions?|definitions?|examples?|notes?|comments?|details?|impact)\b|说明|描述|示例|备注|定义|影响/i;

/** A short label, not a sentence: "Requests for service". */
function isRowLabel(text: string): boolean {
  return text !== '' && text.length <= 40 && /\p{L}/u.test(text) && !/[。.;；!！?？\n]/.test(text);
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
function scopingColumn(corner: string, header: string): boolean {
  // "Service standard" heads the promises themselves, not the Standard plan.
  if (DESCRIPTIVE_HEADER.test(header) || /^(?:customer\s+)?service\s+(?:standards?|levels?|targets?|commitments?)$/i.test(header)) return false;
  return LEVEL_CORNER.test(corner) || ((corner === '' || PLAN_NAME.test(header)) && !namesChannel(header));
}

export function readCell(cell: CellContext, vocabulary?: ReadonlyMap<string, Condition>, glossary?: ReadonlyMap<string, Metric>): CellReading {
  const { rowLabel, header, corner } = cell;
  // "Monthly Uptime Percentage | Service Credit", 每月正常服务时间百分比 | 服务费抵扣: its bands and credits are remedies, not promises.
  const reading: CellReading = { metricLabels: [], conditions: [], skip: CUSTOMER_SIDE_LABEL.test(rowLabel) || cell.headers.some(namesCredit) || (cell.column > 0 && reportsResults(header)) };
  if (cell.isHeader || cell.column === 0) {
    // "24/7: First response" heads a column: its 24/7 names the column's plan, not a schedule.
    if (cell.isHeader && cell.column > 0 && splitMetricHeader(header)?.scope) reading.skip = true;
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
    if ((namesMetric(rowLabel) || namesChannel(rowLabel)) && !levelOf(rowLabel, corner).length) {
      reading.metricLabels.push(rowLabel);
      appendAll(reading.conditions, conditionsFromHeading(rowLabel));
      if (TYPE_CORNER.test(corner) && !reading.conditions.some((c) => dimensionOf(c) === 'case')) appendAll(reading.conditions, labelConditions(rowLabel, corner, 'case', vocabulary));
    } else if (SERIAL_LABEL.test(rowLabel)) {
      // "| 3. | 香港邮政通函邮件…四个工作天内派达 |": a numbered row is an item of its own.
      reading.conditions.push(`case:item-${SERIAL_LABEL.exec(rowLabel)![1]}`);
    } else {
      appendAll(reading.conditions, labelConditions(rowLabel, corner, planRows ? 'plan' : 'case', vocabulary));
    }
  }
  if (cell.group && cell.group !== rowLabel) readGroup(cell.group, reading, vocabulary);
  // "| | Requests for service | 3 business days |" under "Mail / email correspondence": the label beside the value tells the continued row apart.
  if (cell.continued) {
    const own = cell.sideLabels.find((side) => isRowLabel(side.text) && !LEVEL_CORNER.test(side.header) && !PLAN_CORNER.test(side.header) && !namesMetric(side.header));
    // "Requests for service" is all filler words to a slug, and still tells the row apart.
    const open = own && (openValue('case', own.text) ?? (`case:${own.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}` as Condition));
    if (open) reading.conditions.push(open);
  }
  // "Item | Priority Level | Metric": a label column between the first one and the value, under a level or plan header.
  for (const side of cell.sideLabels) {
    const level = LEVEL_CORNER.test(side.header);
    if ((!level && !PLAN_CORNER.test(side.header)) || !isSideLabel(side)) continue;
    if (level) appendAll(reading.conditions, labelConditions(side.text, side.header, 'case', vocabulary));
    else appendAll(reading.conditions, labelConditions(side.text, side.header, 'plan'));
  }
  const measured = TARGET_HEADER.test(normalizeText(header)) ? measuredPromise(cell) : undefined;
  if (measured) reading.onTimeRateOf = measured;
  // The column header: a metric name ("Initial response time"), a level, or else what the columns
  // of a grid are: plans ("Standard | Premium | Platinum" beside a Level column).
  if (header && !headerDefined) {
    if (headerIsMetric) {
      // "Acknowledgement | Target Response Time": the row names the action, the column only the kind of figure.
      const rowAction = reading.metricLabels.includes(rowLabel) && namesMetric(rowLabel) && metricFromHeading(rowLabel) !== metricFromHeading(header);
      readMetricHeader(header, reading, vocabulary);
      if (rowAction) reading.metricLabels = reading.metricLabels.filter((label) => label === rowLabel || !namesMetric(label) || metricFromHeading(label) === metricFromHeading(rowLabel));
      // "Vulnerability resolution time | Release bug fix version": a second column of the same metric is a promise of its own.
      const second = cell.sideLabels.some((side) => side.header !== header && namesMetric(side.header) && metricFromHeading(side.header) === metricFromHeading(header));
      const own = second ? openValue('case', header) : undefined;
      if (own && !reading.conditions.some((c) => dimensionOf(c) === 'case')) reading.conditions.push(own);
    } else {
      const level = levelOf(header, '');
      if (level.length) {
        appendAll(reading.conditions, level);
        // "Priority 2 Deployment" beside "Priority 2 Major Feature Failure": two columns of one level are two cases of it.
        const sibling = cell.headers.some((other) => other !== header && levelOf(other, '').some((c) => level.includes(c)));
        const own = sibling ? openValue('case', header) : undefined;
        if (own && !reading.conditions.some((c) => dimensionOf(c) === 'case')) reading.conditions.push(own);
      } else if (serviceColumns) appendAll(reading.conditions, labelConditions(header.replace(/^\s*\d{1,2}\s*[.、)）]\s*/, ''), '', 'case'));
      else if (planColumns || scopingColumn(corner, header)) appendAll(reading.conditions, labelConditions(header, '', 'plan'));
    }
  }
  joinOpenCases(reading.conditions);
  return reading;
}

/** "1.", "(3)", "12": a row label that only numbers its row. */
const SERIAL_LABEL = /^\s*[(（]?(\d{1,3})[.、)）]?\s*$/;

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
 * The promise of a target column's row: the row's labels and the cells beside the target, when one of them states
 * a deadline or a pledge in words ("按服务简章所列标准派递"); undefined when the row has no such cell.
 */
function measuredPromise(cell: CellContext): Condition | undefined {
  const sides = cell.sideLabels.map((side) => side.text.trim()).filter((text) => text !== '');
  // "Respond to simple email within 2 business days | 90%": the row's label states the deadline itself.
  const stated = mayHoldCommitments(cell.rowLabel) && scanValues(normalizeText(cell.rowLabel)).length > 0;
  if (!stated && !sides.some((text) => mayHoldCommitments(text) || (text.length > 12 && /[\p{Script=Han}\s]/u.test(text)))) return undefined;
  return openValue('measure', [cell.rowLabel, ...sides].join(' '));
}

/**
 * A group row above ("| Phone Calls | |", "| Statutory requests | |"): one that names a channel or an action is read
 * before the row's own labels, as a heading is; any other names the kind of request its rows are about.
 */
function readGroup(group: string, reading: CellReading, vocabulary?: ReadonlyMap<string, Condition>): void {
  if (namesMetric(group) || namesChannel(group)) {
    reading.metricLabels.unshift(group);
    appendAll(reading.conditions, conditionsFromHeading(group));
  } else if (!reading.conditions.some((c) => dimensionOf(c) === 'case')) {
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
