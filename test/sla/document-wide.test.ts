// What one sentence says of every time in the document: that they run on business hours, or that
// they are targets and not guarantees.

import { describe, expect, it } from 'vitest';
import { collectCommitments } from '../../server/src/policy/commitments';
import { createDocument } from '../../server/src/policy/document';

function read(text: string) {
  return collectCommitments(createDocument('/sla.md', text)).map((r) => ({ line: r.line, unit: r.unit, strength: r.strength }));
}

const TABLE = ['# IT service levels', '', '| Priority | Respond by |', '| --- | --- |', '| Urgent | 10 minutes |', '| Standard | 10 hours |'];

describe('document-wide statements', () => {
  it('puts every bare unit on business hours after "the times exist within our operational hours"', () => {
    const text = [...TABLE, '', 'The Respond By times exist within our operational hours, 7:30-17:30, Monday to Friday.'].join('\n');
    expect(read(text).filter((r) => r.line <= 6)).toEqual([
      { line: 5, unit: 'business-minute', strength: 'binding' },
      { line: 6, unit: 'business-hour', strength: 'binding' },
    ]);
  });

  it('puts every bare unit on business hours after "all SLAs are in accordance with business hours"', () => {
    const text = [...TABLE, '', '- All SLAs are in accordance with Business hours/ days, except for 24x7 support scenarios.'].join('\n');
    expect(read(text).map((r) => r.unit)).toEqual(['business-minute', 'business-hour']);
  });

  it('puts every bare unit on business hours after a note that "hours are stated in terms of business hours"', () => {
    const text = [...TABLE, '', '** Note: Hours stated in terms of business hours, e.g., 48 hours equal 6 business days.'].join('\n');
    expect(read(text).filter((r) => r.line <= 6).map((r) => r.unit)).toEqual(['business-minute', 'business-hour']);
  });

  it('reads a table with two header rows: a group label over the columns it spans, each column its own label', () => {
    const text = [
      '# Response and resolution times',
      '',
      '| Severity | Business hours | | After hours | |',
      '|---|---|---|---|---|',
      '| | Initial response | Resolution | Initial response | Resolution |',
      '| Priority 1 | 30 min | 4 hrs | 1 hr | 8 hrs |',
      '| Priority 2 | 2 hrs | 1 wk | 4 hrs | 2 wks |',
    ].join('\n');
    const got = collectCommitments(createDocument('/sla.md', text));
    expect(got.map((r) => [r.line, r.metric, r.valueText])).toEqual([
      [6, 'first-response', '30 min'],
      [6, 'resolve', '4 hrs'],
      [6, 'first-response', '1 hr'],
      [6, 'resolve', '8 hrs'],
      [7, 'first-response', '2 hrs'],
      [7, 'resolve', '1 wk'],
      [7, 'first-response', '4 hrs'],
      [7, 'resolve', '2 wks'],
    ]);
    // The label row is no row of values, and business hours and after hours are two promises of one priority.
    const keys = got.filter((r) => r.line === 6 && r.metric === 'first-response').map((r) => r.key);
    expect(new Set(keys).size).toBe(2);
  });

  it('ends a group label where the labels under it start again: the next group is unlabelled', () => {
    const text = [
      '# Response times',
      '',
      '| Problem severity | Business hours | | | |',
      '|---|---|---|---|---|',
      '| | Initial response | Resolution | Initial response | Resolution |',
      '| Priority 1 | 30 min | 4 hrs | 1 hr | 8 hrs |',
    ].join('\n');
    const got = collectCommitments(createDocument('/sla.md', text)).filter((r) => r.metric === 'first-response');
    expect(got.map((r) => r.valueText)).toEqual(['30 min', '1 hr']);
    expect(got[0]!.key).not.toBe(got[1]!.key);
  });

  it('reads 以上时限均按工作日计算 as business days', () => {
    expect(read(['# 服务标准', '', '投诉5天内答复。', '', '以上时限均按工作日计算。'].join('\n'))).toEqual([{ line: 3, unit: 'business-day', strength: 'binding' }]);
  });

  it('makes every promise an aim when the document says its times are targets, not guarantees', () => {
    for (const disclaimer of ['These are internal targets and do not constitute a Service Level Agreement or a binding contract.', '响应时间目标仅用于描述我们的目标，并不表示性能保证。']) {
      expect(read([...TABLE, '', disclaimer].join('\n')).map((r) => r.strength)).toEqual(['aim', 'aim']);
    }
  });

  it('reads a table after the paragraph that presents it, footnote marks and all', () => {
    const text = ['# Support case priority', '', 'The following table defines the initial response time for each priority in the chosen support plan.', '', '| Priority | Pro | Enterprise |', '| --- | --- | --- |', '| P1 | 1 hour* | 30 minutes* |', '| P2 | 4 hours | 2 hours |'].join('\n');
    const got = collectCommitments(createDocument('/support.md', text)).map((r) => [r.line, r.metric, r.valueText]);
    expect(got).toEqual([
      [7, 'first-response', '1 hour'],
      [7, 'first-response', '30 minutes'],
      [8, 'first-response', '4 hours'],
      [8, 'first-response', '2 hours'],
    ]);
  });

  it('reads no promise into a table of credits its paragraph presents', () => {
    const text = ['# SLA', '', '**Financial Credit** means the percent of the monthly fee credited, according to the availability in the following table.', '', '| Achieved | 99.9% | 99.5% |', '| --- | --- | --- |', '| below 99.9% | 10% | 25% |'].join('\n');
    expect(collectCommitments(createDocument('/sla.md', text)).filter((r) => r.metric !== undefined)).toEqual([]);
  });

  it('reads the metric of a term its glossary defines (Turn Around Time, TAT)', () => {
    const text = ['# Service levels', '', '| Response Head | Standard |', '| --- | --- |', '| **Turn Around Time (TAT)** | 2 hrs |', '| **Resolution Time (RT)** | 1 week |', '', '## Glossary of Terms', '', '| Term | Definition |', '| --- | --- |', '| **Turn Around Time** | The amount of time between the issue being reported and the acknowledgment received from the helpdesk. |'].join('\n');
    expect(collectCommitments(createDocument('/sla.md', text)).map((r) => [r.line, r.metric, r.conditions])).toEqual([
      [5, 'acknowledge', []],
      [6, 'resolve', []],
    ]);
  });

  it('reads no promise into a table presented as a typical SLA', () => {
    for (const leadIn of ['下表描述了具有多个服务级别的典型SLA量度划分：', 'The table below shows a typical SLA with several service levels.']) {
      const text = ['# 服务级别协议', '', leadIn, '', '| 问题类型 | 响应/恢复时间 |', '| --- | --- |', '| P1 | 1小时/4小时 |', '| P2 | 2小时/12小时 |'].join('\n');
      expect(collectCommitments(createDocument('/sla.md', text))).toEqual([]);
    }
  });

  it('leaves the clock and the strength alone without such a sentence', () => {
    expect(read(TABLE.join('\n'))).toEqual([
      { line: 5, unit: 'minute', strength: 'binding' },
      { line: 6, unit: 'hour', strength: 'binding' },
    ]);
  });
});
