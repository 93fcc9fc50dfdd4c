import { describe, expect, it } from 'vitest';
import { extractCommitments, type Commitment } from '../../server/src/policy/sla';

// One row per phrase: the commitments it must yield, in text order, as partial
// objects (every listed field must match exactly; unlisted fields are free).
// `[]` means the phrase promises nothing measurable.

type Expect = Partial<Omit<Commitment, 'schedule'>> & { canonical?: string };
interface Row {
  text: string;
  expect: Expect[];
}

const v = (min: number, max = min) => ({ min, max });
const H = 3600;
const D = 86_400;

const DOMAIN: Row[] = [
  { text: '热线电话须在20秒内接通', expect: [{ channel: 'phone', metric: 'answer', value: v(20), unit: 'second', comparator: 'at-most', normalized: 20, valueText: '20秒' }] },
  { text: '客户来电响铃三声内接听', expect: [{ channel: 'phone', metric: 'answer', value: v(3), unit: 'ring', clock: 'rings', comparator: 'at-most', valueText: '三声' }] },
  { text: '收到工单后2小时内确认受理', expect: [{ channel: 'ticket', metric: 'acknowledge', value: v(2), unit: 'hour', comparator: 'at-most', normalized: 2 * H }] },
  { text: '邮件咨询工作日12小时内回复，节假日顺延', expect: [{ channel: 'email', metric: 'reply', value: v(12), unit: 'hour', comparator: 'at-most', conditions: ['workday'] }] },
  {
    text: '一般投诉5个工作日内办结，重大投诉24小时内启动调查',
    expect: [
      { channel: 'complaint', metric: 'resolve', value: v(5), unit: 'business-day', clock: 'business', comparator: 'at-most', conditions: ['general'], normalized: 5 },
      { channel: 'complaint', metric: 'investigate', value: v(24), unit: 'hour', comparator: 'at-most', conditions: ['major'], normalized: 24 * H },
    ],
  },
  { text: '客户满意度不低于90%', expect: [{ metric: 'satisfaction', value: v(90), unit: 'percent', clock: 'percent', comparator: 'at-least', normalized: 90 }] },
  { text: '力争85%以上的问题首次沟通解决', expect: [{ metric: 'first-contact-resolution', value: v(85), unit: 'percent', comparator: 'at-least', strength: 'aim' }] },
  { text: '超过3个工作日未解决的，自动升级至主管', expect: [{ metric: 'escalation', overdueMetric: 'resolve', comparator: 'trigger', value: v(3), unit: 'business-day' }] },
  { text: '服务时间：周一至周五 9:00-18:00', expect: [{ metric: 'service-hours', canonical: 'mon-fri 09:00-18:00' }] },
  { text: '7×24小时', expect: [{ metric: 'service-hours', canonical: '24x7' }] },
  { text: '受理客户投诉后，1个工作日内联系客户，7个工作日内答复处理意见。', expect: [{ channel: 'complaint', metric: 'first-response', value: v(1), unit: 'business-day' }, { channel: 'complaint', metric: 'reply', value: v(7), unit: 'business-day' }] },
  { text: '管道燃气实行全天候24小时专人值班受理泄漏报修', expect: [{ metric: 'service-hours' }] },
  { text: '计划停气，提前48小时在新闻媒体做出提醒告知', expect: [{ metric: 'notify', comparator: 'at-least', value: v(48), unit: 'hour' }] },
  { text: 'Chat requests are answered within 60 seconds', expect: [{ channel: 'chat', metric: 'answer', value: v(60), unit: 'second', comparator: 'at-most', normalized: 60 }] },
  { text: 'We acknowledge tickets within 1 business day', expect: [{ channel: 'ticket', metric: 'acknowledge', value: v(1), unit: 'business-day', clock: 'business', comparator: 'at-most', valueText: '1 business day' }] },
];

const ZH_NUMBERS: Row[] = [
  { text: '投诉应在二十四小时内受理', expect: [{ channel: 'complaint', metric: 'acknowledge', value: v(24), unit: 'hour', normalized: 24 * H }] },
  { text: '两个工作日内答复客户', expect: [{ metric: 'reply', value: v(2), unit: 'business-day', valueText: '两个工作日' }] },
  { text: '在线客服半小时内回复留言', expect: [{ channel: 'chat', metric: 'reply', value: v(0.5), unit: 'hour', normalized: 1800 }] },
  { text: '故障一个半小时内修复', expect: [{ metric: 'resolve', value: v(1.5), unit: 'hour', normalized: 5400, valueText: '一个半小时' }] },
  { text: '两个半小时内到达现场', expect: [{ metric: 'arrival', value: v(2.5), unit: 'hour', normalized: 9000 }] },
  { text: '应当自收到投诉之日起十五日内作出处理决定', expect: [{ channel: 'complaint', value: v(15), unit: 'day', normalized: 15 * D, comparator: 'at-most' }] },
  { text: '三十分钟内响应', expect: [{ metric: 'first-response', value: v(30), unit: 'minute', normalized: 1800 }] },
  { text: '维修人员1.5小时内上门', expect: [{ channel: 'onsite', value: v(1.5), unit: 'hour', normalized: 5400 }] },
  { text: '三个月内完成整改', expect: [{ metric: 'resolve', value: v(3), unit: 'month', comparator: 'at-most' }] },
  { text: '一周内回访', expect: [{ metric: 'follow-up', value: v(1), unit: 'week', normalized: 7 * D }] },
  { text: '两周内给予书面答复', expect: [{ metric: 'reply', value: v(2), unit: 'week' }] },
  { text: '邮件２４小时内回复', expect: [{ channel: 'email', metric: 'reply', value: v(24), unit: 'hour', valueStart: 2, valueEnd: 6, valueText: '２４小时' }] },
  { text: '工单１～２个工作日内办结', expect: [{ channel: 'ticket', metric: 'resolve', value: v(1, 2), unit: 'business-day', normalized: 2, valueText: '１～２个工作日' }] },
  { text: '退款将在1-2个工作日内到账', expect: [{ metric: 'refund', value: v(1, 2), unit: 'business-day', comparator: 'at-most', normalized: 2 }] },
  { text: '复杂问题3至5个工作日内解决', expect: [{ metric: 'resolve', value: v(3, 5), conditions: ['complex'], normalized: 5 }] },
  { text: '一至两个工作日内回复', expect: [{ metric: 'reply', value: v(1, 2), unit: 'business-day', valueText: '一至两个工作日' }] },
  { text: '来电10秒钟内应答', expect: [{ channel: 'phone', metric: 'answer', value: v(10), unit: 'second' }] },
  { text: '72小时内给出处理结果', expect: [{ metric: 'resolve', value: v(72), unit: 'hour', normalized: 72 * H }] },
  { text: '7天内办结', expect: [{ metric: 'resolve', value: v(7), unit: 'day', normalized: 7 * D }] },
  { text: '48 小时内回复', expect: [{ metric: 'reply', value: v(48), unit: 'hour', valueText: '48 小时' }] },
  { text: '接通率不低于百分之九十五', expect: [{ metric: 'answer-rate', value: v(95), unit: 'percent', comparator: 'at-least', valueText: '百分之九十五' }] },
  { text: '系统可用性达到99.9%', expect: [{ metric: 'availability', value: v(99.9), unit: 'percent', comparator: 'at-least' }] },
  { text: '客户满意度95％以上', expect: [{ metric: 'satisfaction', value: v(95), comparator: 'at-least' }] },
  { text: '紧急故障1小时30分钟内修复', expect: [{ metric: 'resolve', value: v(90), unit: 'minute', normalized: 5400, conditions: ['urgent'] }] },
  { text: '廿四小时内回电', expect: [{ metric: 'reply', value: v(24), unit: 'hour', normalized: 24 * H }] },
  { text: '打字速度不低于60字/分钟', expect: [{ metric: 'typing-speed', value: v(60), unit: 'chars-per-minute', clock: 'rate', comparator: 'at-least' }] },
  { text: '客服人员每分钟录入不少于50字', expect: [{ metric: 'typing-speed', value: v(50), unit: 'chars-per-minute' }] },
  { text: '坐席须在响铃3声内摘机', expect: [{ channel: 'phone', metric: 'answer', value: v(3), unit: 'ring' }] },
  { text: '电话三环内接听', expect: [{ channel: 'phone', metric: 'answer', value: v(3), unit: 'ring' }] },
  { text: '4个工作小时内响应', expect: [{ metric: 'first-response', value: v(4), unit: 'business-hour', clock: 'business', normalized: 4 }] },
];

const ZH_COMPARATORS: Row[] = [
  { text: '回复时间不超过24小时', expect: [{ metric: 'reply', comparator: 'at-most', value: v(24) }] },
  { text: '最迟不超过3个工作日办结', expect: [{ metric: 'resolve', comparator: 'at-most', value: v(3), unit: 'business-day' }] },
  { text: '短信通知在5分钟以内发出', expect: [{ channel: 'sms', metric: 'notify', comparator: 'at-most', value: v(5), unit: 'minute' }] },
  { text: '上门服务须在48小时之内完成', expect: [{ channel: 'onsite', metric: 'resolve', comparator: 'at-most', value: v(48) }] },
  { text: '一次性解决率不少于80%', expect: [{ metric: 'first-contact-resolution', comparator: 'at-least', value: v(80) }] },
  { text: '回访率至少达到30%', expect: [{ metric: 'follow-up-rate', comparator: 'at-least', value: v(30) }] },
  { text: '呼损率低于5%', expect: [{ metric: 'abandonment', comparator: 'at-most', value: v(5) }] },
  { text: '放弃率不高于3%', expect: [{ metric: 'abandonment', comparator: 'at-most', value: v(3) }] },
  { text: '投诉逾期5个工作日仍未处理的，由客服经理督办', expect: [{ comparator: 'trigger', metric: 'escalation', value: v(5), unit: 'business-day' }] },
  { text: '工单超过48小时未响应的，系统自动升级', expect: [{ channel: 'ticket', comparator: 'trigger', metric: 'escalation', overdueMetric: 'first-response', value: v(48) }] },
  { text: '如24小时内未能解决，应上报部门负责人', expect: [{ comparator: 'trigger', metric: 'escalation', overdueMetric: 'resolve', value: v(24) }] },
  { text: '投诉处理时限为15个工作日', expect: [{ channel: 'complaint', metric: 'resolve', comparator: 'at-most', value: v(15), unit: 'business-day' }] },
  { text: '首次响应时间：2小时', expect: [{ metric: 'first-response', comparator: 'at-most', value: v(2), unit: 'hour' }] },
  { text: '变更应提前30日通知客户', expect: [{ metric: 'notify', comparator: 'at-least', value: v(30), unit: 'day' }] },
  { text: '质检合格率保持在98%以上', expect: [{ metric: 'quality', comparator: 'at-least', value: v(98) }] },
];

const ZH_CHANNELS_METRICS: Row[] = [
  { text: '400热线20秒内人工接通', expect: [{ channel: 'phone', metric: 'answer', value: v(20) }] },
  { text: '电子邮件2小时内发送确认回执', expect: [{ channel: 'email', metric: 'acknowledge', value: v(2) }] },
  { text: '在线客服30秒内首次响应', expect: [{ channel: 'chat', metric: 'first-response', value: v(30), unit: 'second' }] },
  { text: '微信公众号留言24小时内答复', expect: [{ channel: 'social', metric: 'reply', value: v(24) }] },
  { text: '微博私信12小时内回复', expect: [{ channel: 'social', metric: 'reply', value: v(12) }] },
  { text: '客户来信在10个工作日内书面答复', expect: [{ channel: 'letter', metric: 'reply', value: v(10), unit: 'business-day' }] },
  { text: '网站留言1个工作日内处理完毕', expect: [{ channel: 'ticket', metric: 'resolve', value: v(1), unit: 'business-day' }] },
  { text: '服务完成后3日内进行回访', expect: [{ metric: 'follow-up', value: v(3), unit: 'day' }] },
  { text: '重大投诉2小时内上报公司管理层', expect: [{ channel: 'complaint', metric: 'escalation', conditions: ['major'], value: v(2) }] },
  { text: '投诉办结率达到100%', expect: [{ channel: 'complaint', metric: 'resolution-rate', value: v(100), comparator: 'at-least' }] },
  { text: '来电接听率不低于95%', expect: [{ channel: 'phone', metric: 'answer-rate', value: v(95) }] },
  { text: '80%的来电在20秒内接通', expect: [{ metric: 'answer-rate', value: v(80), unit: 'percent' }, { channel: 'phone', metric: 'answer', value: v(20), unit: 'second' }] },
  { text: '投诉受理后7个工作日内核实情况并反馈', expect: [{ channel: 'complaint', metric: 'investigate', value: v(7), unit: 'business-day' }] },
  { text: '对于客户通过电话提出的投诉，我们将在24小时内联系客户并说明处理进度', expect: [{ channel: 'complaint', value: v(24), unit: 'hour' }] },
  { text: '在收到客户邮件后的4小时内，客服人员将给予回复', expect: [{ channel: 'email', metric: 'reply', value: v(4) }] },
  { text: '热线电话：工作日20秒内接通，非工作日60秒内接通', expect: [
    { channel: 'phone', metric: 'answer', conditions: ['workday'], value: v(20) },
    { channel: 'phone', metric: 'answer', conditions: ['non-workday'], value: v(60) },
  ] },
  { text: '工作日12小时内、非工作日24小时内回复邮件', expect: [
    { channel: 'email', metric: 'reply', conditions: ['workday'], value: v(12) },
    { channel: 'email', metric: 'reply', conditions: ['non-workday'], value: v(24) },
  ] },
  { text: '对于重大投诉，我们将在2小时内响应，并在3个工作日内解决', expect: [
    { channel: 'complaint', metric: 'first-response', conditions: ['major'], value: v(2) },
    { channel: 'complaint', metric: 'resolve', conditions: ['major'], value: v(3), unit: 'business-day' },
  ] },
  { text: '节假日期间，邮件咨询48小时内回复', expect: [{ channel: 'email', metric: 'reply', conditions: ['holiday'], value: v(48) }] },
  { text: '夜间来电由值班人员在60秒内接听', expect: [{ channel: 'phone', metric: 'answer', conditions: ['night'], value: v(60) }] },
  { text: 'VIP客户专线10秒内接通', expect: [{ channel: 'phone', metric: 'answer', conditions: ['vip'], value: v(10) }] },
  { text: '紧急工单30分钟内响应，一般工单4小时内响应', expect: [
    { channel: 'ticket', metric: 'first-response', conditions: ['urgent'], value: v(30), unit: 'minute' },
    { channel: 'ticket', metric: 'first-response', conditions: ['general'], value: v(4), unit: 'hour' },
  ] },
  { text: '原则上，投诉应在5个工作日内办结', expect: [{ channel: 'complaint', metric: 'resolve', strength: 'aim', value: v(5) }] },
  { text: '我们承诺在24小时内回复', expect: [{ metric: 'reply', strength: 'binding' }] },
  { text: '邮件咨询原则上2小时内回复，最长不超过24小时回复。', expect: [
    { channel: 'email', metric: 'reply', strength: 'aim', value: v(2) },
    { channel: 'email', metric: 'reply', strength: 'binding', value: v(24) },
  ] },
  { text: '争取在3个工作日内解决客户问题', expect: [{ metric: 'resolve', strength: 'aim' }] },
  { text: '复杂问题努力在10个工作日内给予答复', expect: [{ metric: 'reply', strength: 'aim', conditions: ['complex'] }] },
];

const CONTEXT_AND_LISTS: Row[] = [
  { text: '客服中心应在接到客户来电后15秒内应答，呼入电话接通率不低于90%。', expect: [
    { channel: 'phone', metric: 'answer', value: v(15), unit: 'second' },
    { channel: 'phone', metric: 'answer-rate', value: v(90), comparator: 'at-least' },
  ] },
  { text: '维修类工单：城区4小时内上门，郊区8小时内上门。', expect: [
    { channel: 'onsite', metric: 'arrival', value: v(4) },
    { channel: 'onsite', metric: 'arrival', value: v(8) },
  ] },
  // The bracketed exception has a case we cannot name; left out rather than read as a contradiction.
  // The exception in brackets is a promise for its region only; the value after it is for all.
  { text: '接到报修后30分钟内响应，2小时内到达现场（偏远地区4小时内），24小时内修复。', expect: [
    { metric: 'first-response', value: v(30), unit: 'minute' },
    { metric: 'arrival', value: v(2), unit: 'hour', conditions: [] },
    { metric: 'arrival', value: v(4), unit: 'hour', conditions: ['remote'] },
    { metric: 'resolve', value: v(24), unit: 'hour', conditions: [] },
  ] },
  { text: '我们将在24小时内（节假日48小时内）回复邮件。', expect: [
    { channel: 'email', metric: 'reply', value: v(24), conditions: [] },
    { channel: 'email', metric: 'reply', value: v(48), conditions: ['holiday'] },
  ] },
  { text: '对于一般性咨询，在线客服将在3分钟内回复；对于需转交专业部门处理的问题，将在2个工作日内答复。', expect: [
    { channel: 'chat', metric: 'reply', conditions: ['general'], value: v(3) },
    // The case the document names in its own words is a scope of its own, not the general case.
    { channel: 'chat', metric: 'reply', conditions: ['case:需转交专业部门处理的问题'], value: v(2), unit: 'business-day' },
  ] },
  { text: '电子邮件和网站留言：1个工作日内予以答复', expect: [
    { channel: 'email', metric: 'reply', value: v(1) },
    { channel: 'ticket', metric: 'reply', value: v(1) },
  ] },
  { text: 'Every email and support ticket received during Business Hours is acknowledged within 2 hours.', expect: [
    { channel: 'email', metric: 'acknowledge', conditions: ['workday'], value: v(2) },
    { channel: 'ticket', metric: 'acknowledge', conditions: ['workday'], value: v(2) },
  ] },
  { text: 'We acknowledge complaints within 1 business day and resolve them within 5 business days.', expect: [
    { channel: 'complaint', metric: 'acknowledge', value: v(1) },
    { channel: 'complaint', metric: 'resolve', value: v(5) },
  ] },
  { text: 'General complaints are resolved within 5 Business Days of acknowledgement.', expect: [{ channel: 'complaint', metric: 'resolve', conditions: ['general'], value: v(5) }] },
  { text: '投诉办结后3个工作日内，本公司安排未参与处理的回访专员对客户进行回访', expect: [{ channel: 'complaint', metric: 'follow-up', value: v(3) }] },
  { text: '本公司自核实身份之日起15个工作日内办理完毕并告知客户', expect: [{ metric: 'resolve', value: v(15), unit: 'business-day' }] },
  { text: 'Tier 1 support responds within 15 minutes; Tier 2 within 1 hour.', expect: [
    { metric: 'first-response', value: v(15), unit: 'minute' },
    { metric: 'first-response', value: v(1), unit: 'hour' },
  ] },
  { text: 'High (a key function impaired, workaround available): Initial Response within 2 business hours.', expect: [{ metric: 'first-response', conditions: ['high'], value: v(2), unit: 'business-hour' }] },
  { text: 'P1 incidents: response 15 min, resolution 4 h.', expect: [
    { metric: 'first-response', conditions: ['urgent'], value: v(15), unit: 'minute' },
    { metric: 'resolve', conditions: ['urgent'], value: v(4), unit: 'hour' },
  ] },
  { text: 'Calls are answered in under 30 seconds 80% of the time.', expect: [
    { channel: 'phone', metric: 'answer', value: v(30), comparator: 'at-most' },
    { channel: 'phone', metric: 'answer-rate', value: v(80) },
  ] },
  { text: 'The total time does not exceed 15 Business Days.', expect: [{ comparator: 'at-most', value: v(15), unit: 'business-day' }] },
  { text: 'Where a complaint is complex, we tell the Customer the new date. The total time does not exceed 15 Business Days.', expect: [
    { channel: 'complaint', conditions: ['complex'], comparator: 'at-most', value: v(15) },
  ] },
  { text: '第九条 网站留言的答复时限：待补充。', expect: [{ channel: 'ticket', metric: 'reply', placeholder: true, valueText: '待补充', unit: undefined }] },
  { text: '客户服务记录自服务终止之日起保存3年', expect: [] },
  // The customer's window for a return, and a time in the past: no promise of the seller's.
  { text: '由于个人原因产生的退换货：至收到商品之日起7天内，向售后服务中心发送邮件', expect: [] },
  { text: '自商品签收之日起，10日内可无条件申请退换货；30日内如有质量问题可申请退换货。', expect: [] },
  { text: '自商品售出之日（以实际收货日期为准）起7天内出现下列情形的，客户可以申请办理退换货服务', expect: [] },
  { text: '服务可用性=（服务周期总分钟数 - 服务不可用分钟数）/服务周期总分钟数×100%', expect: [] },
  { text: '我们将在3个工作日内完成审核，审核通过后您可申请退款。', expect: [{ metric: 'resolve', value: v(3), unit: 'business-day' }] },
  { text: '七天内为退换货保证期，若超过此期间不得退换货', expect: [] },
  { text: '工商银行、民生银行不办理85天前的退款', expect: [] },
  { text: '我们自收到退货之日起7天内退款', expect: [{ metric: 'refund', value: v(7), unit: 'day' }] },
  // What the reporter should receive is our promise, said from the reporter's side.
  { text: '请通过安全公告渠道报告。您应该在 48 小时内收到回复。', expect: [{ metric: 'reply', value: v(48), unit: 'hour' }] },
  // A last clause that only names the case: the case of the value before it.
  { text: '初始响应：4 小时，high priority', expect: [{ metric: 'first-response', conditions: ['high'], value: v(4), unit: 'hour' }] },
  // A site generator's variable there is a label of its own (its words, slugged).
  { text: '初始响应：30 分钟，{% data variables.product.support_ticket_priority_urgent %}', expect: [{ metric: 'first-response', conditions: ['case:data-variables-product~19mhltk'], value: v(30), unit: 'minute' }] },
  // The authority one level up (上一级) is no first-level case.
  { text: '上一级机关应当在收到复核申请之日起三十日内作出复核决定。', expect: [{ conditions: [], value: v(30), unit: 'day' }] },
  { text: '主管部门应当自收到商品房预售申请之日起10日内作出答复', expect: [{ metric: 'reply', value: v(10), unit: 'day' }] },
  // 周六日 is Saturday and Sunday, not six days.
  { text: '退款到账时间为提交卡号后7-10个工作日（不包含周六日及节假日）', expect: [{ metric: 'refund', value: v(7, 10), unit: 'business-day' }] },
  // A retention period keeps its value but borrows no metric from the next clause.
  { text: '投诉资料保存期限为3年，期满后依法删除或匿名化处理', expect: [{ channel: 'complaint', metric: undefined, value: v(3), unit: 'year', comparator: 'at-most' }] },
  // "for up to 90 days" says how long something lasts, not a deadline.
  { text: 'We will take steps to preserve account records for up to 90 days.', expect: [] },
  { text: '修改内容应当至少在实施前七日予以公示', expect: [{ metric: 'notify', comparator: 'at-least', value: v(7), unit: 'day' }] },
  { text: 'Support records are retained for 3 years after the end of the subscription.', expect: [] },
  { text: 'Scheduled maintenance takes place on Sundays between 01:00 and 05:00 China Standard Time. We give at least 48 hours notice.', expect: [
    { metric: 'notify', comparator: 'at-least', value: v(48), conditions: [] },
  ] },
  { text: 'We do not sell personal information and have not done so in the past 12 months.', expect: [] },
  { text: '节假日现场服务收费标准待定', expect: [] },
];

const PLACEHOLDERS: Row[] = [
  { text: '一般投诉应在__________小时内响应', expect: [{ placeholder: true, unit: 'hour', metric: 'first-response', conditions: ['general'], value: undefined, normalized: undefined, valueText: '__________小时' }] },
  { text: '投诉在XX小时内回复', expect: [{ placeholder: true, unit: 'hour', metric: 'reply', valueText: 'XX小时' }] },
  { text: '在××个工作日内办结', expect: [{ placeholder: true, unit: 'business-day', metric: 'resolve' }] },
  { text: '邮件＿＿＿小时内回复', expect: [{ placeholder: true, unit: 'hour', channel: 'email', valueText: '＿＿＿小时' }] },
  { text: 'We respond to tickets within ___ business days', expect: [{ placeholder: true, unit: 'business-day', channel: 'ticket' }] },
  { text: 'Complaints are resolved within [X] days', expect: [{ placeholder: true, unit: 'day', channel: 'complaint', metric: 'resolve' }] },
  { text: '客户满意度不低于____%', expect: [{ placeholder: true, unit: 'percent', metric: 'satisfaction' }] },
];

const ENGLISH: Row[] = [
  { text: 'We will reply to all emails within 2 business days.', expect: [{ channel: 'email', metric: 'reply', value: v(2), unit: 'business-day', comparator: 'at-most' }] },
  { text: 'Complaints will be acknowledged no later than 24 hours after receipt.', expect: [{ channel: 'complaint', metric: 'acknowledge', value: v(24), unit: 'hour', comparator: 'at-most' }] },
  { text: 'Customer satisfaction of at least 90% is maintained.', expect: [{ metric: 'satisfaction', value: v(90), comparator: 'at-least' }] },
  { text: 'We will refund the Fees within thirty (30) days of the invoice date.', expect: [{ value: v(30), unit: 'day', comparator: 'at-most', valueText: 'thirty (30) days' }] },
  // "Customer must …" without an article is still the customer's duty.
  { text: 'Customer must pay the Fees within thirty (30) days of the invoice date.', expect: [] },
  { text: 'If they do, we will re-enable their content within 10-14 days.', expect: [{ value: v(10, 14), unit: 'day', normalized: 14 * D, valueText: '10-14 days' }] },
  { text: 'Phone calls are answered within one hour.', expect: [{ channel: 'phone', metric: 'answer', value: v(1), unit: 'hour' }] },
  { text: 'All calls are answered within 20 seconds.', expect: [{ channel: 'phone', metric: 'answer', value: v(20), unit: 'second' }] },
  { text: 'We will get back to you within an hour.', expect: [{ metric: 'reply', value: v(1), unit: 'hour', valueText: 'an hour' }] },
  { text: 'Ongoing responses on an open case come within 8 business hours.', expect: [{ metric: 'follow-up', value: v(8), unit: 'business-hour' }] },
  { text: 'GDS aims to reply to 80% of public requests within 5 working days', expect: [{ metric: 'reply', conditions: ['case:public', 'share:80-percent'], value: v(5), unit: 'business-day' }] },
  { text: 'We answer 90% of incoming calls within 20 seconds', expect: [{ metric: 'answer', conditions: ['share:90-percent'], value: v(20), unit: 'second' }] },
  { text: 'Normally, complaints should be made within 12 months of the concern first being raised', expect: [] },
  { text: 'Urgent tickets receive a first response within 4 business hours.', expect: [{ channel: 'ticket', metric: 'first-response', conditions: ['urgent'], value: v(4), unit: 'business-hour' }] },
  { text: 'Live chat: we respond within half an hour.', expect: [{ channel: 'chat', metric: 'first-response', value: v(0.5), unit: 'hour', normalized: 1800 }] },
  { text: 'Field engineers arrive on site within one and a half hours.', expect: [{ channel: 'onsite', metric: 'arrival', value: v(1.5), unit: 'hour' }] },
  { text: 'The service maintains 99.9% uptime.', expect: [{ metric: 'availability', value: v(99.9), unit: 'percent' }] },
  { text: 'Our abandonment rate is below 5%.', expect: [{ metric: 'abandonment', value: v(5) }] },
  { text: 'First response time: 4 hours', expect: [{ metric: 'first-response', value: v(4), comparator: 'at-most' }] },
  { text: 'Urgent tickets are answered within 1 hour and normal tickets within 4 hours.', expect: [
    { channel: 'ticket', metric: 'reply', conditions: ['urgent'], value: v(1) },
    { channel: 'ticket', metric: 'reply', conditions: ['general'], value: v(4) },
  ] },
  { text: 'If a ticket is not resolved within 3 business days, it is escalated to a manager.', expect: [{ channel: 'ticket', comparator: 'trigger', metric: 'escalation', overdueMetric: 'resolve', value: v(3), unit: 'business-day' }] },
  { text: 'Tickets that remain open for more than 5 days are escalated.', expect: [{ comparator: 'trigger', metric: 'escalation', value: v(5) }] },
  { text: 'We aim to respond to every request within 24 hours.', expect: [{ metric: 'first-response', strength: 'aim', value: v(24) }] },
  { text: 'We strive to resolve issues within 5 business days.', expect: [{ metric: 'resolve', strength: 'aim', value: v(5), unit: 'business-day' }] },
  { text: 'Emails will be answered within 1-2 business days.', expect: [{ channel: 'email', value: v(1, 2), unit: 'business-day' }] },
  { text: 'We will respond to your complaint within 8 weeks.', expect: [{ channel: 'complaint', metric: 'reply', value: v(8), unit: 'week', normalized: 56 * D }] },
  { text: 'Agents must type at least 40 wpm.', expect: [{ metric: 'typing-speed', value: v(40), unit: 'words-per-minute' }] },
  { text: 'Callbacks are made within 30 minutes during business hours.', expect: [{ metric: 'reply', value: v(30), unit: 'minute', conditions: ['workday'] }] },
  { text: 'We commit to responding to your request within 45 days.', expect: [{ metric: 'first-response', value: v(45), unit: 'day', strength: 'binding' }] },
  { text: 'Refunds are issued within 14 calendar days.', expect: [{ metric: 'refund', value: v(14), unit: 'day' }] },
  { text: 'We will give you the results of our investigation within 20 working days.', expect: [{ metric: 'resolve', value: v(20), unit: 'business-day' }] },
  // Out of hours, and not the urgent case it names only to exclude it.
  { text: 'Expect a response the next business day if the request is submitted outside of normal hours and is not an Urgent severity request.', expect: [{ metric: 'first-response', conditions: ['out-of-hours'], unit: 'business-day' }] },
  // What gets the faster value, in brackets after it, is a case of its own.
  { text: 'Critical issues get a first response within 1 hour, or 15 minutes (with Rapid Response).', expect: [
    { metric: 'first-response', conditions: ['urgent'], value: v(1), unit: 'hour' },
    { metric: 'first-response', conditions: ['case:rapid-response', 'urgent'], value: v(15), unit: 'minute' },
  ] },
  { text: 'We will announce vulnerabilities 72 hours before the embargo is lifted.', expect: [{ metric: 'notify', comparator: 'at-least', value: v(72), unit: 'hour' }] },
  { text: 'If you have not received a reply to your email within 48 hours, there are a few steps you can take.', expect: [] },
  { text: 'Bug reports: acknowledgment within 24 hours, triage within 72 hours', expect: [{ metric: 'acknowledge', value: v(24), unit: 'hour' }, { metric: 'investigate', value: v(72), unit: 'hour' }] },
  { text: 'Credits given for Downtime may not exceed 50% of the monthly fee.', expect: [] },
  { text: 'Customer must notify us in writing within 30 days after the end of the month.', expect: [] },
  { text: 'All SLAs are in business hours, except for 24x7 support scenarios.', expect: [] },
  { text: 'So a 12x5 essentially means the support will be available 12 hours a day for the first 5 days of the week.', expect: [] },
  { text: 'Updates are sent at least every five days. In reality, this is more likely to be every 24-48 hours.', expect: [{ metric: 'follow-up', value: v(5), unit: 'day' }] },
  { text: 'We will notify you at least 30 days in advance.', expect: [{ metric: 'notify', comparator: 'at-least', value: v(30) }] },
  { text: 'Partner shall notify GitHub without undue delay, and in any event within 72 hours.', expect: [{ metric: 'notify', value: v(72), unit: 'hour' }] },
  { text: 'Please allow between 2 and 3 business days for a reply.', expect: [{ value: v(2, 3), unit: 'business-day', valueText: '2 and 3 business days' }] },
  { text: 'Response time is twenty-four hours.', expect: [{ metric: 'first-response', value: v(24), unit: 'hour' }] },
  { text: 'Support hours are Monday to Friday, 9am to 6pm', expect: [{ metric: 'service-hours', canonical: 'mon-fri 09:00-18:00' }] },
  { text: 'Our hotline is staffed 24 hours a day, 7 days a week.', expect: [{ metric: 'service-hours', channel: 'phone', canonical: '24x7' }] },
  { text: 'Email support is available 24/7.', expect: [{ metric: 'service-hours', channel: 'email', canonical: '24x7' }] },
  // A 24-hour clock without a colon: only where it cannot be a pair of years.
  { text: 'The service desk is available between the hours of 0800 and 1800, Monday–Friday.', expect: [{ metric: 'service-hours', canonical: 'mon-fri 08:00-18:00' }] },
  { text: 'Telephone Calls: Answer within 8 ‘rings’ (20 seconds)', expect: [{ channel: 'phone', metric: 'answer', value: v(8), unit: 'ring', valueText: '8 ‘rings’' }] },
  { text: 'Missed calls will be returned by the next working day.', expect: [{ channel: 'phone', metric: 'reply', value: v(1), unit: 'business-day' }] },
  { text: '设立24小时客户投诉热线，24小时接受投诉。', expect: [{ metric: 'service-hours', canonical: '24x7' }, { metric: 'service-hours', canonical: '24x7' }] },
  {
    text: '紧急工单：客户业务重要功能不可用，需要立即处理；10分钟内响应。',
    expect: [{ channel: 'ticket', metric: 'first-response', value: v(10), unit: 'minute', conditions: ['urgent'] }],
  },
  { text: '在项目终验完成后，需提供3年的免费技术服务。', expect: [] },
  { text: '于XX年XX月XX日前完成整改。', expect: [] },
  {
    text: '工单说明：\n紧急工单：客户业务重要功能不可用；10分钟内响应。\n一般工单：一般性问题咨询；30分钟内响应。',
    expect: [
      { channel: 'ticket', metric: 'first-response', value: v(10), conditions: ['urgent'] },
      { channel: 'ticket', metric: 'first-response', value: v(30), conditions: ['general'] },
    ],
  },
  { text: '我司将在客户发起请求后的 1 个工作日内提供初步回应', expect: [{ metric: 'first-response', value: v(1), unit: 'business-day' }] },
  { text: '审核通过后3天内完成退款。', expect: [{ metric: 'refund', value: v(3), unit: 'day' }] },
  { text: 'Gitee管理团队会在72小时内完成响应repository的处理', expect: [{ metric: 'resolve', value: v(72), unit: 'hour' }] },
  { text: '提前24小时通过首页通告对可能影响客户使用的变动进行告知', expect: [{ metric: 'notify', value: v(24), unit: 'hour', comparator: 'at-least' }] },
  { text: 'Updates: Every hour until resolved', expect: [{ metric: 'follow-up', value: v(1), unit: 'hour' }] },
  { text: 'Deal with 78% of calls at first point of contact.', expect: [{ channel: 'phone', metric: 'first-contact-resolution', value: v(78), unit: 'percent' }] },
  { text: 'If you tell us you have internal sewage flooding, we will be there within four hours.', expect: [{ metric: 'arrival', value: v(4), unit: 'hour' }] },
  { text: 'We will attend emergency repairs within 24 hours.', expect: [{ metric: 'arrival', value: v(24), unit: 'hour' }] },
  { text: 'We will attend to your query within 2 days.', expect: [{ metric: undefined, value: v(2), unit: 'day' }] },
  { text: 'Any item that is returned more than 14 days after delivery will be deemed as non-returnable.', expect: [] },
  { text: 'You can return items within 30 days of purchase.', expect: [] },
  { text: 'We will refund returned items within 14 days of receipt of the returned goods.', expect: [{ metric: 'refund', value: v(14), unit: 'day' }] },
  { text: "For each additional 45 minutes of downtime you will receive 10% credit. All refunds are limited to one month's hosting service fees.", expect: [] },
  { text: '10分钟电话响应，30分钟现场响应', expect: [{ channel: 'phone', metric: 'first-response', value: v(10) }, { metric: 'arrival', value: v(30) }] },
  {
    text: '对于网络信号的投诉，我司承诺在客户投诉3个工作日内联系上门测试查勘，7个工作日内提供技术解决方案。',
    expect: [{ channel: 'complaint', metric: 'arrival', value: v(3) }, { channel: 'complaint', metric: 'resolve', value: v(7) }],
  },
  { text: 'We put our money where our mouth is with our 99.9% uptime guarantee.', expect: [{ metric: 'availability', value: v(99.9), unit: 'percent' }] },
  { text: 'Where a complaint is complex and takes longer than 10 working days, we will tell you.', expect: [] },
  { text: '3、一般性供暖故障：2小时内与用户联系，8小时内故障修复正常供暖', expect: [{ metric: 'first-response', value: v(2) }, { metric: 'resolve', value: v(8) }] },
  { text: '维修人员接到报修后2小时内前往现场', expect: [{ metric: 'arrival', value: v(2) }] },
  { text: 'Phone support: M-F, 8:30 a.m. - 5 p.m.', expect: [{ metric: 'service-hours', channel: 'phone', canonical: 'mon-fri 08:30-17:00' }] },
  { text: 'Phones are staffed 0900-1730 hrs on weekdays.', expect: [{ metric: 'service-hours', channel: 'phone', canonical: 'mon-fri 09:00-17:30' }] },
  { text: 'The desk answered 4000 calls between 2000 and 2010.', expect: [] },
  { text: 'Visitors are welcome between the hours of 1000 and 1600, Monday to Friday.', expect: [{ metric: 'service-hours', canonical: 'mon-fri 10:00-16:00' }] },
];

const SCHEDULES: Row[] = [
  { text: '热线电话7×24小时服务', expect: [{ metric: 'service-hours', channel: 'phone', canonical: '24x7' }] },
  { text: '热线电话7*24小时服务，在线客服每天8:00-22:00', expect: [
    { metric: 'service-hours', channel: 'phone', canonical: '24x7' },
    { metric: 'service-hours', channel: 'chat', canonical: 'mon-sun 08:00-22:00' },
  ] },
  { text: '工作时间：周一至周五上午9:00-12:00，下午13:30-17:30；周六9:00-12:00（法定节假日除外）', expect: [
    { metric: 'service-hours', canonical: 'mon-fri 09:00-12:00,13:30-17:30; sat 09:00-12:00; holidays closed' },
  ] },
  { text: '客服热线：400-123-4567（工作日9:00-18:00）', expect: [{ metric: 'service-hours', channel: 'phone', canonical: 'mon-fri 09:00-18:00' }] },
  { text: '营业时间为每周一至周六上午9点至下午6点', expect: [{ metric: 'service-hours', canonical: 'mon-sat 09:00-18:00' }] },
  { text: '人工客服服务时间为8:30-17:30（周一至周五）', expect: [{ metric: 'service-hours', canonical: 'mon-fri 08:30-17:30' }] },
  { text: '节假日服务时间：9:00-17:00', expect: [{ metric: 'service-hours', conditions: ['holiday'], canonical: 'holidays 09:00-17:00' }] },
  { text: '在线客服5×8小时服务', expect: [{ metric: 'service-hours', channel: 'chat', canonical: 'mon-fri 8h' }] },
  { text: '全年无休，全天候为您服务', expect: [{ metric: 'service-hours', canonical: '24x7' }] },
  // An FAQ that explains the notation says nothing of when the service is open.
  { text: '5×8 即每周5天、每天8小时，同理7×24，7×8', expect: [] },
  { text: '在线客服提供7×24小时服务，即全年无休', expect: [{ metric: 'service-hours', channel: 'chat', canonical: '24x7' }] },
  { text: '提供24小时服务热线', expect: [{ metric: 'service-hours', channel: 'phone', canonical: '24x7' }] },
  // The machine and the people keep different hours: 自助 beside 人工 is two promises, not a conflict.
  { text: '客服热线7×24小时自助服务。', expect: [{ metric: 'service-hours', channel: 'phone', conditions: ['self-service'], canonical: '24x7' }] },
  { text: '客服热线人工服务时间为每天9:00-18:00。', expect: [{ metric: 'service-hours', channel: 'phone', conditions: ['staffed'], canonical: 'mon-sun 09:00-18:00' }] },
  { text: '人工服务接通率不低于90%。', expect: [{ metric: 'answer-rate', conditions: ['staffed'], value: v(90) }] },
  { text: '报修前请登录用户自助服务平台报修，网管将会在两天内处理故障。', expect: [{ metric: 'resolve', value: v(2), conditions: [] }] },
  { text: 'Phone support: Mon-Fri 8:00 a.m. - 5:00 p.m.', expect: [{ metric: 'service-hours', channel: 'phone', canonical: 'mon-fri 08:00-17:00' }] },
  { text: 'Live chat is available on weekdays from 9:00 to 17:30 and on Saturdays from 10am to 2pm.', expect: [
    { metric: 'service-hours', channel: 'chat', canonical: 'mon-fri 09:00-17:30; sat 10:00-14:00' },
  ] },
];

// Numbers that are not promises.
const NEGATIVES: Row[] = [
  { text: '本制度自2023年10月1日起施行', expect: [] },
  { text: '公司成立于1993年', expect: [] },
  { text: '自2024年1月1日起，投诉渠道调整如下', expect: [] },
  { text: '第十二条 客户信息应当严格保密', expect: [] },
  { text: '依照本办法第3款的规定处理', expect: [] },
  { text: 'See Section 4 for details.', expect: [] },
  { text: '第三章 服务流程', expect: [] },
  { text: '客服热线：400-123-4567', expect: [] },
  { text: '请拨打95588咨询', expect: [] },
  { text: '服务费100元', expect: [] },
  { text: 'The subscription costs $50 per month.', expect: [] },
  { text: '呼叫中心配备20名客服人员', expect: [] },
  { text: 'Please send 3 copies of the form.', expect: [] },
  { text: '系统已升级至v2.1版本', expect: [] },
  { text: '股东持有占比30%的股份', expect: [] },
  { text: '营业收入增长率为15%', expect: [] },
  { text: '增值税税率为13%', expect: [] },
  { text: '申请人须年满18周岁', expect: [] },
  { text: 'You must be at least 13 years old to use the Service.', expect: [] },
  { text: 'We do not knowingly collect data from children under 16 years of age.', expect: [] },
  { text: '处三年以下有期徒刑或者拘役', expect: [] },
  { text: '活动时间为6月1日', expect: [] },
  { text: '每月15日前提交报表', expect: [] },
  { text: '客户可享受7天无理由退货', expect: [] },
  { text: '我们的团队拥有10年的行业经验', expect: [] },
  { text: '第3个工作日', expect: [] },
  { text: '统一天气预报', expect: [] },
  { text: 'This cookie expires after one year.', expect: [] },
  { text: '2023年度客户服务报告', expect: [] },
  { text: '会员可享受8折优惠', expect: [] },
  { text: 'Save 20% on annual plans.', expect: [] },
  { text: '每位客服每天处理约120个工单', expect: [] },
  { text: 'ISO 9001:2015 认证', expect: [] },
  { text: '我们将尽快处理您的投诉', expect: [] },
  { text: '二〇二三年十二月', expect: [] },
];

// Who promises what, and the scope a reader sees: patterns from real documents (../shared/realdocs),
// each written afresh here. Positive and negative rows, in both languages.
const SCOPE_AND_SPEAKER: Row[] = [
  // Scope named in the document's own words.
  { text: 'For issues that impact provisioning services: within two business days.', expect: [{ value: v(2), unit: 'business-day', comparator: 'at-most', conditions: ['case:impact-provisioning'] }] },
  { text: '对于需要现场排查的故障，工程师将在4小时内到达。', expect: [{ metric: 'arrival', value: v(4), conditions: ['case:需要现场排查的故障'] }] },
  // An "if" clause that names a channel names a case only when it says more than how the customer gets in touch.
  { text: 'If your call joins a queue, we answer within 60 seconds.', expect: [{ channel: 'phone', metric: 'answer', value: v(60), conditions: ['case:call-joins-queue'] }] },
  { text: 'If you call us, we answer within 20 seconds.', expect: [{ channel: 'phone', metric: 'answer', value: v(20), conditions: [] }] },
  { text: 'If you contact us on a published email address, we reply within 2 days.', expect: [{ channel: 'email', metric: 'reply', value: v(2), conditions: [] }] },
  { text: 'For urgent issues our response time is 4 hours and all other issues is 8 hours.', expect: [
    { metric: 'first-response', conditions: ['urgent'], value: v(4), comparator: 'at-most' },
    { metric: 'first-response', conditions: ['other'], value: v(8), comparator: 'at-most' },
  ] },
  { text: 'P1: first response in 4 hours (Basic) or 1 hour (Premium).', expect: [
    { metric: 'first-response', conditions: ['basic', 'urgent'], value: v(4) },
    { metric: 'first-response', conditions: ['premium', 'urgent'], value: v(1) },
  ] },
  { text: '紧急工单：2小时（标准版）或30分钟（企业版）内响应。', expect: [
    { metric: 'first-response', conditions: ['standard', 'urgent'], value: v(2) },
    { metric: 'first-response', conditions: ['enterprise', 'urgent'], value: v(30) },
  ] },
  { text: 'Weekend support for P1 issues is a 4-hour response SLA.', expect: [{ metric: 'first-response', conditions: ['urgent', 'weekend'], value: v(4) }] },
  { text: 'Emails received outside of office hours will be prioritized the next business day.', expect: [
    { channel: 'email', conditions: ['out-of-hours'], value: v(1), unit: 'business-day', comparator: 'at-most' },
  ] },
  { text: 'If a feature will no longer be available, we will notify clients 2 months in advance.', expect: [
    { metric: 'notify', comparator: 'at-least', value: v(2), unit: 'month', conditions: ['case:feature-no-longer-available'] },
  ] },
  { text: 'In a quarter, scheduled downtime won\'t exceed 10 hours.', expect: [{ conditions: ['maintenance'], value: v(10), comparator: 'at-most' }] },
  { text: '95% of critical priority requests are solved in 2h.', expect: [{ metric: 'resolve', conditions: ['share:95-percent', 'urgent'], value: v(2), unit: 'hour', comparator: 'at-most' }] },
  { text: 'Response time: Priority 1hr, Normal 2 business days', expect: [
    { metric: 'first-response', value: v(1), unit: 'hour' },
    { metric: 'first-response', value: v(2), unit: 'business-day' },
  ] },
  { text: 'promising to acknowledge\nand engage within a dedicated timeframe of 10 working days.', expect: [
    { metric: 'acknowledge', value: v(10), unit: 'business-day', comparator: 'at-most' },
  ] },
  { text: 'Data durability of 99.999999999% is designed for.', expect: [{ metric: 'durability', value: v(99.999999999), comparator: 'at-least' }] },
  { text: 'Support hours: Mon–Fri 9:00--17:00 CET.', expect: [{ metric: 'service-hours', canonical: 'mon-fri 09:00-17:00' }] },
  { text: 'In no case will a P1 take longer than 12 hours to resolve.', expect: [{ metric: 'resolve', value: v(12), unit: 'hour', comparator: 'at-most', conditions: ['urgent'] }] },
  { text: 'P1 incidents are resolved in no case longer than 12 hours.', expect: [{ metric: 'resolve', value: v(12), comparator: 'at-most', conditions: ['urgent'] }] },
  // Business minutes are their own clock, like business hours.
  { text: 'Urgent tickets receive a first reply within 30 working minutes.', expect: [{ metric: 'first-response', value: v(30), unit: 'business-minute', clock: 'business', normalized: 30 }] },
  { text: '紧急工单30个工作分钟内响应。', expect: [{ metric: 'first-response', value: v(30), unit: 'business-minute', clock: 'business' }] },
  // Not the organisation's promise: the customer's side, remedies, quoted third parties, conditions, staff budgets.
  { text: 'They will be closed after 10 days, if there is no response from the client.', expect: [] },
  { text: '用户须提前15日书面通知本公司。', expect: [] },
  { text: '客户应在收到通知后3个工作日内回复确认。', expect: [] },
  { text: 'Credit requests must be submitted within 45 days of the incident.', expect: [] },
  { text: '积分申请必须在未达标季度结束后的30天内提出。', expect: [] },
  { text: '我们保证至少在 99.9% 的时间内都可用。', expect: [{ metric: 'availability', value: v(99.9), comparator: 'at-least' }] },
  // A list of channels cut by its commas into clauses is still one list, before or after the value.
  { text: 'If you contact us by letter, fax or email we will reply within 20 working days.', expect: [
    { channel: 'letter', metric: 'reply', value: v(20) },
    { channel: 'email', metric: 'reply', value: v(20) },
  ] },
  { text: 'We send a full reply within 20 working days of receiving your letter, fax or email.', expect: [
    { channel: 'letter', metric: 'reply', value: v(20) },
    { channel: 'email', metric: 'reply', value: v(20) },
  ] },
  { text: 'By phone, within 2 hours by email.', expect: [{ channel: 'email', value: v(2) }] },
  // Paired lists read in step: a response in 1 hour and a restoration in 4, not both in each.
  { text: '响应/恢复时间：1小时/4小时', expect: [{ metric: 'first-response', value: v(1) }, { metric: 'resolve', value: v(4) }] },
  { text: 'Response/resolution time: 1 hour/4 hours', expect: [{ metric: 'first-response', value: v(1) }, { metric: 'resolve', value: v(4) }] },
  { text: '我们承诺正常运行时间不低于99.9%。', expect: [{ metric: 'availability', value: v(99.9), comparator: 'at-least' }] },
  // One target on two clocks: two values, not a range from three to fifteen seconds.
  { text: '热线电话响铃三声或15秒内接听。', expect: [{ metric: 'answer', value: v(3), unit: 'ring' }, { metric: 'answer', value: v(15), unit: 'second' }] },
  { text: '热线电话1小时至2小时内回电。', expect: [{ metric: 'reply', value: { min: 1, max: 2 }, unit: 'hour' }] },
  { text: 'If needed, we will call you back within 2 working days.', expect: [{ metric: 'reply', value: v(2), unit: 'business-day' }] },
  // A generic rate is a rate of what the clause names before it, or of the clause before it.
  { text: '出厂水质综合合格率≥98.5%，管网水质合格率≥98.5%。', expect: [
    { metric: 'quality', value: v(98.5), conditions: ['case:出厂水质综合'] },
    { metric: 'quality', value: v(98.5), conditions: ['case:管网水质'] },
  ] },
  { text: '城市管网平均压力≥0.14MPa，合格率≥99%。', expect: [{ metric: 'quality', value: v(99), conditions: ['case:城市管网平均压力', 'urban'] }] },
  // A time after a rate is not the rate's; 无特殊情况 is the normal case; an elliptical clause's subject is its case.
  { text: '工程一次验收合格率99.999%，两年内因施工质量造成的质量问题由责任单位免费维修。', expect: [
    { metric: 'quality', value: v(99.999), conditions: ['case:工程一次验收'] },
    { metric: undefined, value: v(2), unit: 'year' },
  ] },
  { text: '接到报漏后，维修人员60分钟内到达现场，无特殊情况，小修不超过24小时，大修不超过48小时。', expect: [
    { metric: 'arrival', value: v(60), conditions: [] },
    { value: v(24), conditions: ['case:小修'] },
    { value: v(48), conditions: ['case:大修'] },
  ] },
  { text: '投诉应当在60日内答复，期限届满不得延长。', expect: [{ metric: 'reply', value: v(60), conditions: [] }] },
  // A negated wait is a limit, not a trigger; "for longer than" is a duration.
  { text: 'We will make sure you don\'t wait longer than 5 minutes if you have an appointment.', expect: [{ value: v(5), unit: 'minute', comparator: 'at-most' }] },
  { text: 'We will not keep you waiting more than five minutes at reception.', expect: [{ value: v(5), unit: 'minute', comparator: 'at-most' }] },
  { text: 'Processing has been suspended for longer than one month.', expect: [] },
  { text: 'We will ensure that less than 10% of our calls are abandoned.', expect: [{ metric: 'abandonment', value: v(10), comparator: 'at-most' }] },
  // A preposition before the value names no case of a generic "complete".
  { text: '识别高危漏洞，在1~3天内完成修复。', expect: [{ metric: 'resolve', value: v(1, 3), conditions: [] }] },
  // After an acknowledgement, a response is the reply; so is a "full response" on its own.
  { text: 'We will acknowledge reports within 24 hours and provide a response to the report within 48 hours.', expect: [
    { metric: 'acknowledge', value: v(24) },
    { metric: 'reply', value: v(48) },
  ] },
  { text: 'Make sure that a full response is provided within 10 working days.', expect: [{ metric: 'reply', value: v(10) }] },
  { text: 'We will respond within 4 hours and resolve the issue within 2 days.', expect: [{ metric: 'first-response', value: v(4) }, { metric: 'resolve', value: v(2) }] },
  // A list of subjects and values after a lead-in: each subject is its value's case.
  { text: '供电抢修人员到达现场的平均时间一般为：城区范围45分钟，农村地区90分钟，特殊边远地区2小时。', expect: [
    { metric: 'arrival', value: v(45), conditions: ['urban'] },
    { metric: 'arrival', value: v(90), conditions: ['rural'] },
    { metric: 'arrival', value: v(2), conditions: ['remote'] },
  ] },
  // Regions: known ones from the table, and an area the clause opens with; each sentence after a semicolon names its own.
  { text: '城市电网平均供电可靠率达到99.9%，居民客户端平均电压合格率达到98.5%；农村电网平均供电可靠率达到99.8%，居民客户端平均电压合格率达到97.5%。', expect: [
    { metric: 'availability', value: v(99.9), conditions: ['urban'] },
    { metric: 'quality', value: v(98.5), conditions: ['case:居民客户端平均电压', 'urban'] },
    { metric: 'availability', value: v(99.8), conditions: ['rural'] },
    { metric: 'quality', value: v(97.5), conditions: ['case:居民客户端平均电压', 'rural'] },
  ] },
  { text: 'In rural areas we will arrive within 4 hours.', expect: [{ metric: 'arrival', value: v(4), conditions: ['rural'] }] },
  { text: '北京、天津周边区域,我们承诺2小时内到达现场。', expect: [{ metric: 'arrival', value: v(2), conditions: ['region:北京-天津周边区域'] }] },
  { text: '华东片区范围内的用户(包括江苏北部、安徽)承诺24小时内到达现场。', expect: [{ metric: 'arrival', value: v(24), conditions: ['region:华东片区范围内'] }] },
  // A case a block opens with before a colon scopes all its sentences.
  { text: '对于签订合约的客户：北京周边区域，承诺2小时内到达现场。全国其他地区用户，承诺24小时内到达现场。', expect: [
    { metric: 'arrival', value: v(2), conditions: ['case:签订合约的客户', 'region:北京周边区域'] },
    { metric: 'arrival', value: v(24), conditions: ['case:签订合约的客户', 'region:全国其他地区'] },
  ] },
  { text: 'For Enterprise customers: we respond within 1 hour. We resolve issues within 4 hours.', expect: [
    { metric: 'first-response', value: v(1), conditions: ['enterprise'] },
    { metric: 'resolve', value: v(4), conditions: ['enterprise'] },
  ] },
  // What 完成 takes as its object is the service; a word of a table in it (投诉, 处理) is not.
  { text: '自客户报装并交款之日起，7个自然日内完成户内管线安装。', expect: [{ metric: 'resolve', value: v(7), conditions: ['case:户内管线安装'] }] },
  { text: '在3个自然日内完成置换通气。', expect: [{ metric: 'resolve', value: v(3), conditions: ['case:置换通气'] }] },
  { text: '5个工作日内完成投诉处理。', expect: [{ channel: 'complaint', metric: 'resolve', value: v(5), conditions: [] }] },
  // "This figure" is the rate the sentence before defined; 即 restates it as its complement, one promise (a real SLA's
  // annotation counts only the 99.99%).
  { text: '服务不可用率为错误请求数占总请求数的比例。该数字平均低于0.01%，即整体服务可用性应达到99.99%以上。', expect: [
    { metric: 'availability', value: v(99.99), comparator: 'at-least' },
  ] },
  { text: '服务不可用率为错误请求数占总请求数的比例。该数字平均低于0.01%。', expect: [{ metric: 'downtime', value: v(0.01), comparator: 'at-most' }] },
  // A verb after the last value of the clause before leads to the next value, across a list of channels.
  { text: 'send an acknowledgement within 2 working days and a response in full to your email, fax or web form within 5 working days of receiving it.', expect: [
    { channel: 'email', metric: 'acknowledge', value: v(2) },
    { channel: 'ticket', metric: 'acknowledge', value: v(2) },
    { channel: 'email', metric: 'reply', value: v(5) },
    { channel: 'ticket', metric: 'reply', value: v(5) },
  ] },
  // "within N days of <event>": the event starts the clock; it is not the promise.
  { text: 'A full written response will be sent to the customer within 10 working days of the complaint being acknowledged.', expect: [{ metric: 'reply', value: v(10) }] },
  { text: 'An acknowledgement will be sent to the customer within 5 working days of their request to escalate.', expect: [{ metric: 'acknowledge', value: v(5) }] },
  { text: 'Registered within 1 hour, feedback within 5 business days', expect: [{ metric: 'acknowledge', value: v(1) }, { metric: 'first-response', value: v(5) }] },
  // What an enquiry is about is its case; a later value of the sentence has its own.
  { text: 'We’ll respond to any contacts about accounts, bills and payments within 5 working days.', expect: [{ value: v(5), conditions: ['case:accounts-bills-payments'] }] },
  { text: 'We answer questions about your account within 2 days and resolve complaints within 10 days.', expect: [
    { value: v(2), conditions: ['case:account'] },
    { metric: 'resolve', value: v(10), conditions: [] },
  ] },
  // A Chinese numeral restated in Arabic figures in brackets is one value.
  { text: '我们将在两个 (2) 工作日内确认收到您的投诉。', expect: [{ channel: 'complaint', metric: 'acknowledge', value: v(2), unit: 'business-day' }] },
  { text: '在七个（7）工作日内答复。', expect: [{ metric: 'reply', value: v(7), unit: 'business-day' }] },
  // The verb after the last value serves a list of labels and values; 二环线 is a ring road, not two rings.
  { text: '市区二环线以内45分钟,二环线以外90分钟赶到现场实施抢修。', expect: [
    { metric: 'arrival', value: v(45), conditions: ['urban'] },
    { metric: 'arrival', value: v(90), conditions: ['case:二环线以外', 'urban'] },
  ] },
  { text: '响铃三环内接听。', expect: [{ metric: 'answer', value: v(3), unit: 'ring' }] },
  // The customer's deadline to complain to an ombudsman is no promise.
  { text: '所有投诉必须在向公司提出投诉的十二 (12) 个月内提交给调解机构。', expect: [] },
  { text: '投诉须在5个工作日内处理完毕。', expect: [{ channel: 'complaint', metric: 'resolve', value: v(5) }] },
  // 分别: each listed case takes the value in its place.
  { text: '紧急、重要、一般故障分别在2小时、4小时、8小时内响应。', expect: [
    { value: v(2), conditions: ['urgent'] },
    { value: v(4), conditions: ['case:重要'] },
    { value: v(8), conditions: ['general'] },
  ] },
  { text: '一般、较大、重大投诉分别在5个工作日、10个工作日、15个工作日内办结。', expect: [
    { channel: 'complaint', value: v(5), conditions: ['general'] },
    { channel: 'complaint', value: v(10), conditions: ['case:较大'] },
    { channel: 'complaint', value: v(15), conditions: ['major'] },
  ] },
  // A unit written once for a list of numbers is each number's.
  { text: '一般投诉、较大投诉、重大投诉分别在6个、22个、32个工作日内办结。', expect: [
    { channel: 'complaint', value: v(6), unit: 'business-day', conditions: ['general'] },
    { channel: 'complaint', value: v(22), unit: 'business-day', conditions: ['case:较大投诉'] },
    { channel: 'complaint', value: v(32), unit: 'business-day', conditions: ['major'] },
  ] },
  // Two items the table reads as one case (较复杂, 复杂) are told apart by their own words.
  { text: '对一般、较复杂、复杂的咨询，分别于1、3、5个工作日内答复。', expect: [
    { metric: 'reply', value: v(1), unit: 'business-day', conditions: ['general'] },
    { metric: 'reply', value: v(3), unit: 'business-day', conditions: ['case:较复杂'] },
    { metric: 'reply', value: v(5), unit: 'business-day', conditions: ['case:复杂的咨询'] },
  ] },
  // Respective values whose cases cannot be told apart are still each their own case.
  { text: '低压非居民客户,以及高压单电源客户、高压双电源客户的报装办理时间分别不超过6个、22个和32个工作日。', expect: [
    { value: v(6), unit: 'business-day', conditions: ['case:item-1'] },
    { value: v(22), unit: 'business-day', conditions: ['case:item-2'] },
    { value: v(32), unit: 'business-day', conditions: ['case:item-3'] },
  ] },
  // A number that opens a line is the item's marker, and one after 第 an ordinal: neither is a value.
  { text: '1、3个工作日内答复客户。', expect: [{ metric: 'reply', value: v(3), valueText: '3个工作日' }] },
  { text: '在第1、2个工作日内答复客户。', expect: [{ metric: 'reply', value: v(2) }] },
  // "Lower priority" after a sentence about Priority 1 is the rest of the scale, not P1 carried over.
  { text: 'This service is only intended for Priority 1 outages. Fixes for lower priority outages will be addressed the next business day.', expect: [
    { metric: 'resolve', value: v(1), unit: 'business-day', conditions: ['non-urgent'] },
  ] },
  // The remedy for a missed promise, in the promise's last clause, leaves the promise standing and promises nothing itself.
  { text: '我们承诺16时以后受理的工单24小时内装通(修复),逾期未实现的给予服务补偿。', expect: [{ metric: 'resolve', value: v(24), unit: 'hour' }] },
  { text: '故障24小时内修复，逾期未修复的按每天10元补偿，不足1天按1天计算。', expect: [{ metric: 'resolve', value: v(24), unit: 'hour' }] },
  { text: 'We will repair the fault within 2 working days, otherwise we will pay you £20.', expect: [{ metric: 'resolve', value: v(2), unit: 'business-day' }] },
  { text: '逾期未修复的，按每天10元给予补偿，不足1天按1天计算。', expect: [] },
  { text: 'Faults are fixed within 2 working days.', expect: [{ metric: 'resolve', value: v(2) }] },
  { text: 'Fixed time: 60 days', expect: [{ metric: 'resolve', value: v(60) }] },
  // "fixed" that names no fix: a cookie's fixed expiration is no resolution.
  { text: 'Expiration: OPT_OUT: fixed expiration (year 2030/11/09); non-OPT_OUT: 13 months EEA UK 24 months elsewhere', expect: [] },
  // A size names a kind of thing (DN100口径以下管道), and a subject the clause names outweighs the block's label.
  { text: '漏点确诊定位后,DN100口径以下管道24小时内修复,DN100口径以上管道30小时内修复。', expect: [
    { metric: 'resolve', value: v(24), conditions: ['case:dn100口径以下管道'] },
    { metric: 'resolve', value: v(30), conditions: ['case:dn100口径以上管道'] },
  ] },
  { text: '管线维修:\n  供水热线接到报漏信息,市区二环线以内45分钟,二环线以外90分钟赶到现场实施抢修。', expect: [
    { metric: 'arrival', value: v(45), conditions: ['case:管线维修', 'urban'] },
    { metric: 'arrival', value: v(90), conditions: ['case:二环线以外', 'urban'] },
  ] },
  // A case the sentence names (若…的) stays; the clause's subject (工作人员) is who acts, not a case.
  { text: '一般情况的用户维修,若用户约定时间的,工作人员在约定时间前后不超过15分钟到达现场;若用户没有约定时间的,工作人员在30分钟内到达现场。', expect: [
    { metric: 'arrival', value: v(15) },
    { metric: 'arrival', value: v(30), conditions: ['case:用户没有约定时间的'] },
  ] },
  // What an uptime is of: a hosting SLA's network and server uptimes are two promises.
  { text: '100% Network Uptime — Guaranteed', expect: [{ metric: 'availability', value: v(100), conditions: ['case:network'] }] },
  { text: 'We offer a 99.9% uptime guarantee for all VPS services.', expect: [{ metric: 'availability', value: v(99.9), conditions: ['case:vps'] }] },
  { text: '网络可用性不低于99.9%，服务器可用性不低于99.5%。', expect: [
    { metric: 'availability', value: v(99.9), conditions: ['case:网络'] },
    { metric: 'availability', value: v(99.5), conditions: ['case:服务器'] },
  ] },
  // Standard and extended support hours are two regimes.
  { text: 'During standard support hours, the response time will normally be within 2 hours and the repair time will normally be within 4 hours.', expect: [
    { metric: 'first-response', value: v(2), conditions: ['workday'] },
    { metric: 'resolve', value: v(4), conditions: ['workday'] },
  ] },
  { text: 'During extended support hours the response time will normally be within 2 hours and the repair time will be within 8 hours.', expect: [
    { metric: 'first-response', value: v(2), conditions: ['out-of-hours'] },
    { metric: 'resolve', value: v(8), conditions: ['out-of-hours'] },
  ] },
  // The kind of fault a clause opens with is its case; a kind the tables know is their condition.
  { text: '管道燃气泄漏接报后1小时内到达现场处理。', expect: [{ metric: 'arrival', value: v(1), conditions: ['case:管道燃气泄漏'] }] },
  { text: '管道燃气用户室内故障4小时内到达,查清故障,修复解决。', expect: [{ metric: 'arrival', value: v(4), conditions: ['case:燃气用户室内故障'] }] },
  { text: '紧急故障2小时内到达现场。', expect: [{ metric: 'arrival', value: v(2), conditions: ['urgent'] }] },
  // How long an activity lasts (测试15分钟) is no deadline; 首次沟通 is the first response.
  { text: '15 分钟内与投诉人首次沟通,1 小时内给出初步反馈。', expect: [
    { channel: 'complaint', metric: 'first-response', value: v(15) },
    { channel: 'complaint', metric: 'reply', value: v(1) },
  ] },
  { text: '2 小时内到现场,当场完成维修并测试 15 分钟。', expect: [{ metric: 'arrival', value: v(2) }] },
  // Questions answered are a reply, not a call picked up; a complaint dealt with is a resolution.
  { text: 'Answer questions submitted through the website within 5 working days', expect: [{ metric: 'reply', value: v(5), channel: undefined }] },
  { text: 'Questions are answered within 2 days.', expect: [{ metric: 'reply', value: v(2) }] },
  { text: 'We will deal with your complaint within 10 working days.', expect: [{ channel: 'complaint', metric: 'resolve', value: v(10) }] },
  // A modal before the fault word says when the clock starts, not what kind of fault.
  { text: '必须在事故发生后二十四小时内向当地港务监督提交报告。', expect: [{ value: v(24), conditions: [] }] },
  // What may take longer, when the customer may go to an ombudsman, and the customer's return window are no promises.
  { text: 'If your complaint needs more investigation, it may take a little longer than 10 working days.', expect: [] },
  { text: 'Please note some banks may take longer than 5 working days to process the refund.', expect: [] },
  { text: 'If steps 1 and 2 have been followed and you’re still unhappy, and we have sent you a deadlock letter, or eight weeks have passed since we have received your complaint without a final response, you can go to the Ombudsman.', expect: [] },
  { text: 'Returns are accepted within 30 days of the reception of the goods.', expect: [] },
  { text: 'We will send you our final response within eight weeks.', expect: [{ metric: 'reply', value: v(8), unit: 'week' }] },
  // A share of the time is availability, whatever the service then does in it.
  { text: '对于 IoT 中心，我们保证在 99.9% 的时间里，已部署的 IoT 中心能够向已注册的设备发送信息。', expect: [{ metric: 'availability', value: v(99.9), comparator: 'at-least' }] },
  { text: '我们保证至少在 99.9% 的时间 CDN 将响应客户端请求并交付请求的内容。', expect: [{ metric: 'availability', value: v(99.9) }] },
  { text: '实行24小时待命制。', expect: [{ metric: 'service-hours', canonical: '24x7' }] },
  // A community forum is a channel of its own; GitHub Issues is the ticket queue.
  { text: 'Community forum: we aim to reply within 2 business days.', expect: [{ channel: 'forum', metric: 'reply', value: v(2) }] },
  { text: 'GitHub Discussions response time: 24 hours', expect: [{ channel: 'forum', value: v(24) }] },
  { text: 'GitHub Issues response time: 24-48 hours', expect: [{ channel: 'ticket', value: v(24, 48) }] },
  { text: '技术社区提问将在2个工作日内答复。', expect: [{ channel: 'forum', metric: 'reply', value: v(2) }] },
  // A line that ends in a comma goes on below; a numbered item below starts afresh.
  { text: '简单问题投诉三个工作日处理完毕,\n     复杂问题七个工作日处理完毕。', expect: [
    { channel: 'complaint', value: v(3), conditions: ['simple'] },
    { channel: 'complaint', value: v(7), conditions: ['complex'] },
  ] },
  { text: '1、投诉24小时内回复，\n2、邮件48小时内回复。', expect: [{ channel: 'complaint', value: v(24) }, { channel: 'email', value: v(48) }] },
  // A repair's first appointment is the visit; its completion the resolution.
  { text: 'First appointment within 3 working days and completion within 7 working days if a follow on appointment is required', expect: [
    { metric: 'arrival', value: v(3) },
    { metric: 'resolve', value: v(7) },
  ] },
  { text: 'Please visit our website within 3 days.', expect: [{ metric: undefined, value: v(3) }] },
  // A payment for a missed standard is a remedy; a refund is a promise.
  { text: "If we haven't made the payment to you within 10 working days, we'll automatically pay you an additional £20.", expect: [] },
  { text: 'We will refund you within 14 days.', expect: [{ metric: 'refund', value: v(14) }] },
  // A planned outage is planned maintenance: its notice and its restoration are that case's.
  { text: '计划停气提前48小时通知用户，并在12小时内恢复供气。', expect: [
    { metric: 'notify', value: v(48), comparator: 'at-least', conditions: ['maintenance'] },
    { metric: 'resolve', value: v(12), conditions: ['maintenance'] },
  ] },
  { text: '办理时间为一个工作日，最多不超过三个工作日。', expect: [{ value: v(1), conditions: [] }, { value: v(3), conditions: [] }] },
  { text: 'We will respond to all stage 2 complaints within 30 working days.', expect: [{ channel: 'complaint', value: v(30), conditions: ['case:stage-2'] }] },
  // A share's target is not the ceiling for all.
  { text: 'Try to answer as many calls as possible within five rings.', expect: [{ metric: 'answer', value: v(5), conditions: ['most'] }] },
  { text: '城市电网平均供电可靠率达到99.9%。', expect: [{ metric: 'availability', value: v(99.9) }] },
  { text: 'We will make sure you do not have to wait for more than 30 minutes to be seen.', expect: [{ value: v(30), comparator: 'at-most' }] },
  { text: 'Where it will take longer than one working day to provide a full response, we will acknowledge your letter.', expect: [] },
  // When the clock starts is no case: the clause before names the service.
  { text: '用户申请管道燃气开通装表业务，在办妥手续后7-15个工作日内完成。', expect: [{ value: v(7, 15), conditions: ['case:用户申请管道燃气开通装表业务'] }] },
  { text: '服务可靠性 99.1%，即每年（365 天）有不超过 3 天的累积服务中断时间。', expect: [{ metric: 'availability', value: v(99.1) }, { value: v(3), unit: 'day', comparator: 'at-most' }] },
  { text: 'We answer all calls received and respond to voicemails within 1 working day.', expect: [{ channel: 'phone', value: v(1) }] },
  // Verbs and values seen in real pages.
  // "The same day", 当天答复: a deadline of no whole day; 当日 before a time of day or 有效, and 次日起计算, are none.
  { text: 'We will respond to urgent repairs the same day.', expect: [{ value: v(0), unit: 'day', comparator: 'at-most' }] },
  { text: '认真接待用户投诉，一般情况当天答复，特殊情况3天内答复。', expect: [{ metric: 'reply', value: v(0), unit: 'day', comparator: 'at-most' }, { metric: 'reply', value: v(3) }] },
  { text: '客户来电，当天回复。', expect: [{ channel: 'phone', metric: 'reply', value: v(0), unit: 'day' }] },
  { text: '受理当日即予答复。', expect: [{ metric: 'reply', value: v(0) }] },
  { text: '户内支管维修应在当日完成。', expect: [{ metric: 'resolve', value: v(0) }] },
  { text: '本优惠券当日有效。', expect: [] },
  { text: '如遇节假日，次日处理。', expect: [{ metric: 'resolve', value: v(1), unit: 'day', conditions: ['holiday'] }] },
  { text: '办结时限以工作日为单位，从收到相关材料的次日起计算。', expect: [] },
  { text: '则从下一个工作日9:00开始计时。', expect: [] },
  // A fund's trading day (交易日) and a public body's "core" hours are its business clock.
  { text: '对于交易日受理的投诉，原则上当日回复，不能当日回复的，在3个交易日内回复跟踪情况。', expect: [
    { channel: 'complaint', metric: 'reply', value: v(0), conditions: ['workday'], strength: 'aim' },
    { channel: 'complaint', metric: 'reply', value: v(3), unit: 'business-day', conditions: ['case:不能当日回复', 'workday'], strength: 'binding' },
  ] },
  { text: '对于非交易日受理的投诉，原则上在顺延的第一个交易日回复。', expect: [{ metric: 'reply', value: v(1), unit: 'business-day', conditions: ['non-workday'] }] },
  { text: 'Response / Acknowledgement Time: 2 Core Hours; Resolution: 3 Core Days.', expect: [{ value: v(2), unit: 'business-hour' }, { value: v(3), unit: 'business-day' }] },
  // A line that opens with the words of a case and ends in a colon heads the lines after it, to the next such line.
  { text: '16 遇有食水供应突然中断:\n(a) 屋邨管理人员会在接报后15分钟内到场处理;\n(b) 维修人员会在1小时内到场维修;\n17 遇有冲厕水供应突然中断:\n(b) 维修人员会在2小时内到场维修;', expect: [
    { value: v(15), conditions: ['case:食水供应突然中断'] }, { metric: 'arrival', value: v(1), conditions: ['case:食水供应突然中断'] }, { metric: 'arrival', value: v(2), conditions: ['case:冲厕水供应突然中断'] },
  ] },
  { text: 'Note:\nWe respond within 1 hour.', expect: [{ metric: 'first-response', value: v(1), conditions: [] }] },
  { text: '如遇重大节假日：\n我们24小时内回复。', expect: [{ metric: 'reply', value: v(24), conditions: ['holiday', 'major'] }] },
  // A conditional clause (…的，) names the case of the promise after it.
  { text: '种植业保险发生全部损失的，在接到报案后10日内完成损失核定；发生部分损失的，在接到报案后20日内完成损失核定。', expect: [
    { value: v(10), conditions: ['case:种植业保险发生全部损失'] }, { value: v(20), conditions: ['case:发生部分损失'] },
  ] },
  { text: '用户没有约定时间的，工作人员在30分钟内到达。', expect: [{ metric: 'arrival', value: v(30), conditions: ['case:用户没有约定时间'] }] },
  { text: '情况复杂的，15个工作日内办结。', expect: [{ metric: 'resolve', value: v(15), conditions: ['complex'] }] },
  // 告知客户需要调查核实: what the customer is told, not the customer's duty.
  { text: '不能现场答复客户的，应告知客户需要调查核实后再答复客户，并在两个工作日内到相关部门调查核实。', expect: [{ metric: 'investigate', value: v(2), unit: 'business-day' }] },
  { text: '客户需要在两个工作日内提交材料。', expect: [] },
  // 2009-11-18日 is a date, not eleven to eighteen days.
  { text: '这里特别向您提示：从2009-11-18日起，您收货时务必现场“先验货后签收”(当您收到上品折扣网发来的货品时)。', expect: [] },
  // Taiwan's labs write 抱怨 for a complaint.
  { text: '抱怨案受理後三十個工作日內完成調查為原則。', expect: [{ channel: 'complaint', metric: 'investigate', value: v(30), strength: 'aim' }] },
  // A hedge that ends the value's clause qualifies it; one that goes on to another action does not.
  { text: 'We reply to complaints within 10 working days normally.', expect: [{ metric: 'reply', value: v(10), strength: 'aim' }] },
  { text: 'We contact clients with 3 days notice and try to agree a time.', expect: [{ value: v(3), strength: 'binding' }] },
  // Hong Kong writes 工作天 for 工作日.
  { text: '可于投寄后两个工作天内派达。', expect: [{ value: v(2), unit: 'business-day' }] },
  { text: '投寄当日或下一个工作天发送。', expect: [{ value: v(1), unit: 'business-day' }] },
  // The hour a request comes in by is the time the promise is for: before and after it are two promises.
  { text: '16点前受理的装机工单，当天提供上门服务；16点后受理的，24小时内提供上门服务。', expect: [
    { metric: 'arrival', value: v(0), conditions: ['time:before-1600'] }, { metric: 'arrival', value: v(24), conditions: ['time:after-1600'] },
  ] },
  { text: '我们承诺当日16时前受理并正式录入系统的工单当日修复，16时以后受理的24小时内修复。', expect: [
    { metric: 'resolve', value: v(0), conditions: ['time:before-1600'] }, { metric: 'resolve', value: v(24), conditions: ['time:after-1600'] },
  ] },
  { text: 'Voicemails received before noon get a reply the same business day; voicemails received after 3pm get a reply the next business day.', expect: [
    { metric: 'reply', value: v(0), unit: 'business-day', conditions: ['time:before-1200'] }, { metric: 'reply', value: v(1), unit: 'business-day', conditions: ['time:after-1500'] },
  ] },
  { text: '接到报修后3天内到现场处理。', expect: [{ metric: 'arrival', value: v(3) }] },
  { text: 'P1: response within 4 business hours, mitigation within 1 business day.', expect: [{ metric: 'first-response', value: v(4) }, { metric: 'resolve', value: v(1) }] },
  { text: 'We will return voicemail messages within one business day.', expect: [{ channel: 'phone', metric: 'reply', value: v(1) }] },
  { text: '月度服务不可用率低于0.01%。', expect: [{ metric: 'downtime', value: v(0.01) }] },
  // An extension's length is not a deadline; the total after it is.
  { text: '应当自发现之日起十五个工作日内予以核查。特殊情况下，核查时限可以延长十五个工作日。', expect: [{ metric: 'investigate', value: v(15) }] },
  { text: '情况复杂的，可以适当延长办理期限，但延长期限不得超过30日。', expect: [] },
  { text: 'This may be extended by 10 working days.', expect: [] },
  { text: '经批准后可延长办理，延长后的总时限最长不超过15个工作日。', expect: [{ value: v(15), unit: 'business-day', comparator: 'at-most' }] },
  // A decision or an outcome is the resolution; a time "ago" is in the past.
  { text: 'We will give you our decision as soon as possible and normally within five working days.', expect: [{ metric: 'resolve', value: v(5), unit: 'business-day' }] },
  { text: 'We will tell you the outcome within 20 working days.', expect: [{ metric: 'resolve', value: v(20), unit: 'business-day' }] },
  { text: 'The ombudsman cannot look at events that happened more than a year ago.', expect: [] },
  // "escalated" before a noun names the case; the promise is the verb's.
  { text: 'We will acknowledge your escalated complaint within 5 working days.', expect: [{ channel: 'complaint', metric: 'acknowledge', value: v(5), comparator: 'at-most' }] },
  { text: 'Complaints not resolved within 10 working days are escalated to a manager.', expect: [{ channel: 'complaint', metric: 'escalation', value: v(10), comparator: 'trigger' }] },
  { text: '索赔请求应当在事故发生后30日内提交至客服邮箱。', expect: [] },
  // The organisation's own handling of a request is its promise.
  { text: '退款申请须在3个工作日内处理完毕。', expect: [{ metric: 'resolve', value: v(3), unit: 'business-day' }] },
  { text: 'You must notify us within 30 days of the end of the month.', expect: [] },
  { text: '根据《消费者权益保护法》第二十五条，经营者应当自收到退回商品之日起七日内返还消费者支付的商品价款。', expect: [] },
  { text: 'Customers should receive a reply within 2 business days.', expect: [{ metric: 'reply', value: v(2), unit: 'business-day' }] },
  { text: '根据《消费者权益保护法》，本公司承诺7日内办理退款。', expect: [{ metric: 'refund', value: v(7), unit: 'day' }] },
  { text: 'We automatically close issues for which we do not get responses to our questions within 3 weeks.', expect: [] },
  { text: '如果你对行动请求没有响应，我们将在48小时内关闭支持请求。', expect: [] },
  { text: 'Amazon promises 99.9% uptime as per their SLA.', expect: [] },
  { text: 'For every 15 minutes exceeding the objective, 1 day will be added to the current term.', expect: [] },
  { text: '月度可用性低于99.9%但不低于99.5%的，赔偿月费的15%。', expect: [] },
  { text: 'If someone is asking for help that will be quick to do (less than 15 mins) then keep it in the channel.', expect: [] },
  { text: '如果请求已解决少于 24 小时，你将看到重新激活的选项。', expect: [] },
  { text: 'On-call engineers will work on those incidents for up to 1 hour.', expect: [] },
  { text: '每个团队成员每个工作日最多花费半小时对新问题进行分类。', expect: [] },
  { text: 'Each team member spends up to 30 minutes a day on triage.', expect: [] },
  { text: '你随时都可以使用该门户查看过去六个月内的所有请求。', expect: [] },
  // Service hours in the forms real pages use.
  { text: 'Saturday-Sunday 24x7', expect: [{ metric: 'service-hours', canonical: 'sat-sun 00:00-24:00' }] },
  { text: 'Support Availability: 24x5 (Monday - Friday)', expect: [{ metric: 'service-hours', canonical: 'mon-fri 00:00-24:00' }] },
  // Hours first, days second: eight hours a day, five days a week.
  { text: 'Standard plan: 8x5 Business Hours', expect: [{ metric: 'service-hours', canonical: 'mon-fri 8h' }] },
  { text: '在线客服12×7小时服务', expect: [{ metric: 'service-hours', channel: 'chat', canonical: 'mon-sun 12h' }] },
  { text: 'Availability: Mon-Fri, 9-5', expect: [{ metric: 'service-hours', canonical: 'mon-fri 09:00-17:00' }] },
  { text: 'A member of the support team will be available online from 9am and until 6pm.', expect: [{ metric: 'service-hours', canonical: '* 09:00-18:00' }] },
  { text: '管理员支持时间为每周一到星期五 24 小时。', expect: [{ metric: 'service-hours', canonical: 'mon-fri 00:00-24:00' }] },
];

const TABLE: Row[] = [...DOMAIN, ...ZH_NUMBERS, ...ZH_COMPARATORS, ...ZH_CHANNELS_METRICS, ...CONTEXT_AND_LISTS, ...PLACEHOLDERS, ...ENGLISH, ...SCHEDULES, ...NEGATIVES, ...SCOPE_AND_SPEAKER];

function project(c: Commitment): Record<string, unknown> {
  const { schedule, ...rest } = c;
  return schedule ? { ...rest, canonical: schedule.canonical } : rest;
}

describe('extractCommitments: phrase table', () => {
  it('has at least 150 phrases', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(150);
  });

  it.each(TABLE)('$text', ({ text, expect: expected }) => {
    const got = extractCommitments(text).map(project);
    expect(got).toHaveLength(expected.length);
    expected.forEach((e, i) => {
      const defined = Object.fromEntries(Object.entries(e).filter(([, x]) => x !== undefined));
      expect(got[i]).toMatchObject(defined);
      // A field listed as undefined must really be absent (a placeholder has no value).
      for (const [k, x] of Object.entries(e)) if (x === undefined) expect(got[i]![k]).toBeUndefined();
    });
  });
});

describe('extractCommitments: spans', () => {
  it('returns value and clause spans as offsets into the original text', () => {
    const text = '一、服务承诺。邮件咨询工作日１２小时内回复，节假日顺延。';
    const [c] = extractCommitments(text);
    expect(c).toBeDefined();
    expect(text.slice(c!.valueStart, c!.valueEnd)).toBe('１２小时');
    expect(c!.text).toBe('邮件咨询工作日１２小时内回复');
    expect(text.slice(c!.start, c!.end)).toBe(c!.text);
  });

  it('keeps offsets exact with surrogate pairs before the value', () => {
    const text = '𠀀𠀀 We reply within 2 days.';
    const [c] = extractCommitments(text);
    expect(text.slice(c!.valueStart, c!.valueEnd)).toBe('2 days');
  });

  it('finds every commitment in a multi-sentence block', () => {
    const text = '热线电话20秒内接通。邮件2小时内确认，24小时内回复。投诉5个工作日内办结。';
    const got = extractCommitments(text).map((c) => `${c.channel}.${c.metric}=${c.normalized}`);
    expect(got).toEqual(['phone.answer=20', 'email.acknowledge=7200', 'email.reply=86400', 'complaint.resolve=5']);
  });

  it('applies heading conditions only where the clause has none of that kind', () => {
    const got = extractCommitments('一般投诉5个工作日内办结，24小时内回访', { headingConditions: ['major', 'holiday'] });
    expect(got.map((c) => c.conditions)).toEqual([
      ['general', 'holiday'],
      ['general', 'holiday'],
    ]);
    const under = extractCommitments('24小时内启动调查', { headingConditions: ['major'], headingChannel: 'complaint' });
    expect(under[0]).toMatchObject({ channel: 'complaint', metric: 'investigate', conditions: ['major'] });
  });

  // Under a heading or lead-in that names the metric, a list of "label – value" items: the label is the case,
  // unless it is a priority (a known condition) or says nothing of a case (Target, 时限).
  it('reads a labelled value under a metric as the case its label names', () => {
    const under = { headingMetric: 'first-response', headingChannel: 'complaint' } as const;
    const read = (text: string) => extractCommitments(text, under).map((c) => ({ value: c.value, conditions: c.conditions }));
    expect(read('Stage 1 – 5 working days')).toEqual([{ value: v(5), conditions: ['case:stage-1'] }]);
    expect(read('Stage 2 – within 20 working days')).toEqual([{ value: v(20), conditions: ['case:stage-2'] }]);
    expect(read('第一阶段：5个工作日')).toEqual([{ value: v(5), conditions: ['case:第一阶段'] }]);
    expect(read('P1 - 4 hours')).toEqual([{ value: v(4), conditions: ['urgent'] }]);
    expect(read('Target: 10 working days')).toEqual([{ value: v(10), conditions: [] }]);
    expect(read('时限：5个工作日')).toEqual([{ value: v(5), conditions: [] }]);
    // Without a metric above it, a labelled number promises nothing.
    expect(extractCommitments('Stage 1 – 5 working days')).toEqual([]);
    // A range is still a range.
    expect(read('1 - 5 working days')).toEqual([{ value: v(1, 5), conditions: [] }]);
  });

  it('reads the US spelling of acknowledgement as the metric', () => {
    expect(extractCommitments('Acknowledgment: within 5 business days')).toMatchObject([{ metric: 'acknowledge', value: v(5) }]);
  });

  it('reads a table cell that is only a value', () => {
    expect(extractCommitments('2小时内')).toMatchObject([{ value: v(2), unit: 'hour', comparator: 'at-most' }]);
    expect(extractCommitments('20秒')).toMatchObject([{ value: v(20), unit: 'second' }]);
  });
});
