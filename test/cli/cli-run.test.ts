// The CLI as a process: exit codes, config errors, --fix, formats, skipped files.

import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli, runJson } from '../helpers/cli';

let dir: string;
const write = (name: string, text: string | Buffer) => {
  const file = join(dir, name);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  return file;
};

const CLEAN = '# 服务说明\n\n热线电话提供服务。\n';
const WITH_ERROR = '# 服务说明\n\n本说明适用于【公司名称】。\n';
const WITH_WARNING = '网站客户服务制度\n\n一、总则\n\n内容。\n\n三、附则\n\n内容。\n';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'policylint-cli-'));
});

describe('exit codes', () => {
  it('0 for a clean file, 1 for an error', async () => {
    write('clean.md', CLEAN);
    expect((await runCli(['clean.md'], dir)).code).toBe(0);
    write('bad.md', WITH_ERROR);
    const run = await runCli(['bad.md'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('placeholder');
  });

  it('warnings pass unless --max-warnings is exceeded; --quiet keeps errors only', async () => {
    write('warn.md', WITH_WARNING);
    const { run, report } = await runJson(['warn.md'], dir);
    expect(run.code).toBe(0);
    expect(report.summary.errors).toBe(0);
    expect(report.summary.warnings).toBeGreaterThan(0);
    expect((await runCli(['warn.md', '--max-warnings', '0'], dir)).code).toBe(1);
    expect((await runJson(['warn.md', '--quiet'], dir)).report.files[0]!.findings).toEqual([]);
  });

  it('2 for a path that does not exist, naming it', async () => {
    const run = await runCli(['missing.md'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing.md');
  });

  it('2 for a bad option', async () => {
    expect((await runCli(['--format', 'xml'], dir)).code).toBe(2);
    expect((await runCli(['--max-warnings', '-1'], dir)).code).toBe(2);
  });
});

describe('config errors name the file, line and key', () => {
  it('JSON syntax error', async () => {
    write('.policylintrc.json', '{\n  "rules": {\n    "placeholder": "warning",\n  \n');
    write('a.md', CLEAN);
    const run = await runCli(['a.md'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.policylintrc\.json:\d+:\d+: syntax error/);
  });

  it('unknown key, with its line', async () => {
    write('.policylintrc.jsonc', '// comments are fine\n{\n  "locale": "en",\n  "rulez": {}\n}\n');
    write('a.md', CLEAN);
    const run = await runCli(['a.md'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.policylintrc.jsonc:4:3');
    expect(run.stderr).toContain('rulez');
  });

  it('bad severity in YAML, with its key path', async () => {
    write('.policylintrc.yaml', 'rules:\n  placeholder: loud\n');
    write('a.md', CLEAN);
    const run = await runCli(['a.md'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.policylintrc.yaml:2:');
    expect(run.stderr).toContain('rules.placeholder');
  });

  it('YAML syntax error', async () => {
    write('.policylintrc.yml', 'rules:\n  placeholder: [warning\n');
    write('a.md', CLEAN);
    const run = await runCli(['a.md'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.policylintrc\.yml:\d+:\d+: syntax error/);
  });

  it('a pattern RE2 cannot run is refused, naming the key', async () => {
    write('.policylintrc.json', JSON.stringify({ placeholders: { patterns: ['(a)\\1'] } }));
    write('a.md', `# 说明\n\n${'a'.repeat(40)}!\n`);
    const run = await runCli(['a.md'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('placeholders.patterns.0');
    expect(run.stderr).toContain('RE2');
  });

  it('--no-config ignores a broken config; --config uses the named file', async () => {
    write('.policylintrc.json', '{ broken');
    write('a.md', WITH_ERROR);
    expect((await runCli(['a.md', '--no-config'], dir)).code).toBe(1);
    write('custom.json', JSON.stringify({ rules: { placeholder: 'off' } }));
    expect((await runCli(['a.md', '--config', 'custom.json'], dir)).code).toBe(0);
  });

  it('a config in a subfolder applies to the files below it', async () => {
    write('sub/.policylintrc.json', JSON.stringify({ rules: { placeholder: 'warning' } }));
    write('sub/a.md', WITH_ERROR);
    write('b.md', WITH_ERROR);
    const { report } = await runJson([], dir);
    const severity = (path: string) => report.files.find((f) => f.path === path)!.findings[0]!.severity;
    expect(severity('sub/a.md')).toBe('warning');
    expect(severity('b.md')).toBe('error');
  });
});

describe('--fix', () => {
  const GAP = '网站客户服务制度\n\n一、总则\n\n内容。\n\n三、服务渠道\n\n内容。\n\n四、附则\n\n内容。\n';
  const FIXED = GAP.replace('三、服务渠道', '二、服务渠道').replace('四、附则', '三、附则');

  it('writes the fixed text and reports what is left', async () => {
    const file = write('gap.md', GAP);
    const { run, report } = await runJson(['gap.md', '--fix'], dir);
    expect(run.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
    expect(report.files[0]!.findings.filter((f) => f.ruleId === 'numbering')).toEqual([]);
  });

  it('keeps CRLF line endings and the BOM', async () => {
    const crlf = `\uFEFF${GAP.replace(/\n/g, '\r\n')}`;
    const file = write('gap.md', crlf);
    await runCli(['gap.md', '--fix'], dir);
    expect(readFileSync(file, 'utf8')).toBe(`\uFEFF${FIXED.replace(/\n/g, '\r\n')}`);
  });

  it('--fix-dry-run prints a diff and writes nothing', async () => {
    const file = write('gap.md', GAP);
    const run = await runCli(['gap.md', '--fix-dry-run'], dir);
    expect(run.stdout).toContain('-三、服务渠道');
    expect(run.stdout).toContain('+二、服务渠道');
    expect(readFileSync(file, 'utf8')).toBe(GAP);
  });
});

describe('formats and locales', () => {
  it('--locale en gives English messages for a Chinese document', async () => {
    write('bad.md', WITH_ERROR);
    const { report } = await runJson(['bad.md', '--locale', 'en'], dir);
    expect(report.files[0]!.findings[0]!.message).toMatch(/^Placeholder "【公司名称】" is not filled in/);
    const zh = (await runJson(['bad.md'], dir)).report;
    expect(zh.files[0]!.findings[0]!.message).toMatch(/^占位符「【公司名称】」尚未填写/);
  });

  it('github format prints workflow commands', async () => {
    write('bad.md', WITH_ERROR);
    const run = await runCli(['bad.md', '--format', 'github'], dir);
    expect(run.stdout).toMatch(/^::error file=bad\.md,line=3,col=7,endLine=3,endColumn=13,title=placeholder::/m);
  });

  it('sarif format is a SARIF 2.1.0 log', async () => {
    write('bad.md', WITH_ERROR);
    const log = JSON.parse((await runCli(['bad.md', '--format', 'sarif'], dir)).stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results[0].ruleId).toBe('placeholder');
  });
});

describe('files it will not lint', () => {
  it('skips a binary file with a message, and lints the rest', async () => {
    write('image.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    write('bad.md', WITH_ERROR);
    const { run, report } = await runJson([], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('skipped image.md');
    expect(report.files.find((f) => f.path === 'image.md')).toMatchObject({ findings: [], skipped: { reason: expect.stringMatching(/binary/) } });
  });

  it('skips a file over maxFileSize', async () => {
    write('.policylintrc.json', JSON.stringify({ maxFileSize: '1KB' }));
    write('big.md', `# 说明\n\n${'内容。'.repeat(1000)}\n`);
    const { run, report } = await runJson([], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('skipped big.md');
    expect(report.files[0]!.skipped?.reason ?? '').toMatch(/too large/);
  });

  it('honours .gitignore and config ignore globs', async () => {
    write('.gitignore', 'build/\n');
    write('.policylintrc.json', JSON.stringify({ ignore: ['drafts/**'] }));
    write('build/a.md', WITH_ERROR);
    write('drafts/b.md', WITH_ERROR);
    write('c.md', CLEAN);
    const { report } = await runJson([], dir);
    expect(report.files.map((f) => f.path)).toEqual(['c.md']);
  });
});
