// Phrases from the tenth round of real documents: the share of contacts a time is promised for,
// scopes after a value, domestic and international, the other times of the clock, worked examples,
// and the clock a document puts its tables on. One row per phrase, as in phrases.test.ts.

import { describe, expect, it } from 'vitest';
import { documentClock } from '../../server/src/policy/sla/units';
import { expectCommitments, v, type Row } from '../helpers/commitment-rows';

const ROWS: Row[] = [
  // The share before a time is what the time is promised for; the share is no rate of its own.
  {
    text: 'We aim to answer 80% of calls within 30 seconds and 95% within 2 minutes.',
    expect: [
      { metric: 'answer', conditions: ['share:80-percent'], value: v(30) },
      { metric: 'answer', conditions: ['share:95-percent'], value: v(2) },
    ],
  },
  // 80%的来电在20秒内接通 is an answer rate and a time, and the time is for that share.
  {
    text: '我们承诺80%的来电在20秒内接通。',
    expect: [
      { metric: 'answer-rate', value: v(80) },
      { metric: 'answer', conditions: ['share:80-percent'], value: v(20) },
    ],
  },
  // The share is that time's only: the value after it is for every contact.
  { text: 'We will respond to 90% of letters within 10 working days and to all letters within 20 working days.', expect: [{ conditions: ['share:90-percent'] }, { conditions: [] }] },
  // "90% of decisions": the share's "of" names the promise, not the clock's start.
  { text: 'We will issue 90% of decisions within 28 working days of hearing.', expect: [{ metric: 'resolve', conditions: ['share:90-percent'], value: v(28) }] },
  // Writing to the customer is the reply.
  { text: 'We will write to you within 14 days of receiving your request for review.', expect: [{ metric: 'reply', value: v(14) }] },
  // Commas inside a short bracket keep the verb and its time in one clause.
  { text: 'We will answer 85 per cent of calls to our national contact numbers (131 881, 131 880 and 133 177) within two minutes.', expect: [{ metric: 'answer', channel: 'phone', value: v(2) }] },
  // In English, a case after a value's preposition is that value's.
  {
    text: 'We will respond within 2 hours for urgent issues and within 8 hours for normal issues.',
    expect: [{ conditions: ['urgent'], value: v(2) }, { conditions: ['general'], value: v(8) }],
  },
  { text: 'We respond within 1 hour and for urgent issues within 15 minutes.', expect: [{ conditions: [], value: v(1) }, { conditions: ['urgent'], value: v(15) }] },
  // Flights, parcels and calls at home and abroad are two promises.
  {
    text: 'We will return bags within twelve hours of flight arrival for domestic flights and within 24 hours of flight arrival for international flights.',
    expect: [{ conditions: ['domestic'], value: v(12) }, { conditions: ['international'], value: v(24) }],
  },
  { text: '国内航班24小时内退款，国际航班7个工作日内退款。', expect: [{ metric: 'refund', conditions: ['domestic'] }, { metric: 'refund', conditions: ['international'] }] },
  // 其他时间 after business hours is the rest of the clock; 其他问题 undoes the lead-in's case.
  { text: '工作时间内2小时内响应，其他时间4小时内响应。', expect: [{ conditions: ['workday'], value: v(2) }, { conditions: ['out-of-hours'], value: v(4) }] },
  { text: '复杂问题的，10个工作日内办结，其他问题5个工作日内办结。', expect: [{ conditions: ['complex'] }, { conditions: ['other'] }] },
  // A case clause ending in 的 goes on through the sentence's values.
  {
    text: '居民用户具备通水条件的，5个工作日内完成用水审批，收到工程款5个工作日内安排施工。',
    expect: [
      { metric: 'resolve', conditions: ['case:居民用户具备通水条件'] },
      { metric: undefined, conditions: ['case:居民用户具备通水条件'] },
    ],
  },
  // 12345 hotlines grade their cases 特急件, 急件 and 一般件.
  { text: '一般件在5个工作日内反馈办理结果；急件3个工作日内反馈办理结果。', expect: [{ conditions: ['general'] }, { conditions: ['high'] }] },
  // 从受理到通气: the time from a start to an end is the time to finish; 自接到…之日起 is a start only.
  { text: '从受理到通气5个工作日。', expect: [{ metric: 'resolve', value: v(5) }] },
  { text: '原审批机关应当自接到申请文件之日起90天内决定批准或者不批准。', expect: [{ metric: undefined, value: v(90) }] },
  // A worked example's figures promise nothing; a list of examples does not stop a promise.
  { text: '例如，服务不可用时间为60分钟28秒，所以本次服务不可用时间为61分钟。', expect: [] },
  { text: '不可用分钟数为不可用时间的总和，例如某月共出现3次服务不可用，不可用时间分别为10分钟、20分钟。', expect: [] },
  { text: '我们提供多种渠道，例如电话、邮件，均在2小时内响应。', expect: [{ channel: 'phone', value: v(2) }, { channel: 'email', value: v(2) }] },
  { text: 'For example, if a user replies to our initial response on a high priority ticket, our follow-up target is within 24 hours.', expect: [{ value: v(24) }] },
  // Guards from review: each reads as before this round.
  { text: '从酒店到机场约需40分钟。', expect: [] },
  { text: 'We respond within 8 hours except that for urgent issues we respond within 1 hour.', expect: [{ conditions: [], value: v(8) }, { conditions: ['urgent'], value: v(1) }] },
  { text: 'For VIP customers, urgent tickets are answered within 1 hour and all other tickets within 4 hours.', expect: [{ conditions: ['urgent', 'vip'] }, { conditions: ['other', 'vip'] }] },
  { text: '紧急情况，例如95598热线报修，我们将在30分钟内响应。', expect: [{ metric: 'first-response', conditions: ['urgent'], value: v(30) }] },
  { text: 'We are available 99.9% of the time and respond to incidents within 1 hour.', expect: [{ conditions: [], value: v(1) }] },
  { text: 'We will refund 100% of the fee within 14 days.', expect: [{ metric: 'refund', conditions: [], value: v(14) }] },
  { text: 'Response time is 2 hours (Severity 1, business hours) and 8 hours (Severity 2).', expect: [{ conditions: ['urgent'], value: v(2) }, { value: v(8) }] },
  { text: '紧急故障2小时内到达现场（城区，偏远地区4小时内）', expect: [{ conditions: ['urban', 'urgent'], value: v(2) }, { conditions: ['remote', 'urgent'], value: v(4) }] },
  { text: '涉及多个部门的，15个工作日内办结，其他问题5个工作日内办结。', expect: [{ conditions: ['case:涉及多个部门'] }, { conditions: ['other'] }] },
  { text: '居民用户报修的，2小时内到达，企业用户12小时内修复。', expect: [{ conditions: ['case:居民用户报修'] }, { conditions: [] }] },
  { text: '夜间2小时内到达现场，其他时间1小时内到达现场。', expect: [{ conditions: ['night'] }, { conditions: [] }] },
];

describe('extractCommitments: shares, scopes after values and examples', () => {
  it.each(ROWS)('$text', expectCommitments);

  it('reads a stopped SLA timer and working-hour fix times as the business clock of the document', () => {
    expect(documentClock('Estimated fix times are working hours Monday – Friday 8-5.')).toBe('business-hours');
    expect(documentClock('The SLA timers stop out of hours.')).toBe('business-hours');
    expect(documentClock('非工作时间不计时。')).toBe('business-hours');
    expect(documentClock('Our offices close out of hours.')).toBeUndefined();
    expect(documentClock('Our office opening times are business hours only.')).toBeUndefined();
    expect(documentClock('非工作时间不计费。')).toBeUndefined();
  });
});
