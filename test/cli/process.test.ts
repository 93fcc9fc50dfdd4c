// The CLI as a real process: the bundle that ships (bin/policylint.js →
// dist/cli.js, which loads dist/engine.js), its exit status and its streams.
// Everything else about the command line runs in-process (test/helpers/cli.ts).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCliProcess } from '../helpers/cli';

const dir = mkdtempSync(join(tmpdir(), 'policylint-process-'));
writeFileSync(join(dir, 'clean.md'), '# 客户服务手册\n\n热线电话须在20秒内接通。\n');
writeFileSync(join(dir, 'bad.md'), '# 服务承诺书\n\n本公司【公司名称】承诺如下。\n');

describe('the policylint process', () => {
  it('--version prints the package version and exits 0', () => {
    const run = runCliProcess(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('exits 0 for a clean file and 1 for findings, through the shipped engine bundle', () => {
    expect(runCliProcess(['clean.md'], dir).code).toBe(0);
    const run = runCliProcess(['bad.md', '--format', 'json'], dir);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).files[0].findings.map((f: { ruleId: string }) => f.ruleId)).toContain('placeholder');
  });

  it('ends quietly when its reader closes the pipe early (policylint sla | head -c 1)', () => {
    // Many documents, so the table is longer than the pipe's buffer and the reader leaves mid-way.
    for (let i = 0; i < 40; i++) writeFileSync(join(dir, `many-${i}.md`), `# 客户服务手册\n\n${'热线电话须在20秒内接通。邮件24小时内回复。\n\n'.repeat(40)}`);
    const cli = join(REPO_ROOT, 'bin/policylint.js');
    const run = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" sla --format json . | head -c 1 >/dev/null; echo "status $?"`], { cwd: dir, encoding: 'utf8' });
    expect(run.stderr).not.toMatch(/EPIPE|Unhandled|at \S+ \(/);
  });

  it('exits 2 on a usage error and says why on stderr, nothing on stdout', () => {
    const run = runCliProcess(['--format', 'xml'], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/xml/);
  });

  it('writes no colour codes when stdout is a pipe', () => {
    const run = runCliProcess(['bad.md'], dir);
    expect(run.stdout).toContain('placeholder');
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it('reads the document from stdin with --stdin', () => {
    const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/policylint.js'), '--stdin', '--stdin-filename', 'new.md', '--format', 'json'], { cwd: dir, input: '# 服务承诺书\n\n本公司【公司名称】承诺如下。\n', encoding: 'utf8' });
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { files: { path: string; findings: { ruleId: string }[] }[] };
    expect(report.files.map((f) => f.path)).toEqual(['new.md']);
    expect(report.files[0]!.findings.map((f) => f.ruleId)).toContain('placeholder');
  });

  it('colours a pipe when FORCE_COLOR is set, and nothing with NO_COLOR', () => {
    const env = (extra: Record<string, string>) => {
      const { NO_COLOR: _n, FORCE_COLOR: _f, ...rest } = process.env;
      return { ...rest, ...extra };
    };
    const forced = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/policylint.js'), 'bad.md'], { cwd: dir, encoding: 'utf8', env: env({ FORCE_COLOR: '1' }) });
    expect(forced.stdout).toMatch(/\u001b\[/);
    const plain = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/policylint.js'), 'bad.md'], { cwd: dir, encoding: 'utf8', env: env({ NO_COLOR: '1' }) });
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    expect(plain.stdout).toContain('placeholder');
  });
});
