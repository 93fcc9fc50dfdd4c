// The conventions CI maintainers expect of a linter's command line: stdin, an output file,
// JUnit and GitLab reports, NO_COLOR/FORCE_COLOR, `help`, unmatched patterns, progress on a
// terminal only, --stats, and --fix-dry-run that also shows what the fixes leave.

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommandLine, type CommandLineIo } from '../../server/src/cli/program';
import { runCli } from '../helpers/cli';

const BLANK = '# 客户服务手册\n\n本公司【公司名称】承诺如下。\n';
const GAP = '# 服务承诺书\n\n一、总则\n\n三、渠道\n';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'policylint-conventions-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The command line in-process with the process details a test sets: stdin, terminals, environment. */
async function run(args: string[], cwd: string, io: Partial<CommandLineIo> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCommandLine(args, { cwd, isTTY: false, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), ...io });
  return { code, stdout, stderr };
}

describe('--stdin', () => {
  it('lints the text on stdin under the name --stdin-filename gives, with that path\'s config', async () => {
    const dir = folder({ 'docs/.policylintrc.json': JSON.stringify({ rules: { placeholder: 'warning' } }) });
    const r = await run(['--stdin', '--stdin-filename', 'docs/new.md', '--format', 'json'], dir, { readStdin: async () => BLANK });
    const report = JSON.parse(r.stdout) as { files: { path: string; findings: { ruleId: string; severity: string }[] }[] };
    expect(report.files.map((f) => f.path)).toEqual(['docs/new.md']);
    expect(report.files[0]!.findings).toContainEqual(expect.objectContaining({ ruleId: 'placeholder', severity: 'warning' }));
    expect(r.code).toBe(0);
  });

  it('is called <stdin> without a file name, and the text wins over a file of that name on disk', async () => {
    const dir = folder({ 'a.md': '# Notes\n\nNothing to see.\n' });
    const r = await run(['--stdin', '--stdin-filename', 'a.md', '--format', 'json'], dir, { readStdin: async () => BLANK });
    expect(r.code).toBe(1);
    const plain = await run(['--stdin', '--format', 'json'], dir, { readStdin: async () => BLANK });
    expect((JSON.parse(plain.stdout) as { files: { path: string }[] }).files[0]!.path).toBe('<stdin>');
  });

  it.each([
    [['--stdin', '--fix'], /--fix cannot write to stdin/],
    [['--stdin', 'a.md'], /name no paths with it/],
    [['--stdin-filename', 'a.md'], /--stdin-filename needs --stdin/],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const r = await run(args, folder({ 'a.md': BLANK }), { readStdin: async () => BLANK });
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
  });
});

describe('-o/--output-file', () => {
  it('writes the report to the file (its folder created), without colours, and nothing on stdout', async () => {
    const dir = folder({ 'a.md': BLANK });
    const r = await run(['a.md', '-o', 'reports/lint.txt', '--color'], dir);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'reports/lint.txt'), 'utf8')).toContain('placeholder');
    expect((await run(['a.md', '--output-file', 'plain.txt'], dir, { isTTY: true })).code).toBe(1);
    expect(readFileSync(join(dir, 'plain.txt'), 'utf8')).not.toMatch(/\u001b\[/);
  });

  it('works for merge and sla too, and a file it cannot write is exit 2', async () => {
    const dir = folder({ 'a.md': BLANK, 'blocker': 'a file, not a folder' });
    await run(['sla', '--format', 'json', '-o', 'sla.json'], dir);
    expect(JSON.parse(readFileSync(join(dir, 'sla.json'), 'utf8'))).toHaveProperty('commitments');
    const r = await run(['a.md', '-o', 'blocker/out.txt'], dir);
    expect(r.stderr).toMatch(/cannot write the output file blocker\/out\.txt/);
    expect(r.code).toBe(2);
  });
});

describe('junit and gitlab formats', () => {
  it('junit: a failing test case per finding, a passing one per clean file', async () => {
    const dir = folder({ 'bad.md': BLANK, 'clean.md': '# Notes\n\nNothing to see.\n' });
    const r = await runCli(['--format', 'junit'], dir);
    expect(r.stdout).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="policylint" tests="\d+" failures="\d+"/);
    expect(r.stdout).toContain('<testcase classname="bad.md" name="placeholder 3:4">');
    expect(r.stdout).toContain('<testsuite name="clean.md" tests="1" failures="0" errors="0" skipped="0">\n    <testcase classname="clean.md" name="policylint"/>');
    expect(r.code).toBe(1);
  });

  it('gitlab: Code Quality issues with stable, distinct fingerprints', async () => {
    const dir = folder({ 'bad.md': `${BLANK}\n本公司【公司名称】再次承诺。\n` });
    const first = JSON.parse((await runCli(['--format', 'gitlab'], dir)).stdout) as { check_name: string; severity: string; fingerprint: string; location: { path: string; lines: { begin: number } } }[];
    const placeholders = first.filter((i) => i.check_name === 'placeholder');
    expect(placeholders.map((i) => [i.severity, i.location.path, i.location.lines.begin])).toEqual([['major', 'bad.md', 3], ['major', 'bad.md', 5]]);
    expect(new Set(first.map((i) => i.fingerprint)).size).toBe(first.length);
    // Lines moved down by an inserted paragraph: the same findings keep their fingerprints.
    writeFileSync(join(dir, 'bad.md'), `# 客户服务手册\n\n前言。\n\n本公司【公司名称】承诺如下。\n\n本公司【公司名称】再次承诺。\n`);
    const moved = JSON.parse((await runCli(['--format', 'gitlab'], dir)).stdout) as { check_name: string; fingerprint: string }[];
    expect(moved.filter((i) => i.check_name === 'placeholder').map((i) => i.fingerprint)).toEqual(placeholders.map((i) => i.fingerprint));
  });
});

describe('colours', () => {
  const dir = folder({ 'a.md': BLANK });
  it.each([
    ['a terminal', { isTTY: true }, [], true],
    ['a pipe', { isTTY: false }, [], false],
    ['NO_COLOR on a terminal', { isTTY: true, env: { NO_COLOR: '1' } }, [], false],
    ['NO_COLOR empty (unset, as no-color.org says)', { isTTY: true, env: { NO_COLOR: '' } }, [], true],
    ['FORCE_COLOR on a pipe', { isTTY: false, env: { FORCE_COLOR: '1' } }, [], true],
    ['FORCE_COLOR=0 on a terminal', { isTTY: true, env: { FORCE_COLOR: '0' } }, [], false],
    ['--no-color over FORCE_COLOR', { isTTY: false, env: { FORCE_COLOR: '1' } }, ['--no-color'], false],
    ['--color over NO_COLOR', { isTTY: false, env: { NO_COLOR: '1' } }, ['--color'], true],
  ] as const)('%s', async (_what, io, flags, coloured) => {
    const r = await run(['a.md', ...flags], dir, io);
    expect(/\u001b\[/.test(r.stdout)).toBe(coloured);
  });
});

describe('help', () => {
  it('`policylint help` prints the usage, not "help" read as a path', async () => {
    const r = await runCli(['help']);
    expect(r.stdout).toMatch(/^Usage: policylint \[options\] \[command\] \[paths\.\.\.\]/);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect((await runCli(['help', 'merge'])).stdout).toMatch(/^Usage: policylint merge/);
  });
});

describe('patterns that match nothing', () => {
  const dir = folder({ 'a.md': '# Notes\n\nNothing to see.\n' });
  it.each([
    [['*.markdown'], /No files matched/],
    [['a.md', 'docs/**/*.md'], /No files matched "docs\/\*\*\/\*\.md"/],
  ])('%j exits 2 and says which pattern', async (args, message) => {
    const r = await runCli(args, dir);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
  });

  it('--no-error-on-unmatched-pattern makes them no error', async () => {
    expect((await runCli(['*.markdown', '--no-error-on-unmatched-pattern'], dir)).code).toBe(0);
    const r = await runCli(['a.md', 'docs/**/*.md', '--no-error-on-unmatched-pattern'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('progress', () => {
  const many = folder(Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`doc-${String(i).padStart(2, '0')}.md`, `# Notes ${i}\n\nNothing to see.\n`])));

  it('on a terminal: the file count, then a counter, cleared at the end', async () => {
    const r = await run(['--threads', '1'], many, { stderrIsTTY: true });
    expect(r.stderr).toMatch(/^policylint: analysing 60 files\n/);
    expect(r.stderr).toContain('\r[------------------------] 0/60 files (0%)');
    expect(r.stderr).toContain('\r[########################] 60/60 files (100%)');
    expect(r.stderr.endsWith('\r\u001b[2K')).toBe(true);
    expect(r.code).toBe(0);
  });

  it('nothing extra when stderr is not a terminal, or the run is short', async () => {
    expect((await run(['--threads', '1'], many, { stderrIsTTY: false })).stderr).toBe('');
    expect((await run([], folder({ 'a.md': BLANK }), { stderrIsTTY: true })).stderr).toBe('');
  });
});

describe('--stats', () => {
  it('prints each phase and the total on stderr, and leaves stdout to the report', async () => {
    const dir = folder({ 'a.md': BLANK });
    const r = await run(['a.md', '--stats', '--format', 'json'], dir);
    expect(JSON.parse(r.stdout)).toHaveProperty('summary');
    const phases = [...r.stderr.matchAll(/^ {2}(.+?)\s+(\d+\.\d) ms$/gm)].map((m) => m[1]);
    expect(phases).toEqual(['discover', 'workspace and configs', 'cache', 'analyse (1 file, 0 cached)', 'index', 'cross-document checks', 'report', 'total']);
  });
});

describe('--fix-dry-run', () => {
  it('prints the diff, then the findings the fixes would leave; writes nothing', async () => {
    const dir = folder({ 'gap.md': `${GAP}\n本公司【公司名称】承诺如下。\n` });
    const r = await runCli(['gap.md', '--fix-dry-run', '--format', 'json'], dir);
    const [diff, json] = [r.stdout.slice(0, r.stdout.indexOf('{"version"')), r.stdout.slice(r.stdout.indexOf('{"version"'))];
    expect(diff).toMatch(/^--- a\/gap\.md\n\+\+\+ b\/gap\.md\n/);
    expect(diff).toContain('+二、渠道');
    const remaining = (JSON.parse(json) as { files: { findings: { ruleId: string }[] }[] }).files[0]!.findings.map((f) => f.ruleId);
    expect(remaining).toContain('placeholder');
    expect(remaining).not.toContain('numbering');
    expect(readFileSync(join(dir, 'gap.md'), 'utf8')).toContain('三、渠道');
    expect(r.code).toBe(1);
  });
});
