// What a table cell means: its row label and column header say which promise
// the value in it makes. One of them names the metric ("Initial response",
// 漏洞修复时长), the others its scope: a priority (High, P2, Sev-1, a bare 0–3 in
// a Severity column, 严重级别 A), a plan (the columns of a "Subscription Plans"
// grid), or a case of the organisation's own naming ("Service is unavailable").

import type { CellContext, ParsedMarkdown, ProseBlock } from '../engine/markdown';
import { byChunk, type ChunkMemo } from '../engine/chunk-shares';
import { openValue, vocabularyKey, type Condition } from './sla/dimensions';
import { levelCondition, PRIORITY_LABEL, priorityCondition, scanLexicon } from './sla/lexicon';
import { conditionsFromHeading } from './sla/vague';
import { normalizeText } from './sla/text';
import { appendAll } from '../engine/arrays';

const LEADING_PRIORITY = new RegExp(`^\\s*${PRIORITY_LABEL}(?![\\w-])`, 'i');
const BARE_LEVEL = /^\s*([0-4]|[A-Ca-c])\s*$/;
/** A first-column header that says the row labels are levels: Severity, Priority, 严重等级. */
const LEVEL_CORNER = /severity|priority|level|classification|级别|等级|优先级|严重/i;
/** A first-column header that says the columns are plans: Subscription Plans, Tier, 套餐. */
const PLAN_CORNER = /\b(?:plans?|tiers?|editions?|packages?|subscriptions?|support\s+levels?)\b|套餐|版本|计划|服务等级|服务级别|方案/i;
/** Columns that describe rather than scope: Description, Example, Notes. */
const DESCRIPTIVE_HEADER = /^(?:description|descriptions|examples?|notes?|comments?|details?|definition|impact|type|aka|说明|描述|示例|备注|定义|影响)$/i;
/** The event a clock starts from, not a case: "New ticket created", 收到工单. */
const EVENT_LABEL = /^\s*(?:(?:new|a|an)\s+)?(?:tickets?|requests?|cases?|issues?|reports?|enquir(?:y|ies)|inquir(?:y|ies))\s+(?:is\s+|are\s+)?(?:created|opened|received|submitted|logged|raised)\b|^\s*(?:收到|提交|创建|新建)/i;
/** Rows about the customer's side: a ticket waiting on the customer, 客户响应时间. */
export const CUSTOMER_SIDE_LABEL = /\bwaiting\s+(?:on|for)\s+(?:the\s+)?(?:customer|client|user|you)\b|\bawaiting\s+(?:customer|client|your)\b|\bpending\s+(?:customer|client)\b|\bcustomer\s+response\s+time\b|客户响应时间|等待客户|待客户/i;

export interface CellReading {
  /** Labels that name the metric, to be read before the value ("Initial response: 4 hours"). */
  metricLabels: string[];
  conditions: Condition[];
  /** The row is about the customer's side or is a definition: its values are not promises. */
  skip: boolean;
}

/** "Support hours", 服务时间: a label that says the cell holds a schedule. */
const HOURS_LABEL = /\b(?:support|service|coverage|business|opening|office|working)\s+hours\b|\bhours\s+of\s+(?:support|service|operation)\b|\bavailability\b|服务时间|支持时间|工作时间|营业时间|受理时间/i;

function namesChannel(text: string): boolean {
  const norm = normalizeText(text);
  return scanLexicon(norm, 0, norm.length).some((h) => h.kind === 'channel');
}

function namesMetric(text: string): boolean {
  if (HOURS_LABEL.test(text)) return true;
  const norm = normalizeText(text);
  return scanLexicon(norm, 0, norm.length).some((h) => h.kind === 'metric' || h.kind === 'rate');
}

function levelOf(label: string, corner: string): Condition[] {
  const bare = BARE_LEVEL.exec(label);
  if (bare && LEVEL_CORNER.test(corner)) return levelCondition(bare[1]!);
  const m = LEADING_PRIORITY.exec(normalizeText(label));
  return m ? priorityCondition(m) : [];
}

/** What a label says about scope when it is not a metric: a level, a known value, or a case of its own. */
function labelConditions(label: string, corner: string, dimension: 'case' | 'plan'): Condition[] {
  const level = levelOf(label, corner);
  if (level.length) return level;
  const known = conditionsFromHeading(label);
  if (known.length) return known;
  if (EVENT_LABEL.test(label) || !/\p{L}/u.test(label)) return [];
  const open = openValue(dimension, label);
  return open ? [open] : [];
}

export function readCell(cell: CellContext): CellReading {
  const { rowLabel, header, corner } = cell;
  const reading: CellReading = { metricLabels: [], conditions: [], skip: CUSTOMER_SIDE_LABEL.test(rowLabel) };
  if (cell.isHeader || cell.column === 0) return reading;
  // "New ticket created": the event the clock starts from, which names the channel.
  if (EVENT_LABEL.test(rowLabel)) reading.metricLabels.push(rowLabel);
  // "Plan | Response time | …": the corner names the rows; "Subscription Plans | Default | Custom": the columns.
  const headerIsMetric = header !== '' && namesMetric(header);
  const planColumns = PLAN_CORNER.test(corner) && !headerIsMetric;
  const planRows = PLAN_CORNER.test(corner) && headerIsMetric;
  // The row label: a metric name ("Response Time (Severity 1)", with its own scope) or a scope.
  if (rowLabel) {
    // A row label that names a metric or a channel (客服热线, Email) is read before the value, like a header.
    if ((namesMetric(rowLabel) || namesChannel(rowLabel)) && !levelOf(rowLabel, corner).length) {
      reading.metricLabels.push(rowLabel);
      appendAll(reading.conditions, conditionsFromHeading(rowLabel));
    } else {
      appendAll(reading.conditions, labelConditions(rowLabel, corner, planRows ? 'plan' : 'case'));
    }
  }
  // The column header: a metric name ("Initial response time"), a level, or else what the columns
  // of a grid are: plans ("Standard | Premium | Platinum" beside a Level column).
  if (header) {
    if (headerIsMetric) reading.metricLabels.push(header);
    else {
      const level = levelOf(header, '');
      if (level.length) appendAll(reading.conditions, level);
      else if (planColumns || (LEVEL_CORNER.test(corner) && !DESCRIPTIVE_HEADER.test(header))) appendAll(reading.conditions, labelConditions(header, '', 'plan'));
    }
  }
  return reading;
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
  for (const block of blocks) {
    const cell = block.cell;
    if (!cell || cell.column !== 1 || cell.isHeader || !LEVEL_CORNER.test(cell.corner)) continue;
    // Level rows are kept even when the lexicon knows the word: "Normal" in a Level column is a level, wherever it appears.
    if (cell.rowLabel && !namesMetric(cell.rowLabel)) add(labels.levels, cell.rowLabel, labelConditions(cell.rowLabel, cell.corner, 'case'));
  }
  for (const block of blocks) {
    const cell = block.cell;
    if (!cell || !cell.isHeader || cell.column === 0) continue;
    if (!(PLAN_CORNER.test(cell.corner) || LEVEL_CORNER.test(cell.corner)) || namesMetric(block.text) || DESCRIPTIVE_HEADER.test(block.text.trim())) continue;
    if (levelOf(block.text, '').length) continue;
    const plan = labelConditions(block.text, '', 'plan');
    if (plan.length === 1 && plan[0]!.includes(':')) add(labels.plans, block.text, plan);
  }
  return labels;
}
