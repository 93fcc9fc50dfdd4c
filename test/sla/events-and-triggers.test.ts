// Phrases from the eighth round of real documents: what a deadline is measured from, what a
// missed deadline leads to (an escalation, a payment, a definition), and numbers that only
// pick out which events are meant. One row per phrase, as in phrases.test.ts.

import { describe, expect, it } from 'vitest';
import { extractCommitments } from '../../server/src/policy/sla';
import { expectCommitments, v, type Row } from '../helpers/commitment-rows';

const ROWS: Row[] = [
  // The event right before the value starts the clock of the report after it: no resolution in three days is promised.
  { text: '故障解决三日内提供故障分析报告', expect: [{ metric: undefined, value: v(3), unit: 'day', comparator: 'at-most' }] },
  { text: '保证应用系统全年正常运行率至少99%', expect: [{ metric: 'availability', value: v(99), comparator: 'at-least' }] },
  // How long a state lasted picks out the customers meant; the notice is the promise.
  { text: '对于连续两个月拖欠水费的用水户，应提前24小时下达停水通知', expect: [{ metric: 'notify', value: v(24), unit: 'hour' }] },
  { text: '当现场维护人员有变动时，须提前一个月告知采购人', expect: [{ metric: 'notify', value: v(1), unit: 'month', comparator: 'at-least' }] },
  { text: '24小时内维护完毕', expect: [{ metric: 'resolve', value: v(24), unit: 'hour' }] },
  // A negated level takes the word after it: 非1级严重 is the rest of the scale, not a major case.
  { text: '非1级严重问题的响应时效为48小时', expect: [{ metric: 'first-response', conditions: ['non-urgent'], value: v(48) }] },
  { text: '上班時間:早上8:10-11:30 下午13:30-17:00', expect: [{ metric: 'service-hours' }] },
  // A payment for missing a deadline makes the deadline a promise, not an escalation trigger.
  { text: '£40 if we do not respond to a written complaint within 10 working days from receipt.', expect: [{ channel: 'complaint', metric: 'reply', comparator: 'at-most', value: v(10), unit: 'business-day' }] },
  // A trigger that names an escalation or a missed service action stays one.
  { text: '超过3个工作日未解决的，自动升级至主管', expect: [{ metric: 'escalation', overdueMetric: 'resolve', comparator: 'trigger' }] },
  { text: '如果3个工作日内未能解决，客户可以拨打投诉电话', expect: [{ metric: 'escalation', overdueMetric: 'resolve', comparator: 'trigger' }] },
  // "we promise" opens the main clause after an "if" that sets the scene; "attend the fault" is coming on site.
  {
    text: 'If a fault develops with your prepayment meter we promise to attend the fault within 3 hours of you contacting us on working days, and 4 hours on non-working days.',
    expect: [{ metric: 'arrival', conditions: ['workday'], value: v(3) }, { metric: 'arrival', conditions: ['non-workday'], value: v(4) }],
  },
  // A trigger that names where the case goes stays one, even when it calls the case something.
  { text: '超过3个工作日未解决的，视为重大投诉，自动升级至部门经理处理。', expect: [{ metric: 'escalation', overdueMetric: 'resolve', comparator: 'trigger' }] },
  // The customer's deadline is no promise, whatever the payment; an ombudsman's compensation is not ours.
  { text: 'If payment is not received within 30 days, your account will be suspended.', expect: [] },
  { text: 'If we have not resolved your complaint within 8 weeks, you can refer it to the Ombudsman, who may award compensation.', expect: [{ metric: 'escalation', comparator: 'trigger' }] },
  // 如实 is "truthfully", not "if": the reply stays the value's.
  { text: '接到投诉后2个工作日内，如实答复投诉人。', expect: [{ metric: 'reply', value: v(2) }] },
  // Only a negated level takes the word after it: 非工作日节假日 keeps its holiday.
  { text: '非工作日节假日期间，紧急故障2小时内响应。', expect: [{ metric: 'first-response', conditions: ['holiday', 'non-workday', 'urgent'] }] },
  // An "if" on nothing we promise, and a deadline that defines a word, promise nothing.
  { text: 'If we cannot agree within seven days of either of us serving notice, the President will be asked to make the appointment.', expect: [] },
  { text: 'If National cannot locate a bag within twenty-one days, the bag will be considered lost.', expect: [] },
  { text: '如在30日内未领取，视为放弃', expect: [] },
  // An "if" that a bracket closes does not reach the value after it.
  { text: 'Offer an appointment with an appropriate officer (if not available at the time of your visit) within 10 working days', expect: [{ value: v(10), unit: 'business-day' }] },
  // The length of an event picks out which events are meant.
  { text: 'National will provide information on the status of delays or diversions greater than thirty minutes.', expect: [] },
  { text: "Make sure you don't wait longer than 5 minutes if you have an appointment.", expect: [{ value: v(5), unit: 'minute', comparator: 'at-most' }] },
  // A later clause that states a case (仍无法解决的) lends no verb to the value before it; the value keeps the reply before.
  {
    text: '来信一般应在五个工作日给予答复；情况复杂的不应超过十个工作日；仍无法解决的，应以书面形式做出回复。',
    expect: [{ metric: 'reply', value: v(5) }, { metric: 'reply', conditions: ['complex'], value: v(10) }],
  },
  // The complainant's duty, and how long a state lasts, are not our promises.
  { text: 'A notice requesting additional information to which the complainant must respond within 20 days.', expect: [] },
  { text: 'We send out CSAT surveys after a ticket has been closed for at least 3 days.', expect: [] },
  // What the ticket system does when the customer is silent is no promise of service.
  { text: "Leave it in a Pending state (will be auto-solved in 7 days if the user doesn't reply.)", expect: [] },
  // A rate aimed for is still a rate.
  { text: 'First-contact resolution: we aim for at least 85% of requests to be resolved in the first interaction.', expect: [{ metric: 'first-contact-resolution', value: v(85), strength: 'aim' }] },
  // A fine the reader pays for each day late is no payment of ours for a missed promise.
  { text: '逾期未缴纳的，每逾期1日处100元的罚款', expect: [{ metric: 'escalation', comparator: 'trigger' }] },
];

describe('extractCommitments: events, triggers and payments', () => {
  it.each(ROWS)('$text', expectCommitments);

  it('drops a trigger that restates the deadline the block has just promised', () => {
    const text = '我们会在接到用户报告4小时内响应，并派出专业工程师在2个工作日内排除故障。如在2个工作日内无法解决，将在2日内向客户方提出详细解决方案。';
    expect(extractCommitments(text).map((c) => [c.valueText, c.metric, c.comparator])).toEqual([
      ['4小时', 'first-response', 'at-most'],
      ['2个工作日', 'resolve', 'at-most'],
      ['2日', undefined, 'at-most'],
    ]);
    // At another value, for another channel, or naming where the case goes, the trigger is one of its own.
    expect(extractCommitments('2个工作日内排除故障。如在5个工作日内无法解决，联系客户说明。').map((c) => c.comparator)).toEqual(['at-most', 'trigger']);
    expect(extractCommitments('电话咨询2个工作日内解决。邮件投诉超过2个工作日未处理完毕的，联系客户说明。').map((c) => c.comparator)).toEqual(['at-most', 'trigger']);
    expect(extractCommitments('2个工作日内排除故障。如在2个工作日内无法解决，升级至主管。').map((c) => c.comparator)).toEqual(['at-most', 'trigger']);
  });

  it('reads a line that names only a metric as the label of the value on the next line', () => {
    const text = 'P1\nCritical · service down\nFirst response\n15 minutes\nTarget resolution\n4 business hours';
    expect(extractCommitments(text).map((c) => [c.valueText, c.metric, c.conditions])).toEqual([
      ['15 minutes', 'first-response', ['urgent']],
      ['4 business hours', 'resolve', ['urgent']],
    ]);
    // A sentence with a full stop is no label, and a label lends nothing to a sentence of its own.
    expect(extractCommitments('We respond quickly.\n15 minutes')[0]?.metric).toBeUndefined();
    expect(extractCommitments('Refunds\nItems can be returned within 30 days.')[0]?.metric).toBeUndefined();
  });
});
