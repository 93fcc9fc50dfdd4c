// A partial run (what pre-commit or a changed-files step passes) reports only the named
// files, but their cross-document findings are those of a run over the whole workspace.
// And `merge` refuses a shard set that is incomplete, repeated, or from different runs.

import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, runJson, type JsonReport } from '../helpers/cli';

const flat = (r: JsonReport, path: string) =>
  r.files.filter((f) => f.path === path).flatMap((f) => f.findings.map((x) => `${x.line}:${x.column} ${x.ruleId} ${x.message}`));

/** A git repository (a `.git` folder marks its top) holding the defect samples under docs/. */
function repository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'policylint-workspace-'));
  mkdirSync(join(dir, '.git'));
  cpSync(join(REPO_ROOT, 'samples/defects'), join(dir, 'docs'), { recursive: true });
  writeFileSync(join(dir, 'docs/.policylintrc.json'), JSON.stringify({ organization: '恒启数字服务有限公司' }));
  return dir;
}

const letter = 'docs/complaint-commitment-letter.md';

describe('a partial run', () => {
  const dir = repository();

  it('reports the named file with the same findings as a run over the folder, cross-document ones included', async () => {
    const { report: whole } = await runJson(['docs'], dir);
    const conflicts = flat(whole, letter).filter((l) => l.includes('sla-conflict'));
    expect(conflicts.length).toBeGreaterThan(0);
    const { run, report: partial } = await runJson([letter], dir);
    expect(partial.files.map((f) => f.path)).toEqual([letter]);
    expect(flat(partial, letter)).toEqual(flat(whole, letter));
    expect(run.code).toBe(1);
  });

  it('finds the same workspace from a subfolder, and from the git root with no paths', async () => {
    const { report: whole } = await runJson([], dir);
    const { report: fromDocs } = await runJson(['complaint-commitment-letter.md'], join(dir, 'docs'));
    expect(flat(fromDocs, 'complaint-commitment-letter.md')).toEqual(flat(whole, letter));
  });

  it('stops at a config with root: true', async () => {
    const d = repository();
    mkdirSync(join(d, 'docs/letters'));
    cpSync(join(d, letter), join(d, 'docs/letters/letter.md'));
    writeFileSync(join(d, 'docs/letters/.policylintrc.json'), JSON.stringify({ root: true, organization: '恒启数字服务有限公司' }));
    const { report } = await runJson(['docs/letters/letter.md'], d);
    expect(flat(report, 'docs/letters/letter.md').filter((l) => l.includes('sla-conflict'))).toEqual([]);
  });

  it('--fix writes only the named file', async () => {
    const d = repository();
    // Both have fixable findings: only the named one may change.
    const letter = readFileSync(join(d, 'docs/complaint-commitment-letter.md'), 'utf8');
    const handbook = readFileSync(join(d, 'docs/customer-service-handbook.md'), 'utf8');
    await runCli(['docs/customer-service-handbook.md', '--fix'], d);
    expect(readFileSync(join(d, 'docs/complaint-commitment-letter.md'), 'utf8')).toBe(letter);
    expect(readFileSync(join(d, 'docs/customer-service-handbook.md'), 'utf8')).not.toBe(handbook);
  });

  it('policylint sla lists only the named file, with the statuses the workspace gives it', async () => {
    const run = await runCli(['sla', letter, '--format', 'json'], dir);
    const rows = (JSON.parse(run.stdout) as { commitments: { path: string; status: string }[] }).commitments;
    expect(new Set(rows.map((r) => r.path))).toEqual(new Set([letter]));
    expect(rows.some((r) => r.status === 'conflict')).toBe(true);
  });
});

describe('merge checks the shard set', () => {
  const dir = repository();
  const shard = async (i: number, n: number, format = 'json') => {
    const file = join(dir, `shard-${i}-${n}.${format}`);
    writeFileSync(file, (await runCli(['docs', '--format', format, '--shard', `${i}/${n}`], dir)).stdout);
    return file;
  };

  it('a shard names itself and lists every file of the run', async () => {
    const out = JSON.parse(readFileSync(await shard(1, 2), 'utf8')) as { shard: { index: number; count: number; files: string[] } };
    expect(out.shard.index).toBe(1);
    expect(out.shard.count).toBe(2);
    expect(out.shard.files).toContain(letter);
    const sarif = JSON.parse(readFileSync(await shard(2, 2, 'sarif'), 'utf8')) as { runs: { properties: { policylintShard: { index: number } } }[] };
    expect(sarif.runs[0]!.properties.policylintShard.index).toBe(2);
  });

  it.each([
    ['a missing shard', async () => [await shard(1, 3), await shard(2, 3)], /shard 3\/3 missing/],
    ['a shard given twice', async () => [await shard(1, 2), await shard(1, 2, 'sarif'), await shard(2, 2)], /shard 1\/2 is given more than once/],
    ['shards of different runs', async () => [await shard(1, 2), await shard(2, 3)], /different runs/],
    ['a result that is not a shard', async () => [await shard(1, 1), await (async () => { const f = join(dir, 'plain.json'); writeFileSync(f, (await runCli(['docs', '--format', 'json'], dir)).stdout); return f; })()], /plain\.json: not the output of a sharded run/],
  ])('refuses %s (exit 2)', async (_what, inputs, message) => {
    const run = await runCli(['merge', ...(await inputs())], dir);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
  });

  it('refuses a shard whose files were cut out of its output', async () => {
    const files = [await shard(1, 2), await shard(2, 2)];
    const data = JSON.parse(readFileSync(files[0]!, 'utf8')) as { files: unknown[] };
    data.files = [];
    writeFileSync(files[0]!, JSON.stringify(data));
    const run = await runCli(['merge', ...files], dir);
    expect(run.stderr).toMatch(/in no shard's output/);
    expect(run.code).toBe(2);
  });
});

