// Phrases from the eleventh round of real documents. One row per phrase, as in phrases.test.ts.

import { describe, it } from 'vitest';
import { expectCommitments, v, type Row } from '../helpers/commitment-rows';

const ROWS: Row[] = [
  // A sooner time and an outer limit for the same action in one sentence: an aim and a binding promise.
  { text: '工单24小时内回复，最晚48小时内回复。', expect: [{ strength: 'aim', value: v(24) }, { strength: 'binding', value: v(48) }] },
  { text: '我们在收到投诉后24小时内回复，最迟不超过48小时。', expect: [{ strength: 'aim', value: v(24) }, { strength: 'binding', value: v(48) }] },
  {
    text: 'We normally reply within 5 working days and at the latest within 10 working days.',
    expect: [{ strength: 'aim', value: v(5) }, { strength: 'binding', value: v(10) }],
  },
  { text: 'Phone calls are answered within 30 seconds, and in any case within 2 minutes.', expect: [{ strength: 'aim', value: v(30) }, { strength: 'binding', value: v(2) }] },
  // Not an outer limit: another action, another channel, or a limit no later than the first time.
  { text: '工单24小时内响应，最迟72小时内解决。', expect: [{ strength: 'binding', metric: 'first-response' }, { strength: 'binding', metric: 'resolve' }] },
  { text: '电话30秒内接通，邮件最迟24小时内回复。', expect: [{ strength: 'binding' }, { strength: 'binding' }] },
  { text: 'We reply within 10 working days, and at the latest within 5 working days for urgent complaints.', expect: [{ strength: 'binding' }, { strength: 'binding', conditions: ['urgent'] }] },
  // Two values with no action named, or for scopes the tool does not read, are not a target and its limit.
  { text: 'We deliver within the EU within 3 days, and to other countries within 10 days at the latest.', expect: [{ strength: 'binding' }, { strength: 'binding' }] },
  // A bracket that says when the clock starts names no metric.
  { text: 'We will resolve your complaint within 20 working days (from the date of acknowledgement).', expect: [{ metric: 'resolve', value: v(20) }] },
  { text: '投诉办结时限为15个工作日（自受理之日起计算）。', expect: [{ metric: 'resolve', value: v(15) }] },
  // Getting in touch is the first response; getting in touch with notice is a notice.
  { text: 'We will contact you within 2 working days to arrange a visit.', expect: [{ metric: 'first-response', value: v(2) }] },
  { text: 'If we have to plan any downtime we will contact clients with 3 days notice.', expect: [{ metric: 'notify', value: v(3) }] },
];

describe('extractCommitments: outer limits and targets', () => {
  it.each(ROWS)('$text', expectCommitments);
});
