// Values that state no promise of the organisation's, whatever their words around: a case ("if it
// takes less than 15 mins"), a duty of the customer's, the customer's window, a duration, what may
// take longer, a time in the past. read-value.ts asks this of every value before reading it.

import type { SentenceCtx } from './assign';
import { ADVISES, customerDuty, customerRequestDeadline, insideCondition } from './speaker';
import type { Comparator } from './types';

// "95% of requests are solved in 2h", "95% within 2 minutes" (not "99.9% within business hours"). 80%的来电在20秒内接通
// stays an answer rate as well.
const PERCENTILE_AFTER = /^\s*(?:of|的)\s|^\s*within\s+(?:\d|(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|half)\b)/i;
/** 每年（365 天）: the length of a year, in brackets after it, is no promise. */
const LENGTH_OF_PERIOD = /(?:每年|一年|全年|每月|一个月|a\s+year|per\s+year|each\s+year)\s*[（(]\s*$/i;
const EXTENDED_BY = /(?:延长(?:期限|时间|时限)?(?:不得超过|不超过|不应超过|最长|最多)?[ \t\u3000]*|\bextend(?:ed)?\s+(?:by|for)\s+(?:up\s+to\s+|a\s+further\s+|another\s+|an\s+additional\s+)?)$/i;
/** An event whose length picks out the ones meant: "delays of more than", "outages longer than". */
const EVENT_LONGER_THAN = /\b(?:delays?|diversions?|outages?|interruptions?|disruptions?|downtimes?|stoppages?)\s+(?:of\s+|lasting\s+)?(?:greater|longer|more)\s+than\s+$/i;
/** 不满一个月: less than the value picks out a case (a part month), it promises nothing. */
const UNDER = /(?:不满|不足|未满)\s*$/;
/** 按一个月计算, 通过故障前7天内的平均请求数计算: how something is counted; a clock's start (从…起计算) is no such rule. */
const COUNTED_BY = /(?:按|按照|通过|根据|依据)[^，。；,;（(]{0,14}$/;
const COUNTED = /^(?:(?!响应|回复|答复|告知|通知|处理|解决|到达|完成|受理)[^，。；,;（(]){0,24}?(?<!起|开始)(?:计算|计费|折算)/;
/** A verb of an activity that lasts, right before a Chinese duration: 测试, 试运行, 观察, 持续, 培训; 连续两个月拖欠 counts how long a state lasted. */
const ACTIVITY_FOR = /(?:测试|试运行|试用|观察|持续|保持|培训|演示|通话|等候|停留|运行|连续)\s*$/;

/** 您应该在 48 小时内收到回复: what the customer should get is our promise, said from the customer's side. */
function toBeReceived(after: string): boolean {
  return /^\s*(?:(?:之?内|以内)\s*)?(?:收到|得到|获得|接到)[^，。；]{0,6}(?:回复|答复|回应|响应|反馈|确认|通知)/.test(after);
}

/** The customer's receipt of the goods starts the clock: 自收到商品之日起, 签收货物后. */
const CUSTOMER_RECEIVED =
  /(?:(?:收到|签收)(?:商品|货物|货品|包裹|产品|快递)(?:之日|当日|后)?|(?:商品|货物|产品)?(?:签收|收货)(?:之日|当日|日期|后)?|(?:商品|货物|产品)?(?:售出|购买|购物)(?:之日|当日|日期))(?:[（(][^（()）]{0,20}[）)])?起?\s*[，,]?\s*$/;
const RETURN_WINDOW_AFTER = /^\s*(?:after|of|from)\s+(?:the\s+)?(?:date\s+of\s+)?(?:(?:your\s+)?(?:delivery|purchase)|(?:receiving|receipt\s+of|reception\s+of)\s+(?:your|the)\s+(?:order|items?|goods|parcel|products?))/i;
const RETURNED = /\b(?:return(?:s|ed|ing)?|exchange[sd]?|cancel(?:led)?)\b/i;
/**
 * 10日内可无条件申请退换货, 30日内如有质量问题可申请退换货, 7天内出现下列情形的，客户可以申请: what the customer
 * may do within the value, a window of the customer's, not a promise.
 */
const CUSTOMER_MAY = /^\s*(?:之?内|以内)\s*(?:(?:如有|如|若|凡)[^，。；,;]{0,10})?(?:可|可以|均可|有权)(?:无条件|无理由)?(?:申请|要求|办理|退|换)|^\s*(?:之?内|以内)[^，。；,;]{0,12}的[，,]\s*(?:客户|用户|顾客|您|消费者)(?:可|可以|均可|有权)/;
/** 七天内为退换货保证期, 15日内为无理由退货期. */
const PERIOD_DEFINED = /^\s*(?:(?:之?内|以内)\s*)?为[^，。；,;]{0,8}(?:保证期|保障期|有效期|退换期|退货期|换货期|申请期|犹豫期)/;
const ACHIEVED =
  /^[^。；;!?！？]{0,60}?(?:超越|超过|超出|高于|优于)了?所?(?:承诺|订定|订立|设定|公布)的?(?:服务)?(?:目标|指标)?|^[^.;!?]{0,80}?\b(?:exceed(?:ing|ed)|surpass(?:ing|ed)|beating|bettering)\s+(?:our|the|its)\s+(?:pledged\s+|published\s+|committed\s+)?(?:targets?|pledges?|standards?|commitments?)\b/i;
const REPORTED_AVERAGE = /\baverage\s+(?:[\w-]+\s+){0,6}?(?:was|were|has\s+been|had\s+been)\s+(?:about\s+|around\s+|approximately\s+|just\s+)?$/i;
const PAST_PERIOD = /\b(?:for|in|over|during)\s+the\s+(?:last|past|previous)\s+$/i;
/** 10天的犹豫期, 两年的保修期: the length of a period the customer has; 一年期以上的保险: a kind of product by its term. */
const PERIOD_LENGTH = /^\s*(?:的\s*(?:犹豫期|冷静期|保证期|保障期|保修期|质保期|保质期|试用期|宽限期|有效期)|期(?:以上|以下|以内)?的)/;

/**
 * A Chinese worked example: one that opens the sentence, or a clause of it that works with figures (例如某月出现3次…),
 * not a list of examples (例如电话、邮件). Only Chinese: "For example, if a user replies … our follow-up target is
 * within 24 hours" states the rule's own promise.
 */
const EXAMPLE_OPENS_SENTENCE = /^\s*(?:\*\*|__)?(?:例如|比如|譬如|举例来说|举例而言|举例)/;
const EXAMPLE_CLAUSE = /[，,：:]\s*(?:例如|比如|譬如)[^，,。；;]{0,30}?(?:\d|如果|若|假设|假如)/;
/** 例如95598热线报修，我们将在30分钟内响应: the clause of the value speaks for the organisation, so it promises. */
const SPEAKS_FOR_US = /我们|我司|本公司|将|承诺|保证|必须|须/;
const EXAMPLE_REACH = 160;

function workedExample(ctx: SentenceCtx, i: number): boolean {
  const v = ctx.values[i]!;
  const start = ctx.sentence.start;
  const opens = EXAMPLE_OPENS_SENTENCE.test(ctx.text.slice(start, Math.min(v.start, start + 12)));
  if (!opens && !EXAMPLE_CLAUSE.test(ctx.text.slice(Math.max(start, v.start - EXAMPLE_REACH), v.start))) return false;
  const clause = ctx.clauses[ctx.valueClause[i]!]!;
  return !SPEAKS_FOR_US.test(ctx.text.slice(clause.start, v.start));
}

/** A value that states a case, a duty or a duration, not what the organisation promises. */
export function describesNoPromise(ctx: SentenceCtx, i: number, comparator: Comparator, prefix: string): boolean {
  const { text } = ctx;
  const v = ctx.values[i]!;
  const ci = ctx.valueClause[i]!;
  const clause = ctx.clauses[ci]!;
  const trigger = comparator === 'trigger';
  // 例如，服务不可用时间为60分钟28秒…: a worked example's figures illustrate, they promise nothing.
  if (workedExample(ctx, i)) return true;
  // A value inside a condition ("if it takes less than 15 mins", 如果请求已解决少于24小时) describes the case, not a promise;
  // an escalation trigger (if not resolved within 3 days) is the exception.
  if (!trigger && insideCondition(text, ctx.sentence.start, clause.start, v.start)) return true;
  // 用户须提前15日书面通知, "credit requests must be submitted within 45 days": the customer's duty.
  const before = text.slice(Math.max(ctx.sentence.start, v.start - 60), v.start);
  if ((customerDuty(before) && !toBeReceived(text.slice(v.end, v.end + 16))) || customerRequestDeadline(before, text.slice(v.end, clause.end))) return true;
  // 规定超过五个工作日的, 超过三年的: a value in a "…的" phrase names a kind of case, it promises nothing.
  if (!trigger && /^\s*(?:以上|以下)?的\s*[）)]?\s*(?:[,，;；。]|$)/.test(text.slice(v.end, v.end + 8))) return true;
  // 核查时限可以延长十五个工作日, 延长期限不得超过30日, "may be extended by 10 days": how much longer, not a deadline.
  // 延长后的总时限最长不超过15个工作日 is the deadline itself and stays.
  if (EXTENDED_BY.test(before)) return true;
  if (LENGTH_OF_PERIOD.test(before) || ADVISES.test(text.slice(Math.max(clause.start, v.start - 80), v.start))) return true;
  // 不满一个月按一个月计算, 通过故障前7天内的平均请求数计算: how a charge or a credit is counted, not a deadline.
  if (UNDER.test(before) || (COUNTED_BY.test(text.slice(Math.max(clause.start, v.start - 16), v.start)) && COUNTED.test(text.slice(v.end, Math.min(clause.end, v.end + 30))))) return true;
  // "limited to one month's hosting service fees": an amount of money counted in time, not a deadline.
  if (/^['’]s?\s+(?:[a-z-]+\s+){0,3}(?:fees?|charges?|rent|subscription|payments?)\b/i.test(text.slice(v.end, v.end + 40))) return true;
  // "events that happened more than a year ago", 不办理85天前的退款: a time in the past.
  if (/^\s*(?:ago\b|(?:以)?前的)/i.test(text.slice(v.end, v.end + 6))) return true;
  // 至收到商品之日起7天内: the customer's window, from the day the customer received the goods.
  if (CUSTOMER_RECEIVED.test(before) || CUSTOMER_MAY.test(text.slice(v.end, v.end + 30))) return true;
  // "any item returned more than 14 days after delivery", "return it within 30 days of purchase": the customer's return window.
  if (RETURN_WINDOW_AFTER.test(text.slice(v.end, v.end + 40)) && RETURNED.test(before)) return true;
  // 七天内为退换货保证期: the value defines a period the customer has.
  if (PERIOD_DEFINED.test(text.slice(v.end, v.end + 16)) || PERIOD_LENGTH.test(text.slice(v.end, v.end + 8))) return true;
  // "it may take a little longer than 10 working days", "some banks may take longer than 5 working days": what may happen, not a promise.
  if (!trigger && /\b(?:may|might|can|could)\s+take\s+(?:a\s+(?:little|bit)\s+|slightly\s+|much\s+|a\s+lot\s+)?(?:longer|more)\s+than\s+(?:the\s+)?$/i.test(prefix)) return true;
  // "or eight weeks have passed since we received your complaint": when the customer may go to an ombudsman.
  if (!trigger && /^\s*(?:have|has)\s+(?:passed|elapsed|gone\s+by)\b/i.test(text.slice(v.end, v.end + 16))) return true;
  // "delays or diversions greater than thirty minutes", "outages longer than 4 hours": the length names which events are meant.
  // "no unplanned interruptions longer than 4 hours" is the limit itself.
  if (!trigger && EVENT_LONGER_THAN.test(prefix) && !/\bno\s+(?:[a-z]+\s+){0,2}(?:delays?|diversions?|outages?|interruptions?|disruptions?|downtimes?|stoppages?)\s+(?:of\s+|lasting\s+)?(?:greater|longer|more)\s+than\s+$/i.test(prefix)) return true;
  // "will work on those incidents for up to 1 hour": how long something lasts, not a deadline.
  // "wait for more than 30 minutes" is the wait's limit.
  if (!trigger && v.unit !== 'percent' && /(?<!\bwait(?:ing)?\s)\bfor\s+(?:up\s+to\s+|at\s+(?:most|least)\s+|a\s+(?:maximum|minimum)\s+of\s+|(?:longer|more)\s+than\s+)?$/i.test(prefix)) return true;
  // 当场完成维修并测试15分钟, 试运行30分钟: how long an activity lasts, not a deadline (测试15分钟内 would be one).
  if (!trigger && v.unit !== 'percent' && ACTIVITY_FOR.test(prefix) && !/^\s*(?:之|以)?内/.test(text.slice(v.end, v.end + 4))) return true;
  // 99%的申请都能够在四星期内完成处理，超越了所承诺的目标90%, "we answered 96% of calls, exceeding our target": a result
  // reported against the pledge; the target it beats is the promise.
  if (v.unit === 'percent' && ACHIEVED.test(text.slice(v.end, ctx.sentence.end))) return true;
  // "For the last 4-week period our average response time for complaints was 5.20 working days": a period reported on, and
  // the average achieved in it.
  if (!trigger && (REPORTED_AVERAGE.test(text.slice(Math.max(clause.start, v.start - 100), v.start)) || PAST_PERIOD.test(prefix))) return true;
  // 服务可用性=（总分钟数 - 不可用分钟数）/总分钟数×100%: a formula's factor, not a target.
  if (v.unit === 'percent' && /[×*✕]\s*$/.test(before)) return true;
  // "95% of requests are solved in 2h": the percentage qualifies the time, it is not a rate of its own.
  return v.unit === 'percent' && PERCENTILE_AFTER.test(text.slice(v.end, clause.end)) && ctx.values.some((w, k) => k > i && ctx.valueClause[k] === ci && w.unit !== 'percent');
}
