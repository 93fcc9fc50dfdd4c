// The words of table headers and labels, described once: which corners say the rows are levels or plans,
// which headers head promises, results or remedies, and whether a label names a metric, a channel or a level.

import { vocabularyKey, type Condition } from './sla/dimensions';
import { levelCondition, PRIORITY_LABEL, priorityCondition, scanLexicon, withoutWords } from './sla/lexicon';
import { normalizeText } from './sla/text';

// "2. High": the row's number before its level.
const LEADING_PRIORITY = new RegExp(`^\\s*(?:\\d{1,2}[.)、]\\s*|[(（]\\d{1,2}[)）]\\s*)?${PRIORITY_LABEL}(?![\\w-])`, 'i');
// "2", or "2 (high)": a level number under a level corner, with its name in brackets.
const BARE_LEVEL = /^\s*([0-4]|[A-Ca-c])\s*(?:[(（][^()（）]{1,20}[)）])?\s*$/;
/** A first-column header that says the row labels are levels: Severity, Priority, 严重等级. */
export const LEVEL_CORNER = /severity|priority|level|classification|级别|等级|优先级|严重/i;
/** A column that sorts its rows into kinds: 客户类别, 用户类型, "Customer type", "Category". */
export const CLASS_HEADER = /类别|类型|分类|种类|\b(?:types?|categor(?:y|ies)|class(?:es)?|segments?)\b/i;
/** A first-column header that says the columns are plans: Subscription Plans, Tier, 套餐. */
export const PLAN_CORNER = /\b(?:plans?|tiers?|editions?|packages?|subscriptions?|support\s+levels?)\b|套餐|版本|计划|服务等级|服务级别|方案/i;
/**
 * A table laid on its side: "服务名称 | 业务咨询 | 故障申告" over rows 服务方式, 服务时限, 服务细则. The column is the case;
 * a row label that is an attribute only says what the cell tells of it. Other rows are read as in any table.
 */
export const SERVICE_CORNER = /^(?:服务|业务|项目)(?:名称|项目|类别|类型)$|^\s*services?\s+(?:names?|types?)\s*$/i;
export const ATTRIBUTE_ROW = /^\s*(?:服务|办理|处理|受理)?(?:方式|时限|时段|时间|细则|内容|标准|要求|地点|对象|流程|说明|承诺)\s*$|^\s*(?:service\s+)?(?:hours|times?|standards?|details?|method|how)\s*$/i;
/** Headers that head the promises themselves, not a service: 服务承诺, 目标, "Service standard". */
export const PROMISE_HEADER = /承诺|标准|目标|时限|要求|说明|内容|\b(?:commitments?|standards?|targets?|descriptions?)\b/i;
/** A column header that names an offer: 基础支持服务, "Premium support", 企业版. */
export const PLAN_NAME = /支持|服务$|版$|套餐|会员|\b(?:plans?|support|tiers?|editions?|packages?|subscriptions?|basic|standard|premium|enterprise|professional|business|advanced|gold|silver|bronze|platinum)\b/i;
/** A corner that names one plan ("Bronze Support Plan", 企业版; not "Business Plans"): the whole table is that plan's, and its rows and columns are not plans. */
export const NAMED_PLAN_CORNER =
  /^\s*(?:(?:basic|standard|premium|premier|enterprise|professional|business|advanced|gold|silver|bronze|platinum|starter|developer|essential|elite)\s+)+(?:support\s+)?(?:plan|tier|package|edition|subscription)\s*$|^\s*(?:基础|标准|专业|企业|旗舰|高级|尊享)版(?:服务|支持)?\s*$/i;
export const PLAN_WORD_AFTER = /(?<=\S)\s+(?:support\s+)?(?:plans?|tiers?|packages?|editions?|subscriptions?)\s*$/i;
/** Columns that describe rather than scope: Description, Example, Notes. */
export const DESCRIPTIVE_HEADER = /^(?:description|descriptions|examples?|notes?|comments?|details?|definition|impact|type|aka|说明|描述|示例|备注|定义|影响)$/i;
/** The event a clock starts from, not a case: "New ticket created", 收到工单. */
export const EVENT_LABEL = /^\s*(?:(?:new|a|an)\s+)?(?:tickets?|requests?|cases?|issues?|reports?|enquir(?:y|ies)|inquir(?:y|ies))\s+(?:is\s+|are\s+)?(?:created|opened|received|submitted|logged|raised)\b|^\s*(?:收到|提交|创建|新建)/i;
/** Rows about the customer's side: a ticket waiting on the customer, 客户响应时间. */
export const CUSTOMER_SIDE_LABEL = /\bwaiting\s+(?:on|for)\s+(?:the\s+)?(?:customer|client|user|you)\b|\bawaiting\s+(?:customer|client|your)\b|\bpending\s+(?:customer|client)\b|\bcustomer\s+response\s+time\b|客户响应时间|等待客户|待客户/i;

/** "Support hours", 服务时间: a label that says the cell holds a schedule. */
const HOURS_LABEL = /\b(?:support|service|coverage|business|opening|office|working)\s+hours\b|\bhours\s+of\s+(?:support|service|operation)\b|\bavailability\b|服务时间|支持时间|工作时间|营业时间|受理时间/i;

/** A column of the share of cases a row's promise is kept in: "Target", "Performance target (%)", "Target for 2020", 目标, 2015-16年工作目标, 达标率. */
export const TARGET_HEADER =
  /^\s*(?:(?:FY\s*)?(?:19|20)\d{2}(?:\s*[-–/]\s*\d{2,4})?\s+)?(?:(?:performance|service(?:\s+level)?|sla)\s+)?targets?(?:\s+(?:for|in)\s+(?:FY\s*)?(?:19|20)\d{2}(?:\s*[-–/]\s*\d{2,4})?)?\s*(?:\(\s*%\s*\)|%)?\s*$|^\s*(?:(?:19|20)\d{2}(?:\s*[-–/]\s*\d{2,4})?\s*年度?\s*)?(?:服务|工作|服務)?目标(?:值|达成率)?\s*(?:[（(]\s*%\s*[)）])?\s*$|^\s*(?:预设|预定|预期|承诺|目标|计划)?(?:达标率|及时率|达成率)\s*(?:[（(]\s*%\s*[)）])?\s*$/i;

/** A column of remedies: "Service Credit", "% of monthly fee credited", 服务费抵扣, 赔偿标准. */
const CREDIT_HEADER = /\bcredit(?:s|ed)?\b|\bcompensation\b|\bpenalt(?:y|ies)\b|\bdiscounts?\b|抵扣|赔偿|补偿|违约金|服务抵用|返还/i;

export function namesCredit(header: string): boolean {
  return CREDIT_HEADER.test(header);
}

/**
 * A column of what was achieved, not promised: "Results", "Actual", "2016-17", "Q1 2024", 实际完成. A year's column
 * beside a standard reports that year; a target or goal in the header makes it a promise again.
 */
const RESULTS_HEADER =
  /^\s*(?:(?:FY|Q[1-4])\s*)?(?:19|20)\d{2}(?:\s*[-–/]\s*(?:(?:19|20)?\d{2}))?(?:\s*(?:Q[1-4]|H[12]))?\s*(?:results?|actual)?\s*$|^\s*(?:(?:actual|achieved)\s+)?(?:results?|actuals?|achieved|achievement|outturn|performance)(?:\s+(?:in|for)?\s*(?:(?:FY|Q[1-4])\s*)?(?:19|20)\d{2}(?:\s*[-–/]\s*\d{2,4})?)?\s*$|^\s*(?:(?:19|20)\d{2}(?:\s*[-–/]\s*\d{2,4})?\s*年度?\s*)?(?:实际(?:完成|值|达成|成绩|表现)?|完成(?:情况|值)|达成(?:情况|值)|成果|成绩|表现|实绩)\s*$/i;

export function reportsResults(header: string): boolean {
  return header.length <= 60 && RESULTS_HEADER.test(header) && !/\b(?:targets?|goals?|standards?)\b|目标|标准/i.test(header);
}

/** Headers and labels repeat down and across a table: each is read once per question (bounded, cleared when full). */
export function onceByText(read: (text: string) => boolean): (text: string) => boolean {
  const known = new Map<string, boolean>();
  return (text) => {
    let answer = known.get(text);
    if (answer === undefined) {
      answer = read(text);
      if (known.size >= 4096) known.clear();
      known.set(text, answer);
    }
    return answer;
  };
}

export const namesChannel = onceByText((text) => {
  const norm = normalizeText(text);
  return scanLexicon(norm, 0, norm.length).some((h) => h.kind === 'channel');
});

/** A label with its metric words blanked: "Target Response Time (all within)" → "Target (all within)". */
export function withoutMetricWords(text: string): string {
  const norm = normalizeText(text);
  return withoutWords(norm, 0, norm.length, scanLexicon(norm, 0, norm.length), ['metric', 'rate'])
    .replace(/\btimes?\b/gi, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
}

export const namesMetric = onceByText((text) => {
  const norm = normalizeText(text);
  return HOURS_LABEL.test(text) || scanLexicon(norm, 0, norm.length).some((h) => h.kind === 'metric' || h.kind === 'rate');
});

export function levelOf(label: string, corner: string, vocabulary?: ReadonlyMap<string, Condition>): Condition[] {
  // A level the document's own scale tells apart from another the lexicon reads alike ("Critical" above "Urgent").
  const own = vocabulary?.get(vocabularyKey(label));
  if (own) return [own];
  const bare = BARE_LEVEL.exec(label);
  if (bare && LEVEL_CORNER.test(corner)) return levelCondition(bare[1]!);
  const norm = normalizeText(label);
  const m = LEADING_PRIORITY.exec(norm);
  // 高 alone and 高危 are levels; 高级支持 and 高端 are plans.
  if (!m || (/^\s*[高中低]$/.test(m[0]) && /^[级端档压]/.test(norm.slice(m[0].length)))) return [];
  return priorityCondition(m);
}
