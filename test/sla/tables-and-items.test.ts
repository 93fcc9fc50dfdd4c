// Tables and item lists from the eleventh round of real documents: group rows, rows that name their action,
// numbered rows, offers beside a plan, results columns, bilingual cells, item lines and product subjects.

import { describe, expect, it } from 'vitest';
import { collectCommitments } from '../../server/src/policy/commitments';
import { createDocument } from '../../server/src/policy/document';

function read(text: string) {
  return collectCommitments(createDocument('/standards.md', text)).map((r) => ({ line: r.line, metric: r.metric, channel: r.channel, key: r.key, scope: r.scope, value: r.valueText }));
}

function at(rows: ReturnType<typeof read>, line: number, k = 0) {
  const found = rows.filter((r) => r.line === line)[k];
  if (!found) throw new Error(`no commitment on line ${line}`);
  return found;
}

const GROUPED = [
  '# Customer service timescales',
  '',
  '| What we do | Target response time (all within) |',
  '| --- | --- |',
  '| Tenancy requests | |',
  '| Acknowledgement | 2 working days |',
  '| Full response | 20 working days |',
  '| Phone calls | |',
  '| Answer the telephone | 6 rings |',
  '| Appeals against decisions | |',
  '| 1st Appeal | 2 working days (acknowledgement) 10 working days (full response) |',
  '| 2nd Appeal | 3 working days (acknowledgement) |',
  '| Antisocial behaviour reports | |',
  '| Category A - very serious | 1 working day |',
  '| Category B - serious | 5 working days |',
  '| Repairs | |',
  '| Emergency repairs | 4 hours |',
  '| Urgent repairs | 3 working days |',
].join('\n');

describe('tables: group rows and the rows under them', () => {
  const rows = read(GROUPED);

  it('reads the action a row names, not the column that only says it holds a response time', () => {
    expect(at(rows, 6).metric).toBe('acknowledge');
    expect(at(rows, 9).metric).toBe('answer');
  });

  it('scopes the rows under a group row by it: a tenancy acknowledgement is not an appeal acknowledgement', () => {
    expect(at(rows, 6).scope.case).toBe('tenancy');
    expect(at(rows, 9).channel).toBe('phone');
  });

  it('tells the 1st appeal from the 2nd, and category A from category B', () => {
    expect(at(rows, 11).key).not.toBe(at(rows, 12).key);
    expect(at(rows, 14).key).not.toBe(at(rows, 15).key);
  });

  it('reads a bracket after a value as what that value measures', () => {
    expect([at(rows, 11, 0).metric, at(rows, 11, 1).metric]).toEqual(['acknowledge', 'reply']);
  });

  it('keeps emergency and urgent apart where the document has both, and folds emergency into urgent where it has only one', () => {
    expect(at(rows, 17).scope.priority).toBe('emergency');
    expect(at(rows, 18).scope.priority).toBe('urgent');
    const alone = read('# Repairs\n\n| Repair | Attend within |\n| --- | --- |\n| Emergency repairs | 4 hours |\n| Routine repairs | 20 working days |');
    expect(at(alone, 5).scope.priority).toBe('urgent');
  });
});

describe('tables: columns and rows that name items', () => {
  it('reads a short name beside an offer as an offer, and a level with the metric in one row label', () => {
    const rows = read(['# 支持服务', '', '| 功能 | Starter | Business | Dedicated |', '| --- | --- | --- | --- |', '| 严重问题的响应时间 | 24 小时 | 8 小时 | 4 小时 |'].join('\n'));
    expect(rows.map((r) => [r.metric, r.scope.plan])).toEqual([
      ['first-response', 'starter'],
      ['first-response', 'business'],
      ['first-response', 'dedicated'],
    ]);
  });

  it('reads no promise from columns of results, and no plan from a Standard column', () => {
    const rows = read(
      ['# Service standards', '', '| Service area | Standard | 2022-23 | Results |', '| --- | --- | --- | --- |', '| Enquiries | We will reply to enquiries within 3 working days | 99% | 100% |'].join('\n'),
    );
    expect(rows.map((r) => [r.value, r.scope.plan])).toEqual([['3 working days', undefined]]);
  });

  it('keeps reading a column whose header only mentions results, and a row whose value is missing', () => {
    const rows = read(['# Tests', '', '| Test type | Time to results |', '| --- | --- |', '| Blood test | 2 working days |', '| Fax | |', '| Email | 1 working day |'].join('\n'));
    expect(rows.map((r) => [r.value, r.scope.case])).toEqual([
      ['2 working days', 'blood-test'],
      ['1 working day', undefined],
    ]);
  });

  it('reads the on-time target beside a row that states its own deadline', () => {
    const rows = read(['# Service standards', '', '| Service standard | Target |', '| --- | --- |', '| Reply to emails within 2 business days | 90% |'].join('\n'));
    expect(rows.map((r) => r.metric)).toEqual(['reply', 'on-time-rate']);
  });

  it('reads a column that names a channel as that channel, and a bilingual cell as one promise', () => {
    const rows = read(['# 陳情處理', '', '| 書面、網路<br>In writing or via e-mail | 口頭、電話<br>In person or over the telephone |', '|---|---|', '| 6日內處理完畢<br>Within six days | 3日內處理完畢<br>Within three days |'].join('\n'));
    expect(rows.map((r) => [r.channel, r.value])).toEqual([
      ['email', '6日'],
      ['phone', '3日'],
    ]);
  });

  it('keeps a value on the next line in the other language when it names another channel or action', () => {
    const rows = read(['# 服务', '', 'Email: we reply within 24 hours', '微信公众号留言：24小时内回复'].join('\n'));
    expect(rows.map((r) => r.channel)).toEqual(['email', 'social']);
  });

  it('folds emergency into urgent where one label names both ("P1 (Emergency)")', () => {
    const rows = read(['# Incidents', '', '| Priority | Response |', '| --- | --- |', '| P1 (Emergency) | 1 hour |', '| P2 | 4 hours |', '', 'Emergency incidents receive a response within 2 hours.'].join('\n'));
    expect(rows.map((r) => r.scope.priority)).toEqual(['urgent', 'high', 'urgent']);
  });

  it('tells apart the items of "name – value" lines by what their names add to the metric', () => {
    const rows = read(
      ['# Wholesale service levels', '', '| Service | Targets |', '| --- | --- |', '| Provisioning | Notification of rejection – 4 business hours<br>Notification of expected delivery date – 6 business hours |'].join('\n'),
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]!.key).not.toBe(rows[1]!.key);
  });

  it('reads the insurance line a Chinese clause opens with as its product', () => {
    const rows = read(['# 理赔服务承诺', '', '1、种植业保险在接到报案后10日内完成损失核定。', '', '2、养殖业保险在接到报案后3日内完成损失核定。', '', '3、本公司业务在接到报案后24小时内查勘。'].join('\n'));
    expect(rows.map((r) => r.scope.product)).toEqual(['种植业保险', '养殖业保险', undefined]);
    expect(read('# 承诺\n\n以上产品在报修后48小时内上门。\n\n投诉业务自受理之日起10个工作日内办结。').map((r) => r.scope.product)).toEqual([undefined, undefined]);
  });
});
