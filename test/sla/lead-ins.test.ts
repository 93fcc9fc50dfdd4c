// A list's lead-in names what its items promise: "We reply to complaints within the following
// timescales" before "Stage 1 – 5 working days" makes each item a complaint reply, its label its case.

import { describe, expect, it } from 'vitest';
import { collectCommitments } from '../../server/src/policy/commitments';
import { createDocument } from '../../server/src/policy/document';

function read(text: string) {
  return collectCommitments(createDocument('/handbook.md', text)).map((r) => ({ line: r.line, channel: r.channel, metric: r.metric, value: r.valueText, scope: r.scope }));
}

describe('list lead-ins', () => {
  const items = ['', '- Stage 1 – 5 working days', '- Stage 2 – 20 working days'];

  it('reads the items of a lead-in that ends in "the following …", with or without a colon', () => {
    for (const leadIn of ['We reply to complaints within the following timescales', 'We reply to complaints within the following timescales:']) {
      expect(read(['# Complaints procedure', '', leadIn, ...items].join('\n'))).toEqual([
        { line: 5, channel: 'complaint', metric: 'reply', value: '5 working days', scope: { case: 'stage-1' } },
        { line: 6, channel: 'complaint', metric: 'reply', value: '20 working days', scope: { case: 'stage-2' } },
      ]);
    }
  });

  it('takes the metric a lead-in names, not a metric word that names the kind of incident', () => {
    const text = ['# 报告问题', '', '**技术中断修复事件** 的初始响应时间：', '', '- 严重性 A：两小时', '- 严重性 B：四个小时'].join('\n');
    expect(read(text).map((r) => [r.line, r.metric, r.value])).toEqual([
      [5, 'first-response', '两小时'],
      [6, 'first-response', '四个小时'],
    ]);
  });

  it('reads nothing of a list under a sentence that introduces no values', () => {
    expect(read(['# Complaints procedure', '', 'We handle complaints in two stages.', ...items].join('\n'))).toEqual([]);
  });

  it('reads a nested list under the item that introduces it, and ends the item with its list', () => {
    const text = ['# Complaints procedure', '', '## Timescales', '', '- Stage 1:', '  - Acknowledgement – 3 working days', '- Stage 2:', '  - Acknowledgement – 5 working days', '- Acknowledgement of an appeal – 10 working days'].join('\n');
    expect(read(text)).toEqual([
      { line: 6, channel: 'complaint', metric: 'acknowledge', value: '3 working days', scope: { case: 'stage-1' } },
      { line: 8, channel: 'complaint', metric: 'acknowledge', value: '5 working days', scope: { case: 'stage-2' } },
      { line: 9, channel: 'complaint', metric: 'acknowledge', value: '10 working days', scope: {} },
    ]);
  });

  it('reads labelled values after the metric of their sentence before the heading\'s', () => {
    const text = ['# 安全漏洞处理', '', '## Response SLAs', '', '- 修复与发布：依据严重程度（Critical: 7 天；High: 14 天）'].join('\n');
    expect(read(text)).toEqual([
      { line: 5, channel: undefined, metric: 'resolve', value: '7 天', scope: { priority: 'urgent' } },
      { line: 5, channel: undefined, metric: 'resolve', value: '14 天', scope: { priority: 'high' } },
    ]);
  });

  it('puts bare units on the business clock a heading, lead-in or column header names', () => {
    const text = [
      '# Support SLA',
      '',
      '| Priority | Response time (business hours) | Resolution (calendar) |',
      '| --- | --- | --- |',
      '| P1 | 2 hours | 1 day |',
      '',
      '## Response targets (business days)',
      '',
      '- P2: initial response within 2 days',
      '',
      '## 解决时限（工作日）',
      '',
      '- 一般问题：5天内解决',
      '',
      '## Priority codes',
      '',
      '| Priority code | Target response (within core hours) |',
      '| --- | --- |',
      '| P1 | Immediate response, action within 1 hour |',
    ].join('\n');
    const units = collectCommitments(createDocument('/sla.md', text)).map((r) => [r.line, r.valueText, r.unit]);
    expect(units).toEqual([
      [5, '2 hours', 'business-hour'],
      [5, '1 day', 'day'],
      [9, '2 days', 'business-day'],
      [13, '5天', 'business-day'],
      [19, '1 hour', 'business-hour'],
    ]);
  });

  it('takes the metric of a table from the sentence that presents it as a chart', () => {
    const text = ['# Support levels', '', 'See below chart for SLA Severity Levels & Response Times', '', '| Severity | Bronze | Gold |', '| --- | --- | --- |', '| Level 4 | ~2h | ~1h |'].join('\n');
    expect(collectCommitments(createDocument('/sla.md', text)).map((r) => [r.line, r.metric, r.valueText])).toEqual([
      [7, 'first-response', '2h'],
      [7, 'first-response', '1h'],
    ]);
  });

  it('reads the clock a cell names before its value, and a level row label before its description', () => {
    const text = [
      '# 支持服务',
      '',
      '## 服务水平目标：初始响应',
      '',
      '| 优先级 | 在线支持 | 商业支持 |',
      '| --- | --- | --- |',
      '| <b>优先级 1</b><br>生产业务中断，需要立即关注以恢复功能。 | 全天候/<br>1 小时 | 全天候/<br>1 小时 |',
      '| <b>优先级 2</b><br>主要功能受到重大影响。 | 营业时间/<br>4 小时 | 营业时间/<br>2 小时 |',
      '| <b>优先级 4</b><br>一般咨询。 | 工作日/<br>3 天 | 工作日/<br>1 天 |',
    ].join('\n');
    const read = collectCommitments(createDocument('/sla.md', text)).map((r) => [r.line, r.metric, r.valueText, r.unit, r.scope.priority]);
    expect(read).toEqual([
      [7, 'first-response', '1 小时', 'hour', 'urgent'],
      [7, 'first-response', '1 小时', 'hour', 'urgent'],
      [8, 'first-response', '4 小时', 'business-hour', 'high'],
      [8, 'first-response', '2 小时', 'business-hour', 'high'],
      [9, 'first-response', '3 天', 'business-day', 'low'],
      [9, 'first-response', '1 天', 'business-day', 'low'],
    ]);
  });

  it('keeps a cell value that its hours follow, where the row label names no metric', () => {
    const text = [
      '# Support plans',
      '',
      '| Issue | Standard | Premium |',
      '| --- | --- | --- |',
      '| A feature does not work as documented | 1 business day | 4 hours Available M-F 8am to 6pm |',
      '| Platform unavailable for all users and no workaround exists | 4 hours | 30 minutes, 24/7 |',
    ].join('\n');
    expect(read(text).map((r) => [r.line, r.metric, r.value, r.scope.plan])).toEqual([
      [5, undefined, '1 business day', 'standard'],
      [5, undefined, '4 hours', 'premium'],
      [5, 'service-hours', 'M-F 8am to 6pm', 'premium'],
      [6, 'resolve', '4 hours', 'standard'],
      [6, 'resolve', '30 minutes', 'premium'],
      [6, 'service-hours', '24/7', 'premium'],
    ]);
  });

  it('tells a second column of the same metric apart by its header', () => {
    const text = [
      '# Vulnerability response',
      '',
      '| Severity | Vulnerability resolution time | Release bug fix version |',
      '| --- | --- | --- |',
      '| High | Within 5 business days | Within 30 days |',
    ].join('\n');
    expect(read(text).map((r) => [r.line, r.metric, r.value, r.scope])).toEqual([
      [5, 'resolve', '5 business days', { priority: 'high' }],
      [5, 'resolve', '30 days', { priority: 'high', case: 'release-bug-fix-version' }],
    ]);
  });

  it('reads no promise in a table of service credits, whatever its heading names', () => {
    const text = [
      '# SLA',
      '',
      '## 每月正常运行时间和服务级别',
      '',
      '| 每月正常服务时间百分比 | 服务费抵扣 |',
      '| --- | --- |',
      '| <99.95% | 10% |',
      '',
      '## Monthly uptime',
      '',
      '| Monthly Uptime Percentage | Percentage of monthly fee credited |',
      '| --- | --- |',
      '| < 99.9% | 10% |',
    ].join('\n');
    expect(read(text)).toEqual([]);
  });

  it('takes no value of another column for a label of the row', () => {
    const text = [
      '# Our Service Level Agreement',
      '',
      '| Support Incidents | Priority 1: Critical | Priority 2: High | Priority 3: Medium |',
      '|---|---|---|---|',
      '| Resolution / Completion Time | 8 Hours | 1 Core Day | 3 Core Days |',
    ].join('\n');
    expect(read(text).map((r) => [r.value, r.scope])).toEqual([
      ['8 Hours', { priority: 'urgent' }],
      ['1 Core Day', { priority: 'high' }],
      ['3 Core Days', { priority: 'general' }],
    ]);
  });

  it('reads no promise in a section of service credits under an availability heading', () => {
    const text = [
      '# Service Level Agreement',
      '',
      '## 1. Service Availability',
      '',
      'We guarantee 99.9% uptime for all our hosting services.',
      '',
      '### Service Credits',
      '',
      '  • 99.0% to 99.9%: 10% credit',
      '  • Below 95.0%: 50% credit',
      '',
      '## 服务可用性',
      '',
      '### 赔偿标准',
      '',
      '可用性低于99.9%但不低于99%：赔偿月费的10%',
    ].join('\n');
    expect(read(text).map((r) => [r.line, r.metric, r.value])).toEqual([[5, 'availability', '99.9%']]);
  });

  it('reads a target column beside a promise as the on-time rate of its row, one promise per row', () => {
    const text = [
      '# 服务承诺',
      '',
      '| 项目 | 服务承诺 | 目标 |',
      '|---|---|---|',
      '| 1. | 本地信件可于投寄后两个工作天内派达 | 98.0% |',
      '| 2. | 大量邮件按服务简章所列标准派递 | 99.5% |',
      '',
      '## Incidents',
      '',
      '| Item | Priority Level | Metric | Target |',
      '|---|---|---|---|',
      '| Respond | Critical | 1 hour | 90% |',
      '| Resolve | Critical | 4 hours | 80% |',
      '',
      '## Targets of their own',
      '',
      '| Measure | Target |',
      '|---|---|',
      '| First response | 4 hours |',
      '| Customer satisfaction | 90% |',
    ].join('\n');
    const rates = read(text).filter((r) => r.metric === 'on-time-rate');
    expect(rates.map((r) => [r.line, r.value])).toEqual([
      [5, '98.0%'],
      [6, '99.5%'],
      [12, '90%'],
      [13, '80%'],
    ]);
    // Each row's rate measures its own promise: none is the same promise as another.
    expect(new Set(rates.map((r) => JSON.stringify(r.scope))).size).toBe(4);
    expect(rates[2]!.scope).toMatchObject({ priority: 'urgent' });
    // A target column that holds the promise itself, or a rate the row names, is read as before.
    expect(read(text).filter((r) => r.line >= 19).map((r) => [r.line, r.metric, r.value])).toEqual([
      [19, 'first-response', '4 hours'],
      [20, 'satisfaction', '90%'],
    ]);
  });

  it('reads a description cell that restates its row once, and one with a number of its own', () => {
    const text = [
      '# 支持服务',
      '',
      '| 问题类型 | 响应时间 | 描述 |',
      '|---|---|---|',
      '| 一般性指导 | < 1小时 | 针对一般性问题，服务提供商将在1小时内给予响应。 |',
      '| 系统停机 | < 15分钟 | 服务提供商将在15分钟内响应，并每2小时更新一次进展。 |',
    ].join('\n');
    expect(read(text).map((r) => [r.line, r.metric, r.value])).toEqual([
      [5, 'first-response', '1小时'],
      [6, 'first-response', '15分钟'],
      [6, 'first-response', '15分钟'],
      [6, 'follow-up', '2小时'],
    ]);
  });

  it('takes the metric from a short line over the table, past a note in brackets, and tells Premier+ from Premier', () => {
    const text = [
      '# Support SLAs',
      '',
      'Initial response',
      '',
      '(Time to acknowledge the receipt of a support ticket and assign it to a support agent.)',
      '',
      '| Severity | Essential | Premier | Premier+ |',
      '|---|---|---|---|',
      '| Urgent | 4 hrs | 2 hrs | 1 hr |',
    ].join('\n');
    expect(read(text).map((r) => [r.line, r.metric, r.value, r.scope])).toEqual([
      [9, 'first-response', '4 hrs', { priority: 'urgent', plan: 'essential' }],
      [9, 'first-response', '2 hrs', { priority: 'urgent', plan: 'premium' }],
      [9, 'first-response', '1 hr', { priority: 'urgent', plan: 'premier-plus' }],
    ]);
  });

  it('tells a continued row apart by the label beside its value, and reads "Service standard" as no plan', () => {
    const text = [
      '# Key service standards',
      '',
      '| Service | Service description | Service standard |',
      '|---|---|---|',
      '| Mail / email correspondence | Requests for information | Response within 10 business days |',
      '| | Requests for service | Response within 3 business days |',
      '| Customer contact centre | Requests received by telephone | Average wait time of 45 seconds |',
    ].join('\n');
    expect(read(text).map((r) => [r.line, r.channel, r.metric, r.value, r.scope])).toEqual([
      [5, 'email', 'first-response', '10 business days', {}],
      [6, 'email', 'first-response', '3 business days', { case: 'requests-for-service' }],
      [7, 'phone', 'answer', '45 seconds', { case: 'customer-contact-centre' }],
    ]);
  });

  it('reads a priority heading with its code in brackets, skips what is out of scope, and knows an address from an example', () => {
    const text = [
      '# Support',
      '',
      '### Critical (P0)',
      '',
      'Response within 1 hour.',
      '',
      '### High (P1)',
      '',
      'Response within 4 hours.',
      '',
      '## Email',
      '',
      'Write to support@example.com. We reply within:',
      '',
      '- 2 days',
      '',
      '## Out of scope',
      '',
      '- 24/7 on-call support within 15 minutes',
    ].join('\n');
    expect(read(text).map((r) => [r.line, r.value, r.scope])).toEqual([
      [5, '1 hour', { priority: 'urgent' }],
      [9, '4 hours', { priority: 'high' }],
      [15, '2 days', {}],
    ]);
  });
});

describe('level label paragraphs', () => {
  it('reads the paragraphs under a level label alone on its line as that level, by its number', () => {
    const text = ['第一級 加急', '', '處理方式:現場解決。', '', '應急響應:30分鐘。', '', '第三級 緊急', '', '應急響應:4小時。', '', '第五級 一般疑問', '', '應急響應:1個工作日。'].join('\n');
    expect(read(text).map((r) => [r.line, r.metric, r.value, r.scope])).toEqual([
      [5, 'first-response', '30分鐘', { priority: 'urgent' }],
      [9, 'first-response', '4小時', { priority: 'general' }],
      [13, 'first-response', '1個工作日', { priority: 'level-5' }],
    ]);
  });

  it('ends a level label at the next heading, and reads "Level 1 support" as a team, not a level', () => {
    const text = ['# Support', '', 'Priority 2 – High', '', 'Initial response: 4 hours.', '', '## Email', '', 'Initial response: 1 business day.', '', 'Level 1 support', '', 'Initial response: 2 hours.'].join('\n');
    expect(read(text).map((r) => [r.line, r.value, r.scope])).toEqual([
      [5, '4 hours', { priority: 'high' }],
      [9, '1 business day', {}],
      [13, '2 hours', {}],
    ]);
  });
});
