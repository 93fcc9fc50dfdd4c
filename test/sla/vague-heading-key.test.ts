import { describe, expect, it } from 'vitest';
import { clockClass } from '../../server/src/policy/promises';
import {
  channelFromHeading,
  commitmentKey,
  conditionsFromHeading,
  extractCommitments,
  findVagueCommitments,
  type Commitment,
} from '../../server/src/policy/sla';

function only(text: string): Commitment {
  const got = extractCommitments(text);
  expect(got, text).toHaveLength(1);
  return got[0]!;
}

describe('findVagueCommitments', () => {
  it.each([
    { text: '我们将及时处理您的投诉。', word: '及时', metric: 'resolve', channel: 'complaint' },
    { text: '客服人员将尽快回复。', word: '尽快', metric: 'reply' },
    { text: '对客户的紧急需求，现场服务人员应第一时间响应。', word: '第一时间', metric: 'first-response', channel: 'onsite' },
    { text: '投诉处理结果在最短时间内答复客户。', word: '最短时间内', metric: 'reply', channel: 'complaint' },
    { text: '無法立即解決者，本行期以最短時間回覆客戶。', word: '最短時間', metric: 'reply' },
    { text: '我们将在规定时间内答复客户。', word: '规定时间', metric: 'reply' },
    { text: 'We will respond to all other enquiries as soon as possible.', word: 'as soon as possible', metric: 'first-response' },
    { text: 'Complaints are acknowledged promptly and investigated by a member of staff.', word: 'promptly', metric: 'acknowledge', channel: 'complaint' },
    // A contact form that is "answered" is replied to.
    { text: 'Enquiries submitted through the online contact form are answered as soon as possible.', word: 'as soon as possible', metric: 'reply', channel: 'ticket' },
    { text: 'We aim to provide a timely response to every ticket.', word: 'timely', metric: 'first-response', channel: 'ticket' },
    { text: '客户在官方网站留言板提交的留言，客服人员将尽快回复。', word: '尽快', metric: 'reply', channel: 'ticket' },
  ])('$text', ({ text, word, metric, channel }) => {
    const got = findVagueCommitments(text);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ word, metric });
    expect(text.slice(got[0]!.start, got[0]!.end)).toBe(word);
    if (channel) expect(got[0]!.channel).toBe(channel);
  });

  it.each([
    '我们将在24小时内尽快回复。', // has a number
    'We respond promptly, and in any event within 2 business days.',
    '服务及时性是考核内容之一。', // a noun, not a promise
    '客户应及时提供相关资料。', // no metric verb: the customer's duty
    '处理不及时的，客户可以投诉。', // negated
    '及时率达到95%以上。', // a rate, and it has a value
    'The service may not be uninterrupted, timely, secure or error-free.',
    'This policy explains how quickly we respond and how we handle complaints.',
    '',
  ])('no finding: %s', (text) => {
    expect(findVagueCommitments(text)).toEqual([]);
  });

  it('reports each vague sentence of a block separately and keeps offsets into the block', () => {
    const text = '热线20秒内接通。投诉将及时处理。邮件尽快回复。';
    const got = findVagueCommitments(text);
    expect(got.map((v) => [v.word, v.metric, text.slice(v.sentenceStart, v.sentenceEnd)])).toEqual([
      ['及时', 'resolve', '投诉将及时处理。'],
      ['尽快', 'reply', '邮件尽快回复。'],
    ]);
  });
});

describe('conditionsFromHeading', () => {
  it.each([
    ['重大投诉处理', ['major']],
    ['节假日服务', ['holiday']],
    ['3.2 紧急事件处理流程', ['urgent']],
    ['VIP客户服务', ['vip']],
    ['夜间服务安排', ['night']],
    ['一般投诉处理', ['general']],
    ['复杂问题的处理', ['complex']],
    ['工作日服务标准', ['workday']],
    ['非工作日服务', ['non-workday']],
    ['Urgent requests', ['urgent']],
    ['Holiday support', ['holiday']],
    ['High-priority tickets', ['high']],
    // Row labels of a priority table.
    ['High', ['high']],
    ['Low', ['low']],
    ['P1', ['urgent']],
    ['Normal', ['general']],
    ['紧急', ['urgent']],
    ['重大节假日安排', ['holiday', 'major']],
    // 一般规定 is "general provisions", not the general case.
    ['第一章 一般规定', []],
    ['General Terms', []],
    // A heading naming both cases says nothing about which one applies.
    ['一般及重大投诉处理', []],
    ['工作时间', []],
    ['投诉处理', []],
    ['', []],
  ])('%s → %j', (title, expected) => {
    expect(conditionsFromHeading(title as string)).toEqual(expected);
  });

  it('names the channel of a heading', () => {
    expect(channelFromHeading('3.2 在线客服服务标准')).toBe('chat');
    expect(channelFromHeading('投诉处理')).toBe('complaint');
    expect(channelFromHeading('电话投诉')).toBe('complaint');
    expect(channelFromHeading('Email support')).toBe('email');
    expect(channelFromHeading('第一章 总则')).toBeUndefined();
  });

  it('reads a table cell under its row label', () => {
    const got = extractCommitments('30 minutes, 24/7', { headingConditions: conditionsFromHeading('Urgent') });
    expect(got.map((c) => [c.valueText, c.conditions])).toEqual([
      ['30 minutes', ['urgent']],
      ['24/7', ['urgent']],
    ]);
  });

  it('feeds extraction: a clause under a heading takes its conditions and channel', () => {
    const title = '3.2 重大投诉处理';
    const [c] = extractCommitments('24小时内启动调查', { headingConditions: conditionsFromHeading(title), headingChannel: channelFromHeading(title) });
    expect(c).toMatchObject({ channel: 'complaint', metric: 'investigate', conditions: ['major'] });
  });
});

describe('commitmentKey and normalisation', () => {
  it('60秒 and 1分钟 are the same promise with the same value', () => {
    const a = only('在线客服60秒内应答');
    const b = only('在线客服1分钟内应答');
    expect(commitmentKey(a)).toBe('chat.answer');
    expect(commitmentKey(b)).toBe(commitmentKey(a));
    expect(a.normalized).toBe(60);
    expect(b.normalized).toBe(60);
    expect(b.clock).toBe(a.clock);
  });

  it('24小时 and 1个工作日 share a key but not a clock', () => {
    const a = only('邮件24小时内回复');
    const b = only('邮件1个工作日内回复');
    expect(commitmentKey(a)).toBe('email.reply');
    expect(commitmentKey(b)).toBe('email.reply');
    expect(a.clock).toBe('calendar');
    expect(b.clock).toBe('business');
  });

  it('uses sorted conditions in the key', () => {
    const [general] = extractCommitments('一般投诉5个工作日内办结');
    expect(commitmentKey(general!)).toBe('complaint.resolve.general');
    const [c] = extractCommitments('节假日VIP客户来电10秒内接通');
    expect(commitmentKey(c!)).toBe('phone.answer.holiday.vip');
    expect(commitmentKey({ channel: undefined, metric: 'satisfaction', conditions: [] })).toBe('any.satisfaction');
  });

  it('keeps different metrics, conditions and triggers apart', () => {
    const keys = extractCommitments('邮件4小时内确认，48小时内回复').map(commitmentKey);
    expect(keys).toEqual(['email.acknowledge', 'email.reply']);
    const [workday, nonWorkday] = extractCommitments('工作日20秒内接通，非工作日60秒内接通');
    expect(commitmentKey(workday!)).not.toBe(commitmentKey(nonWorkday!));
    const [trigger] = extractCommitments('投诉超过5个工作日未解决的，升级至经理处理');
    const [resolve] = extractCommitments('投诉5个工作日内解决');
    expect(commitmentKey(trigger!)).toBe('complaint.escalation');
    expect(commitmentKey(resolve!)).toBe('complaint.resolve');
  });

  it('business hours and business days never compare equal by count', () => {
    const a = only('Urgent tickets get a first response within 2 business hours.');
    const b = only('Urgent tickets get a first response within 2 business days.');
    expect(a.normalized).toBe(2);
    expect(b.normalized).toBe(2);
    // Both on the business clock, counting different things: the values compared must be on one clock class.
    expect([a.clock, b.clock]).toEqual(['business', 'business']);
    expect(clockClass(a)).not.toBe(clockClass(b));
    expect(clockClass(only('Urgent tickets get a first response within 3 business days.'))).toBe(clockClass(b));
  });

  it('normalises ranges to the bound the comparator promises', () => {
    expect(only('1-2个工作日内回复').normalized).toBe(2);
    expect(only('满意度保持在90%-95%以上').normalized).toBe(90);
  });
});

describe('service hours normalise so that equal schedules compare equal', () => {
  const canonical = (text: string) => extractCommitments(text).find((c) => c.metric === 'service-hours')?.schedule?.canonical;

  it.each([
    ['热线7×24小时服务', '24x7'],
    ['热线电话7*24小时服务', '24x7'],
    ['客服热线全天候服务', '24x7'],
    ['Our hotline is open 24/7.', '24x7'],
    ['The hotline is staffed 24 hours a day, 7 days a week.', '24x7'],
    ['服务时间：周一至周日 0:00-24:00', '24x7'],
  ])('%s → 24x7', (text, expected) => {
    expect(canonical(text)).toBe(expected);
  });

  it.each([
    '服务时间：周一至周五 9:00-18:00',
    '服务时间：工作日上午9点至下午6点',
    'Support hours are Monday to Friday, 9am to 6pm',
    'Support hours: Mon-Fri 09:00-18:00',
    '服务时间：星期一到星期五9:00～18:00',
    '服务时间：９：００－１８：００（周一至周五）',
  ])('%s → mon-fri 09:00-18:00', (text) => {
    expect(canonical(text)).toBe('mon-fri 09:00-18:00');
  });

  it('keeps split shifts and different days apart', () => {
    expect(canonical('服务时间：周一至周五 9:00-12:00、13:30-17:30')).toBe('mon-fri 09:00-12:00,13:30-17:30');
    expect(canonical('服务时间：周一、周三、周五 9:00-17:00')).toBe('mon,wed,fri 09:00-17:00');
    expect(canonical('服务时间：周一至周五 9:00-18:00，周六、周日休息')).toBe('mon-fri 09:00-18:00');
    expect(canonical('Support is available weekdays 8am-8pm and weekends 10am-4pm.')).toBe('mon-fri 08:00-20:00; sat-sun 10:00-16:00');
  });

  it('does not read maintenance windows or meeting times as service hours', () => {
    expect(canonical('Scheduled maintenance takes place on Sundays between 01:00 and 05:00.')).toBeUndefined();
    expect(canonical('会议于9:00-11:00召开')).toBeUndefined();
  });

  it('reads a definition of hours as the schedule of its term: the normal term is no scope, another term is', () => {
    const business = extractCommitments('工作时间，指工作日的9:00-18:00（北京时间）');
    expect(business.map((c) => [c.schedule?.canonical, c.conditions])).toEqual([['mon-fri 09:00-18:00', []]]);
    const defined = extractCommitments('"Business Hours" means 09:00-18:00 on Business Days.');
    expect(defined.map((c) => [c.schedule?.canonical, c.conditions])).toEqual([['mon-fri 09:00-18:00', []]]);
    const extended = extractCommitments('**Extended hours** means 07:00-19:00 Monday - Friday Switzerland time.');
    expect(extended.map((c) => [c.schedule?.canonical, c.conditions])).toEqual([['mon-fri 07:00-19:00', ['time:extended-hours']]]);
  });

  it('reads a schedule named by its term in a plan table: "Support hours: Business hours"', () => {
    const got = extractCommitments('Support hours: Business hours');
    expect(got.map((c) => c.schedule?.canonical)).toEqual(['named:business-hours']);
    expect(extractCommitments('热线电话服务时间为工作日9:00-18:00').map((c) => c.schedule?.canonical)).toEqual(['mon-fri 09:00-18:00']);
  });

  it('gives each listed channel its own schedule', () => {
    const got = extractCommitments('电子邮件和网站留言：工作日9:00-18:00');
    expect(got.map((c) => `${c.channel} ${c.schedule?.canonical}`)).toEqual(['email mon-fri 09:00-18:00', 'ticket mon-fri 09:00-18:00']);
  });
});
