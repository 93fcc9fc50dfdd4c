// Readings from the fourteenth round of real documents: extensions and periods that are no deadline, a target
// column's rows each their own promise, kinds of request named by their subject (涉及退费的案件), sibling sections
// that list the same promises, attending on the same day, and a sentence's purpose.

import { describe, expect, it } from 'vitest';
import { collectCommitments } from '../../server/src/policy/commitments';
import { createDocument } from '../../server/src/policy/document';
import { keyOf, readRecords } from '../helpers/commitment-rows';
import { promiseLabel } from '../../server/src/policy/promises';
import { findVagueCommitments } from '../../server/src/policy/sla/vague';

const read = (text: string) => readRecords(text);

describe('values that are no deadline', () => {
  it.each([
    ['an extension after a space (時間會延長 3個工作日)', '對要求以英文書面回覆的查詢，時間會延長 3個工作日。'],
    ['the length of a cooling-off period granted (10天的犹豫期权益)', '对于因公司原因未能在犹豫期内回访成功的分期交费的新契约保单,我们赋予客户自回访成功之日起算10天的犹豫期权益。'],
    ['a product named by its term (一年期以上的保险)', '对所有一年期以上的人身保险新单业务进行电话回访。'],
  ])('reads no promise in %s', (_name, sentence) => {
    expect(read(`# 服务承诺\n\n${sentence}\n`)).toEqual([]);
  });
});

describe('a target column beside pledges written out', () => {
  const table = (rows: string[]) => `# 服務承諾\n\n| 服務質量指標 | 預設達標率 |\n|---|---|\n${rows.join('\n')}\n`;

  it('reads each row\'s target as the target of its own pledge, even when two long pledges differ only at their end', () => {
    const rows = read(
      table([
        '| 市民於各郵政分局截郵時間前投寄之本澳郵件,於第二個工作日派予收件人。但大量投寄及特許郵遞郵件除外(普通服務)。 | 96% |',
        '| 市民於各郵政分局截郵時間前投寄之本澳郵件,於第二個工作日派予收件人。但大量投寄及特許郵遞郵件除外(本澳掛號郵件服務)。 | 97% |',
        '| 本局當天收到之入口特快專遞郵件,必須於第二個工作日內派遞予收件人。 | 93% |',
      ]),
    );
    const keys = ['96%', '97%', '93%'].map((v) => keyOf(rows, v));
    expect(rows.filter((r) => r.value.endsWith('%')).map((r) => r.metric)).toEqual(['on-time-rate', 'on-time-rate', 'on-time-rate']);
    expect(new Set(keys).size).toBe(3);
  });

  it('still reads the same pledge twice as one promise', () => {
    const rows = read(table(['| 兩個工作日內審批申請。 | 100% |']) + '\n另表：\n\n| 服務質量指標 | 預設達標率 |\n|---|---|\n| 兩個工作日內審批申請。 | 98% |\n');
    expect(keyOf(rows, '100%')).toBe(keyOf(rows, '98%'));
  });
});

describe('a kind of request its clause names by its subject', () => {
  it('tells 涉及退费的案件 and 不涉及退费的案件 apart', () => {
    const rows = read('# 服务承诺\n\n不涉及补退费与核保类的保全案件1个工作日内处理完毕；涉及退费与核保类的保全案件在4个工作日内处理完毕；涉及补费类的保全案件自客户交纳足额保险费之日起4个工作日内处理完毕。\n');
    const keys = rows.map((r) => r.key);
    expect(rows.map((r) => r.value)).toEqual(['1个工作日', '4个工作日', '4个工作日']);
    expect(new Set(keys).size).toBe(3);
  });

  it('tells kinds of application apart without 的 (来港工作签证申请, 居留权证明书申请), but not a speaker\'s clause', () => {
    const rows = read('# 服务承诺\n\n来港工作签证申请都能够在四星期内完成处理。香港特区居留权证明书申请都能够在三个月内完成处理。本处亦能履行承诺在递交申请当天完成处理。\n');
    expect(keyOf(rows, '四星期')).not.toBe(keyOf(rows, '三个月'));
    expect(keyOf(rows, '当天')).toBe('any.resolve');
  });

  it('names no case for anyone\'s request (客户的投诉) or a step of it (已受理的投诉)', () => {
    const rows = read('# 服务承诺\n\n客户的投诉在5个工作日内处理完毕。\n\n已受理的投诉在7个工作日内处理完毕。\n\n投诉在10个工作日内处理完毕。\n');
    expect(new Set(rows.map((r) => r.key)).size).toBe(1);
  });
});

describe('sibling sections that list the same promises', () => {
  const teams = ['# Service levels', '', '## Time to resolution (varies by team)', '', '### Technology Services', '', '- P1 – 4 business hours', '- P2 – 16 business hours', '', '### Network Operations', '', '- P1 – 8 business hours', '- P2 – 16 business hours', ''];

  it('reads each section\'s list as its own', () => {
    const rows = read(teams.join('\n'));
    expect(rows).toHaveLength(4);
    expect(keyOf(rows, '4 business hours')).not.toBe(keyOf(rows, '8 business hours'));
    expect(keyOf(rows, '16 business hours', 8)).not.toBe(keyOf(rows, '16 business hours', 13));
  });

  it('reads them as one list where the section above them does not say its promises vary by part', () => {
    const rows = read(teams.map((line) => line.replace(' (varies by team)', '')).join('\n'));
    expect(keyOf(rows, '4 business hours')).toBe(keyOf(rows, '8 business hours'));
  });

  it('leaves one section and a summary beside its details as one list', () => {
    const summary = ['# Support', '', '## Resolution (varies by team)', '', '### Summary', '', '- P1 – 4 business hours', '- P2 – 16 business hours', '', '### Details', '', '- P1 – 4 business hours', '- P2 – 16 business hours', ''];
    const rows = read(summary.join('\n'));
    expect(keyOf(rows, '4 business hours', 7)).toBe(keyOf(rows, '4 business hours', 12));
    const one = read(['# Support', '', '## Resolution (varies by team)', '', '### Technology Services', '', '- P1 – 4 business hours', '', '### Network Operations', '', '- P1 – 8 business hours', ''].join('\n'));
    expect(keyOf(one, '4 business hours')).toBe(keyOf(one, '8 business hours'));
  });
});

describe('a result reported against the pledge', () => {
  it.each([
    '二零二二年，99%的申请都能够在四星期内完成处理，超越了所承诺的目标90%。',
    'In 2022 customer satisfaction was 96%, exceeding our target of 90%.',
  ])('reads the share achieved in %j as no promise', (sentence) => {
    expect(read(`# Performance\n\n${sentence}\n`).filter((r) => r.value === '99%' || r.value === '96%')).toEqual([]);
  });

  it('still reads a share that is pledged', () => {
    expect(read('# Pledges\n\nWe aim to keep customer satisfaction at 96% or above.\n').map((r) => r.value)).toContain('96%');
  });
});

describe('steps of a procedure and results reported', () => {
  it('reads each row of a table of a procedure\'s stages as its own step', () => {
    const rows = read(
      '# Timescales\n\n| Stage of Procedure | Timescale |\n|---|---|\n| Acknowledgement of receipt of the form | 5 working days from submission |\n| Acknowledgement of Review Request | 10 working days from the request |\n| Level 1 Response | 20 working days from referral |\n| Response to Level 2 request | 5 working days from the request |\n',
    );
    expect(new Set(rows.map((r) => r.key)).size).toBe(4);
  });

  it.each([
    ['a section of results ("Complaints handling performance")', '## Complaints handling performance\n\n| Period | Responded to in 10 working days |\n|---|---|\n| Period 1 | 75.6% |\n'],
    ['an average achieved ("our average response time … was 5.20 working days")', '## Responding\n\nFor the last 4-week period our average response time for complaints was 5.20 working days.\n'],
  ])('reads no promise in %s', (_name, section) => {
    expect(read(`# Complaints\n\n${section}`)).toEqual([]);
  });

  it('still reads the promises of "Standards of performance" and the aim beside an average', () => {
    expect(read('# Charter\n\n## Standards of performance\n\nWe will restore supply within 4 hours.\n').map((r) => r.value)).toEqual(['4 hours']);
    expect(read('# Agreement\n\n### 3.1 Partner Endpoint Performance\n\nThe endpoint responds within 15 seconds of receiving a request.\n').map((r) => r.value)).toEqual(['15 seconds']);
    expect(read('# Complaints\n\nWe aim to respond to all complaints within 5 days. Our average response time for complaints was 5.20 working days.\n').map((r) => r.value)).toEqual(['5 days']);
  });

  it('reads 派人抢修 as the arrival, apart from the repair after it', () => {
    expect(read('# 承诺\n\n电梯紧急故障一小时内派人抢修及六小时内恢复正常运作。\n').map((r) => r.metric)).toEqual(['arrival', 'resolve']);
  });
});

describe('second review guards', () => {
  it.each(['## Our performance standards', '## Performance for priority 1 incidents', '## 服务承诺及履行情况'])('still reads the promise under %j', (heading) => {
    expect(read(`# Charter\n\n${heading}\n\nWe will answer calls within 20 seconds.\n`).map((r) => r.value)).toEqual(['20 seconds']);
  });

  it('names no step by a row that is only its action (| 受理 | 1个工作日内 |)', () => {
    const rows = read('# 流程\n\n| 环节 | 时限 |\n|---|---|\n| 受理 | 1个工作日内 |\n');
    expect(rows[0]!.key).not.toContain('case');
  });

  it('reads no arrival in 指派人员跟进处理', () => {
    expect(read('# 承诺\n\n我们在1个工作日内指派人员跟进处理。\n').map((r) => r.metric)).not.toContain('arrival');
  });
});

describe('review guards', () => {
  it('tells apart two long labels that differ only in the middle', () => {
    const rows = read(
      '# Pledges\n\n| Measure | Target |\n|---|---|\n| Percentage of written complaints from business customers in the northern region answered within 10 days | 90% |\n| Percentage of written complaints from residential customers in the northern region answered within 10 days | 80% |\n',
    );
    expect(keyOf(rows, '90%')).not.toBe(keyOf(rows, '80%'));
  });

  it('keeps a conflict between requests however they came (本公司收到的咨询, 通过各渠道反映的诉求)', () => {
    const rows = read('# 承诺\n\n本公司收到的咨询在1个工作日内答复。\n\n客户咨询在2个工作日内答复。\n\n通过各渠道反映的诉求在3个工作日内答复。\n\n诉求在5个工作日内答复。\n');
    expect(keyOf(rows, '1个工作日')).toBe(keyOf(rows, '2个工作日'));
    expect(keyOf(rows, '3个工作日')).toBe(keyOf(rows, '5个工作日'));
  });

  it.each([
    ['a summary beside its details ("At a glance", "In detail")', '## Resolution (varies by team)', '### At a glance', '### In detail'],
    ['sections under "per service request"', '## Response times per service request', '### Standard', '### Overview of commitments'],
    ['时限一览 beside 详细说明', '## 办理时限（因部门而异）', '### 时限一览', '### 详细说明'],
  ])('keeps the contradiction of %s', (_name, parent, first, second) => {
    const rows = read(['# Support', '', parent, '', first, '', '- P1 – 4 business hours', '- P2 – 16 business hours', '', second, '', '- P1 – 8 business hours', '- P2 – 16 business hours', ''].join('\n'));
    expect(keyOf(rows, '4 business hours')).toBe(keyOf(rows, '8 business hours'));
  });

  it('reads no arrival in "attend the same day training"', () => {
    expect(read('# Staff\n\nStaff attend the same day training within 2 weeks of joining.\n').map((r) => r.metric)).not.toContain('arrival');
  });

  it('names a measured rate once in a conflict (电话接通率, not 电话接通率电话接通率)', () => {
    const doc = createDocument('/policy.md', '# 承诺\n\n| 项目 | 承诺达标率 |\n|---|---|\n| 电话接通率 | 90% |\n\n另：\n\n| 项目 | 承诺达标率 |\n|---|---|\n| 电话接通率 | 85% |\n');
    const labels = collectCommitments(doc).map((r) => promiseLabel(r, 'zh-CN'));
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(label).not.toMatch(/(接通率).*\1/);
  });
});

describe('single readings', () => {
  it('reads "we will attend on the same day" as the arrival', () => {
    expect(read('# Repairs\n\nFor priority repairs we will attend on the same day where possible but within 24 hours.\n').map((r) => r.metric)).toEqual(['arrival', 'arrival']);
  });

  it.each([
    ['To quickly fix vulnerabilities, the security team is responsible for the whole process.', 'en'],
    ['为及时处理用户投诉，客服中心负责统一受理。', 'zh'],
  ] as const)('reads the purpose a sentence opens with (%j) as no vague promise', (sentence, language) => {
    expect(findVagueCommitments(sentence, language)).toEqual([]);
  });

  it('still reads a vague promise after a purpose clause in the middle of a sentence', () => {
    expect(findVagueCommitments('We will respond to your complaint promptly.', 'en')).toHaveLength(1);
  });
});
