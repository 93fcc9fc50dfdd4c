// `policylint sla`: the commitment table in its three formats.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'policylint-sla-'));
  writeFileSync(join(dir, 'handbook.md'), '# 客户服务手册\n\n热线电话须在20秒内接通。\n\n邮件咨询2小时内确认受理。\n\n投诉将及时处理。\n\n紧急故障工作日4小时内修复，节假日8小时内修复。\n');
  writeFileSync(join(dir, 'letter.md'), '# 服务承诺书\n\n一、热线电话30秒内接通。\n\n二、工单在__小时内响应。\n');
  writeFileSync(join(dir, 'statute.md'), '# 某某条例\n\n第一条 行政机关应当在十五日内答复。\n');
});

const FIELDS = ['path', 'line', 'column', 'channel', 'metric', 'conditions', 'scope', 'comparator', 'value', 'unit', 'clock', 'normalized', 'strength', 'text', 'status'];
// CSV is read by position: the scope column came later, so it comes last.
const CSV_FIELDS = ['path', 'line', 'column', 'channel', 'metric', 'conditions', 'comparator', 'value', 'unit', 'clock', 'normalized', 'strength', 'text', 'status', 'scope'];

describe('policylint sla', () => {
  it('json keeps the contract field names and gives every status', async () => {
    const run = await runCli(['sla', '--format', 'json'], dir);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout).commitments as Record<string, unknown>[];
    for (const r of rows) expect(Object.keys(r)).toEqual(FIELDS);
    const find = (path: string, value: string) => rows.find((r) => r.path === path && r.value === value);
    // Both statements of the conflicting promise are marked, not only the one the finding sits on.
    expect(find('handbook.md', '20秒')).toMatchObject({ channel: 'phone', metric: 'answer', normalized: 20, unit: 'second', clock: 'calendar', status: 'conflict', line: 3 });
    expect(find('letter.md', '30秒')).toMatchObject({ status: 'conflict' });
    expect(find('handbook.md', '2小时')).toMatchObject({ channel: 'email', metric: 'acknowledge', normalized: 7200, status: 'ok', scope: {} });
    // Scope: every dimension that limits the promise; working days stay because holidays have a promise of their own.
    expect(find('handbook.md', '4小时')).toMatchObject({ metric: 'resolve', conditions: ['urgent', 'workday'], scope: { priority: 'urgent', time: 'workday' } });
    expect(find('handbook.md', '8小时')).toMatchObject({ metric: 'resolve', scope: { priority: 'urgent', time: 'holiday' } });
    expect(rows.some((r) => r.path === 'letter.md' && r.status === 'placeholder')).toBe(true);
    expect(rows.some((r) => r.path === 'handbook.md' && r.status === 'vague' && r.value === '及时')).toBe(true);
    // A statute's deadline is listed, never compared.
    expect(find('statute.md', '十五日')).toMatchObject({ status: 'ok', unit: 'day' });
  });

  it('markdown is a table a pull request can show', async () => {
    const out = (await runCli(['sla', '--locale', 'en'], dir)).stdout;
    const lines = out.split('\n');
    expect(lines[0]).toBe('| File | Line | Channel | Metric | Scope | Value as written | Normalised | Status |');
    expect(lines[1]).toMatch(/^\|( --- \|){8}$/);
    // The normalised value reads as in the editor's hover, inlay hint and SLA table: 30 s once, 2 h = 120 min.
    expect(out).toMatch(/\| `letter.md` \| 3 \| phone \| answer \| — \| 30秒 \| 30 s \| ❌ conflict \|/);
    expect(out).toMatch(/\| `handbook.md` \| 5 \| email \| acknowledge \| — \| 2小时 \| 2 h = 120 min \|/);
    expect(out).toMatch(/commitments: 2 in conflict, 1 vague, 1 without a value\./);
    // The scope column shows each dimension's value: P1 · holidays.
    expect(out).toMatch(/\| `handbook.md` \| 9 \| — \| resolve \| urgent · holidays \| 8小时 \|/);
  });

  it('csv quotes what needs quoting', async () => {
    const out = (await runCli(['sla', '--format', 'csv'], dir)).stdout;
    const [header, ...rows] = out.trimEnd().split('\r\n');
    expect(header).toBe(CSV_FIELDS.join(','));
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.find((r) => r.startsWith('handbook.md,3,'))).toContain(',phone,answer,');
  });
});

describe('policylint sla with a regulation pack', () => {
  let packDir: string;
  beforeAll(() => {
    packDir = mkdtempSync(join(tmpdir(), 'policylint-sla-law-'));
    writeFileSync(join(packDir, '.policylintrc.json'), JSON.stringify({ regulations: ['cn-banking-consumer-complaints'] }));
    writeFileSync(join(packDir, 'complaints.md'), '# 投诉处理承诺书\n\n一、投诉处理时限\n\n一般投诉20日内办结。复杂投诉30日内办结。\n\n二、服务热线\n\n热线电话20秒内接通。\n');
  });

  it('markdown gets a legal-limit column; promises no pack covers show a dash', async () => {
    const out = (await runCli(['sla', '--locale', 'zh-CN'], packDir)).stdout;
    const lines = out.split('\n');
    expect(lines[0]).toBe('| 文件 | 行 | 渠道 | 指标 | 范围 | 承诺值（原文） | 规范值 | 状态 | 法定时限 |');
    expect(out).toContain('| 20日 | 20天 ≈ 480 h | ✅ 一致 | 法定上限：15天（《银行业保险业消费投诉处理管理办法》第三章（消费投诉处理）） · 超出 |');
    expect(out).toContain('| 30日 | 30天 ≈ 720 h | ✅ 一致 | 法定上限：30天（《银行业保险业消费投诉处理管理办法》第三章（消费投诉处理）） · 符合 |');
    expect(out).toMatch(/\| 20秒 \| 20秒 = 20 s \| ✅ 一致 \| — \|/);
  });

  it('json adds legalLimit to the rows a pack covers, and only to them', async () => {
    const rows = JSON.parse((await runCli(['sla', '--format', 'json'], packDir)).stdout).commitments as Record<string, unknown>[];
    expect(rows.find((r) => r.value === '20日')?.legalLimit).toMatchObject({ pack: 'cn-banking-consumer-complaints', limit: 'decision', verdict: 'exceeds' });
    expect(rows.find((r) => r.value === '30日')?.legalLimit).toMatchObject({ limit: 'complex-decision', verdict: 'meets' });
    expect(Object.keys(rows.find((r) => r.value === '20秒')!)).toEqual(FIELDS);
  });
});
