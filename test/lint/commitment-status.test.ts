// The status every statement of a promise gets in the SLA table, the hover and `policylint sla`:
// each statement of a conflicting promise is marked, not only the one a finding sits on, and a
// promise on two clocks is a clock mismatch, not a conflict.

import { describe, expect, it } from 'vitest';
import { Project } from '../../server/src/lint/project';

const letter = (body: string) => ['---', 'kind: commitment-letter', '---', '', '# 客户服务承诺书', '', body, ''].join('\n');

function statuses(files: Record<string, string>) {
  const project = new Project();
  for (const [path, text] of Object.entries(files)) project.update(path, text);
  return {
    project,
    rows: project.commitmentTable().map((r) => `${r.record.path} ${r.record.valueText} ${r.status}`),
  };
}

describe('commitment status', () => {
  it('marks every statement of a conflicting promise, in each document', () => {
    const { rows } = statuses({ 'a.md': letter('客户投诉在24小时内响应。'), 'b.md': letter('客户投诉在48小时内响应。') });
    expect(rows).toEqual(['a.md 24小时 conflict', 'b.md 48小时 conflict']);
  });

  it('calls the same promise on two clocks a clock mismatch', () => {
    const { rows, project } = statuses({ 'a.md': letter('客户投诉在24小时内响应。'), 'b.md': letter('客户投诉在1个工作日内响应。') });
    expect(project.findings('b.md').map((f) => f.ruleId)).toContain('sla-unit-mismatch');
    expect(rows).toEqual(['a.md 24小时 clock-mismatch', 'b.md 1个工作日 clock-mismatch']);
  });

  it('leaves a promise stated once, or twice the same, consistent', () => {
    const { rows } = statuses({ 'a.md': letter('客户投诉在24小时内响应。'), 'b.md': letter('客户投诉在24小时内响应。') });
    expect(rows).toEqual(['a.md 24小时 ok', 'b.md 24小时 ok']);
  });

  it('a rate conflict is a conflict of targets, not of deadlines (满意度目标, not 满意度时限)', () => {
    const { project } = statuses({ 'a.md': letter('客户满意度不低于90%。'), 'b.md': letter('客户满意度不低于95%。') });
    const messages = [...project.findings('a.md'), ...project.findings('b.md')].filter((f) => f.ruleId === 'sla-conflict').map((f) => f.message);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/满意度目标不一致/);
    expect(messages[0]).not.toContain('时限');
  });
});
