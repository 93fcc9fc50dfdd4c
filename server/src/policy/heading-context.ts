// What a heading or a list's lead-in says about the promises under it: scope, channel, metric,
// strength, clock, and whether the section holds illustrations rather than promises.

import { mergeConditions } from './sla/assign';
import { caseSectionOf, serviceSectionOf } from './sla/case-phrases';
import { dimensionOf, openValue, vocabularyKey } from './sla/dimensions';
import { levelCondition } from './sla/lexicon';
import { parseChineseNumeral } from '../engine/numerals';
import { aimInHeading, channelFromHeading, conditionsFromHeading, metricFromHeading } from './sla';
import { labelledClock, type LabelledClock } from './sla/units';
import type { Channel, Condition, Metric, Strength } from './sla/types';
import type { OutlineEntry } from '../engine/outline';
import { scaleLevels } from './table-context';
import { mentionsRemedy } from './sla/speaker';

export interface HeadingContext {
  conditions: Condition[];
  channel?: Channel;
  metric?: Metric;
  strength?: Strength;
  /** Under "Example incident priority table", after "for example:" or under "Out of scope": illustrations and exclusions, not promises. */
  example?: true;
  /** "Response targets (business days)": the business clock of the bare units under it. */
  clock?: LabelledClock;
  /** Set on a paragraph about "the following table": the table after it is read in its context. */
  table?: true;
  /** Set on a list item's lead-in ("- Stage 1:"): the depth of its list, and the context it was read in. It ends with its item. */
  listDepth?: number;
  outer?: HeadingContext;
  /** Set on a level's label paragraph ("第一級 加急"): the section context it was read in. It lasts to the next label or heading. */
  labelled?: HeadingContext;
}

export const NO_CONTEXT: HeadingContext = { conditions: [] };

/** What a heading or a list's lead-in sentence says about the promises under it, on top of what encloses it. */
export function contextOf(heading: string, outer: HeadingContext, vocabulary?: ReadonlyMap<string, Condition>, isHeading = false): HeadingContext {
  // "Everything in Premium, plus:" names what is included, not the scope of what follows.
  const title = heading.replace(INCLUDES, ' ');
  // "### Platinum": a heading that is a plan or level the document's own table names.
  const named = vocabulary?.get(vocabularyKey(title));
  const known = named ? [] : conditionsFromHeading(title);
  // "## 管线维修": a section heading that names one service.
  const service = known.length || named || !isHeading ? undefined : (serviceSectionOf(title) ?? caseSectionOf(title));
  const own = named ? [named] : service ? [service] : known;
  const context: HeadingContext = { conditions: mergeConditions(own, outer.conditions) };
  const channel = channelFromHeading(title) ?? outer.channel;
  const metric = metricFromHeading(title) ?? outer.metric;
  if (channel) context.channel = channel;
  if (metric) context.metric = metric;
  if (aimInHeading(title) || outer.strength === 'aim') context.strength = 'aim';
  if (outer.example || (EXAMPLE.test(title) && !EXAMPLES_ALONGSIDE.test(title.trimEnd())) || NOT_PROMISED.test(title.replace(BRACKETED, ' ')) || CREDITS.test(title) || RESULTS.test(title)) context.example = true;
  const clock = labelledClock(title) ?? outer.clock;
  if (clock) context.clock = clock;
  return context;
}

const INCLUDES = /\b(?:everything|all(?:\s+(?:features|benefits))?)\s+(?:in|of|from|included\s+in)\s+[^,:;，：]+|包含[^，：,:]{1,20}?(?:的)?(?:全部|所有)(?:服务|内容|权益)?|[^，：,:]{1,20}?的全部(?:服务|内容|权益)/gi;
// "support@example.com" is an address, not an illustration.
const EXAMPLE = /(?<![@.])\bexamples?\b(?![.@]\w)|\bsample\b|\be\.g\.|\bfor\s+instance\b|\bsuch\s+as\s*$|\billustrat|示例|样例|范例|举例|例如|比如/i;
/** "Priority Level Definitions & Examples": the section's targets are real, the examples come with them. */
const EXAMPLES_ALONGSIDE = /(?:&|\band\b|与|和|及)\s*(?:examples?|示例|举例)$/i;
/** "## 上门服务（节假日不提供）", "## Phone support (not provided on public holidays)": an exception in brackets, not the section's subject. */
const BRACKETED = /[(（][^()（）]*[)）]/g;
/** Sections of what is not promised: "Out of scope", "Exclusions", "What we don't provide", 免责条款, 不提供的服务. */
const NOT_PROMISED =
  /\bout\s+of\s+scope\b|\bnot\s+(?:covered|included|in\s+scope|provided|offered|supported)\b|\bexclusions?\b|\bexcluded\b|\bwhat\s+(?:we|is)\s+(?:do\s+not|don['’]t|does\s+not|doesn['’]t|will\s+not|won['’]t|cannot|can['’]t)\s+(?:\w+\s+)?(?:provide|offer|cover|support|include)\b|不在(?:服务|支持|保障)?范围|不包括|不提供|不支持的|免责/i;
/**
 * A section of results: "Complaints handling performance", "Our performance", "How we performed", 服务承诺履行情况. What was
 * achieved is no promise; "Performance standards", "Standards of performance" and "Endpoint performance" (what a
 * partner must meet) are.
 */
const RESULTS = /\b(?:handling|our|past|annual|monthly|quarterly|recent|(?:19|20)\d{2}(?:[-–/]\d{2,4})?)\s+performance\s*$|\bperformance\s+(?:against\s+(?:our\s+|the\s+)?(?:targets?|standards?|pledges?)|reports?|results|statistics|data|figures)\s*$|\bhow\s+we\s+(?:performed|did)\b|^(?:(?!承诺|标准|目标).)*(?:履行|达标|完成|落实)情况\s*$|(?:绩效|业绩)(?:报告|统计)|统计(?:数据|结果)\s*$/i;
/** A section of remedies only: "Service Credits", "Credit schedule", 赔偿标准. Its bands (99.0% to 99.9%: 10% credit) promise nothing. */
const CREDITS = /^\s*(?:[\d.]+\s*)?(?:service\s+)?credits?(?:\s+(?:schedule|table|levels?|bands?|tiers?))?\s*$|^\s*(?:[\d.、]+\s*)?(?:服务)?(?:赔偿|补偿|抵扣)(?:标准)?\s*$/i;
/** A paragraph that presents the table after it: "The following table defines the initial response time…", "See below chart for … Response Times", 下表为各级故障的响应时间. */
export const TABLE_LEAD_IN = /\b(?:following|below)\s+(?:table|chart|grid|matrix)\b|\b(?:table|chart|grid|matrix)\s+below\b|下表|如下表|以下表格|下列表格/i;
/** What the presented table holds is a time: "the initial response time", 响应时间目标 — not "the table below may be updated from time to time". */
export const TABLE_OF_TIMES = /(?<!\b(?:from|to)\s)\btimes?\b|\b(?:targets?|deadlines?|timescales?|time\s*frames?)\b|时间|时限|时效|目标/i;

/** A table presented as what SLAs usually look like, not as the organisation's own. */
export const ILLUSTRATIVE_TABLE = /典型(?:的)?[^，。]{0,6}(?:SLA|服务级别|服务水平|服务等级)|\b(?:typical|sample|example|illustrative)\s+(?:SLAs?|service[-\s]levels?)\b/i;

/**
 * Whether a paragraph presents the table after it: "the following table lists the initial response
 * time" (not a table of credits), a typical SLA shown as an example, or a short line that names the
 * metric as a heading would ("Initial response", "Fixed time issues" over a plan-by-severity grid).
 */
export function presentsTable(text: string): boolean {
  if (TABLE_LEAD_IN.test(text)) return (TABLE_OF_TIMES.test(text) && !mentionsRemedy(text)) || ILLUSTRATIVE_TABLE.test(text);
  const line = text.trim();
  return line.length <= 40 && !/[\n\d.。:：;；!?！？(（]/.test(line) && metricFromHeading(line) !== undefined;
}

/** A paragraph wholly in brackets, "(Time to acknowledge the receipt of a ticket.)": a note that leaves the lead-in before it in force. */
export const BRACKETED_NOTE = /^\s*[(（][^()（）]*[)）]\s*$/;

/** A heading whose sub-headings are the levels of a scale: "Prioritization Levels", "Severity definitions", 故障等级. */
const SCALE_HEADING = /\bpriorit(?:y|ies|i[sz]ation)\b|\bseverit(?:y|ies)\b|\bincident\s+(?:levels?|categories|classification)\b|优先级|严重(?:程度|等级|级别)|(?:故障|事件|问题|投诉)(?:等级|级别|分级)/i;

/** By entry index, the level each heading is in the scale its parent heading lists (two sub-headings at least), or the plan it is among its siblings. */
export function headingLevels(entries: readonly OutlineEntry[], introOf: (section: OutlineEntry) => string | undefined = () => undefined): Map<number, Condition> {
  const children = new Map<number, OutlineEntry[]>();
  // Whether each parent heading names a scale, asked once per parent.
  const scale = new Map<number, boolean>();
  const isScale = (i: number) => {
    let named = scale.get(i);
    if (named === undefined) scale.set(i, (named = entries[i]!.source === 'heading' && SCALE_HEADING.test(entries[i]!.title)));
    return named;
  };
  for (const entry of entries) {
    if (entry.source !== 'heading' || !entry.titleLike || entry.parent < 0 || !isScale(entry.parent)) continue;
    let list = children.get(entry.parent);
    if (!list) children.set(entry.parent, (list = []));
    list.push(entry);
  }
  const out = new Map<number, Condition>();
  for (const [parent, list] of children) {
    if (list.length < 2) continue;
    scaleLevels(list.map((e) => e.title), entries[parent]!.title).forEach((level, i) => {
      if (level) out.set(list[i]!.index, level);
    });
  }
  siblingPlans(entries, out, introOf);
  return out;
}

/** A short title of a word or two: "Pro", "Developer", "Business Critical". */
const SHORT_TITLE = /^\s*[A-Za-z][\w+-]*(?:\s+[A-Za-z][\w+-]*)?\s*$/;

/** Titles of a page's ordinary sections, never a plan's name: "Contact", "Notes", "Overview". */
export const SECTION_WORD = /^\s*(?:contact(?:\s+us)?|notes?|overview|summary|introduction|details|faqs?|pricing|features?|scope|definitions?|exclusions?|hours|availability|escalations?|process|references?|resources|more|other)\s*$/i;
/** A section about plans: its title or the paragraph that closes its text says so ("based on the support plan"). */
const ABOUT_PLANS = /\b(?:plans?|tiers?|subscriptions?|editions?|packages?)\b|套餐|版本|服务计划/i;

/**
 * "### Premium", "### Pro", "### Developer" side by side in a section about plans: where one sibling heading names a
 * known plan, the other short ones are plans too, each its own ("Pro" is no plan the tables know, but it is not
 * Premium's and not nobody's). "### Contact" and "### Notes" beside "### Enterprise", in a section about nothing of the
 * kind, stay sections.
 */
function siblingPlans(entries: readonly OutlineEntry[], out: Map<number, Condition>, introOf: (section: OutlineEntry) => string | undefined): void {
  const groups = new Map<number, OutlineEntry[]>();
  for (const entry of entries) {
    if (entry.source !== 'heading' || !entry.titleLike || entry.parent < 0 || out.has(entry.index)) continue;
    let list = groups.get(entry.parent);
    if (!list) groups.set(entry.parent, (list = []));
    list.push(entry);
  }
  for (const [parent, list] of groups) {
    if (list.length < 2 || !list.every((e) => SHORT_TITLE.test(e.title) && !SECTION_WORD.test(e.title))) continue;
    const section = entries[parent]!;
    if (!ABOUT_PLANS.test(section.title) && !ABOUT_PLANS.test(introOf(section) ?? '')) continue;
    const known = list.map((e) => conditionsFromHeading(e.title));
    if (!known.some((conditions) => conditions.some((c) => dimensionOf(c) === 'plan'))) continue;
    list.forEach((e, i) => {
      if (known[i]!.length > 0 || metricFromHeading(e.title)) return;
      const plan = openValue('plan', e.title);
      if (plan) out.set(e.index, plan);
    });
  }
}

/**
 * A paragraph that is only the label of a level, as pages and converted files write their level
 * headings: "第一級 加急", "二级故障", "Priority 2 – High", "Severity 3". The level's number decides
 * (第三級 緊急 is the third level, whatever its name says); a level past the known scale is a level of its own.
 */
export function levelLabel(text: string): Condition[] | undefined {
  const line = text.trim();
  if (line.length > 40 || /[\n。.;；,，!！?？]/.test(line) || TEAM_LEVEL.test(line)) return undefined;
  const m = LEVEL_LABEL.exec(line);
  if (!m) return undefined;
  const written = (m[1] ?? m[2] ?? m[3])!;
  const n = /^\d+$/.test(written) ? Number(written) : parseChineseNumeral(written);
  if (n === undefined) return undefined;
  const known = levelCondition(String(n));
  return known.length ? known : [openValue('priority', `level ${n}`)!];
}

const LEVEL_LABEL = /^(?:第\s*([一二三四五六七八九十]|\d{1,2})\s*[级級](?![别別])|([一二三四五六七八九]|\d)\s*[级級](?![别別])|(?:P|Sev(?:erity)?|Priority|Level|优先级|严重(?:级别|等级|級別|等級))\s*[-\s]?\s*(\d)(?!\d))(?:\s*[-–—:：]?\s*[^\d\n]{0,20})?$/i;
/** "Level 1 support", 一级支持团队: a team or a line of support, not a level of severity. */
const TEAM_LEVEL = /\b(?:support|team|engineers?|agents?|staff)\b|支持|团队|團隊|工程师|工程師|人员|人員/i;
