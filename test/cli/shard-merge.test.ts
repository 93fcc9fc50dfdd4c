// --shard i/n and merge: a sharded run, merged, reports what one run reports,
// including the cross-document conflicts no single shard can see.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, type JsonReport } from '../helpers/cli';

const flat = (r: JsonReport) =>
  r.files.flatMap((f) => f.findings.map((x) => `${f.path}:${x.line}:${x.column} ${x.ruleId} ${x.message}`)).sort();

describe('--shard and merge', () => {
  const out = mkdtempSync(join(tmpdir(), 'policylint-shards-'));
  let whole: JsonReport;
  beforeAll(async () => {
    whole = JSON.parse((await runCli(['samples/defects', '--format', 'json'], REPO_ROOT)).stdout) as JsonReport;
  });

  it('every file lands in exactly one shard', async () => {
    const seen: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const part = JSON.parse((await runCli(['samples/defects', '--format', 'json', '--shard', `${i}/3`], REPO_ROOT)).stdout) as JsonReport;
      seen.push(...part.files.map((f) => f.path));
    }
    expect(seen.sort()).toEqual(whole.files.map((f) => f.path).sort());
  });

  it.each(['json', 'sarif'])('merging %s shards gives the unsharded findings', async (format) => {
    const files: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const file = join(out, `shard-${i}.${format}`);
      writeFileSync(file, (await runCli(['samples/defects', '--format', format, '--shard', `${i}/3`], REPO_ROOT)).stdout);
      files.push(file);
    }
    const merged = await runCli(['merge', ...files, '--format', 'json'], REPO_ROOT);
    const report = JSON.parse(merged.stdout) as JsonReport;
    expect(flat(report)).toEqual(flat(whole));
    expect(report.summary).toEqual(whole.summary);
    expect(merged.code).toBe(1);
    // The cross-document conflict exists only after merging.
    expect(flat(report).some((l) => l.includes('sla-conflict'))).toBe(true);
  });

  it('rejects a bad shard spec and a file that is not a result', async () => {
    expect((await runCli(['samples', '--shard', '4/3'], REPO_ROOT)).code).toBe(2);
    const bogus = join(out, 'bogus.json');
    writeFileSync(bogus, '{"hello": 1}');
    const run = await runCli(['merge', bogus], REPO_ROOT);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('bogus.json');
  });
});
