// Phrases from the ninth round of real documents: a level's label and its value on one bulleted
// line under a metric's label line, rates the tables do not name, and verbs of fixing. One row per
// phrase, as in phrases.test.ts.

import { describe, expect, it } from 'vitest';
import { extractCommitments } from '../../server/src/policy/sla';
import { expectCommitments, v, type Row } from '../helpers/commitment-rows';

const ROWS: Row[] = [
  // 排除 alone is fixing the fault, as 排除故障 is.
  { text: '运用软件和操作系统故障2个工作日内排除；', expect: [{ metric: 'resolve', value: v(2), unit: 'business-day' }] },
  // 排除在考核之外 is excluding, not fixing.
  { text: '单次中断不超过48小时排除在考核之外。', expect: [{ metric: undefined, value: v(48) }] },
  // A rate the tables do not name, bounded, is still promised; it names no metric.
  {
    text: '班次准点率不低于97%；月班次的满班率控制在99%以上。',
    expect: [
      { metric: undefined, value: v(97), unit: 'percent', comparator: 'at-least' },
      { metric: undefined, value: v(99), unit: 'percent', comparator: 'at-least' },
    ],
  },
  { text: 'We maintain a delivery completeness rate of at least 98%.', expect: [{ metric: undefined, value: v(98), comparator: 'at-least' }] },
  // A price or a yield is no service level, and a rate with no bound is a statistic.
  { text: '贷款利率不低于3%。', expect: [] },
  { text: '去年准点率为97%。', expect: [] },
  // "P1 – 2 business hours": the level and its value, not a span of levels.
  { text: 'First response: P1 – 2 business hours', expect: [{ metric: 'first-response', conditions: ['urgent'], value: v(2), unit: 'business-hour' }] },
  // A hedge right after a value is that value's; the limit after it stays binding.
  {
    text: 'We will attend within 2 hours where possible, and always within 4 hours.',
    expect: [{ metric: 'arrival', value: v(2), strength: 'aim' }, { metric: 'arrival', value: v(4), strength: 'binding' }],
  },
  // "all enquiries" undoes the case of the value before it.
  {
    text: 'We will respond to simple enquiries within 5 working days and all enquiries within 10 working days.',
    expect: [{ conditions: ['simple'], value: v(5) }, { conditions: [], value: v(10) }],
  },
  // A trigger at the deadline just promised restates it, whichever word names the first answer.
  { text: 'We respond to all enquiries within 10 working days. If we cannot reply in full within 10 working days we will explain why.', expect: [{ metric: 'first-response', value: v(10) }] },
  // The summer months scope a promise of their own.
  { text: 'During the summer months we will respond within 10 working days.', expect: [{ metric: 'first-response', conditions: ['summer'] }] },
  // How a charge or a credit is counted, and advice to the reader, promise nothing.
  { text: '服务费按月计收，如不满一个月按一个月计算。', expect: [] },
  { text: '失败请求数将通过故障前7天内用户域名的平均请求数计算。', expect: [] },
  { text: 'We recommend you set your escalation timeout to 5 minutes.', expect: [] },
  // Advice after a promise leaves the promise; a clock's start in brackets is no counting rule.
  { text: 'We will reply to every email within 4 hours, and we recommend you include your account number.', expect: [{ channel: 'email', value: v(4) }] },
  { text: '我们将在24小时内回复客户留言，并建议客户保留好相关凭证。', expect: [{ metric: 'reply', value: v(24) }] },
  { text: '通过热线报修的故障2小时内到达现场（以接到电话时间起计算）。', expect: [{ metric: 'arrival', value: v(2) }] },
  // 如在线客服 is "such as online chat", no case.
  { text: '线上渠道（如在线客服）的咨询30秒内响应。', expect: [{ metric: 'first-response', value: v(30) }] },
  // An interest rate is a price, whatever word comes before it.
  { text: 'We guarantee an annual interest rate of at least 3%.', expect: [] },
  { text: '不良贷款率不高于2%。', expect: [] },
  // "all parties" names no case: the complex case stays.
  { text: 'Complex complaints are acknowledged within 2 days, with a full reply to all parties within 20 days.', expect: [{ conditions: ['complex'] }, { conditions: ['complex'] }] },
  // Notice before a date is still a promise.
  { text: '到期前7天内通知您。', expect: [{ metric: 'notify', value: v(7) }] },
  // "P1-3" before a word that is no unit is still a span of levels.
  { text: 'P1-3 issues are answered by phone within 2 hours', expect: [{ metric: 'answer', conditions: [], value: v(2) }] },
];

describe('extractCommitments: levels, rates and verbs', () => {
  it.each(ROWS)('$text', expectCommitments);

  it('reads "Response time is by business hours" as the clock of every time in the document', async () => {
    const { documentClock } = await import('../../server/src/policy/sla/units');
    expect(documentClock('*Response time is by business hours.')).toBe('business-hours');
    expect(documentClock('We are open during business hours.')).toBeUndefined();
  });

  it('reads a metric label line over bulleted level lines, one value each', () => {
    const text = 'Time to First Contact\n• P1 – 2 business hours\n• P2 – 4 business hours\n• P3 –12 business hours';
    expect(extractCommitments(text).map((c) => [c.valueText, c.metric, c.conditions])).toEqual([
      ['2 business hours', 'first-response', ['urgent']],
      ['4 business hours', 'first-response', ['high']],
      ['12 business hours', 'first-response', ['general']],
    ]);
    // The label stops at the first line that is a sentence of its own.
    const after = extractCommitments('First response\n• P1 – 2 hours\nWe are closed for 3 days at Easter.');
    expect(after.map((c) => c.metric)).toEqual(['first-response']);
  });
});
