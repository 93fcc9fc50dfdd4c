// Every form of inline directive, on the placeholder rule (a blank 【公司名称】 on each line
// that should report), and the cross-document rules, --no-inline-config and
// --report-unused-disable-directives.

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, runJson } from '../helpers/cli';

const B = '本公司【公司名称】承诺如下。';

function lint(text: string, extra: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'policylint-directives-'));
  writeFileSync(join(dir, 'a.md'), text);
  return runJson(['a.md', '--no-config', ...extra], dir);
}

const placeholderLines = async (text: string, extra: string[] = []) =>
  (await lint(text, extra)).report.files[0]!.findings.filter((f) => f.ruleId === 'placeholder').map((f) => f.line);

describe('inline directives', () => {
  it.each([
    ['no directive', `# 手册\n\n${B}\n\n${B}\n`, [3, 5]],
    ['disable RULE … enable RULE (HTML blocks)', `# 手册\n\n<!-- policylint-disable placeholder -->\n\n${B}\n\n<!-- policylint-enable placeholder -->\n\n${B}\n`, [9]],
    ['disable with no rule … enable with no rule', `# 手册\n\n<!-- policylint-disable -->\n\n${B}\n\n<!-- policylint-enable -->\n\n${B}\n`, [9]],
    ['disable of another rule leaves this one on', `# 手册\n\n<!-- policylint-disable numbering -->\n\n${B}\n`, [5]],
    ['disable of several rules, comma-separated', `# 手册\n\n<!-- policylint-disable numbering, placeholder -->\n\n${B}\n`, []],
    ['disable to the end of the file when never enabled', `# 手册\n\n${B}\n\n<!-- policylint-disable placeholder -->\n\n${B}\n`, [3]],
    ['disable-next-line (HTML block)', `# 手册\n\n<!-- policylint-disable-next-line placeholder -->\n${B}\n\n${B}\n`, [6]],
    ['disable-line as a trailing comment in a paragraph', `# 手册\n\n${B} <!-- policylint-disable-line placeholder -->\n\n${B}\n`, [5]],
    ['disable-line with no rule, trailing', `# 手册\n\n${B}<!-- policylint-disable-line -->\n\n${B}\n`, [5]],
    ['disable-line on the second line of a paragraph', `# 手册\n\n${B}\n${B} <!-- policylint-disable-line placeholder -->\n`, [3]],
    ['disable-line in a table cell', `# 手册\n\n| 项目 | 内容 |\n| --- | --- |\n| 名称 | ${B} <!-- policylint-disable-line placeholder --> |\n| 名称 | ${B} |\n`, [6]],
    ['disable-line trailing a heading', `# 手册\n\n## 【公司名称】简介 <!-- policylint-disable-line placeholder -->\n\n${B}\n`, [5]],
    ['disable-file at the end of the file', `# 手册\n\n${B}\n\n${B}\n\n<!-- policylint-disable-file placeholder -->\n`, []],
    ['disable-file with no rule', `<!-- policylint-disable-file -->\n# 手册\n\n${B}\n`, []],
    ['a comment that is no directive', `# 手册\n\n${B} <!-- note: policylint-disable-line placeholder -->\n`, [3]],
  ])('%s', async (_form, text, lines) => {
    expect(await placeholderLines(text)).toEqual(lines);
  });

  it('--no-inline-config ignores every directive', async () => {
    const text = `<!-- policylint-disable-file -->\n# 手册\n\n${B} <!-- policylint-disable-line -->\n\n<!-- policylint-disable -->\n${B}\n`;
    expect(await placeholderLines(text)).toEqual([]);
    expect(await placeholderLines(text, ['--no-inline-config'])).toEqual([4, 7]);
  });

  it('a trailing disable-line switches off a cross-document finding on that line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policylint-directives-'));
    cpSync(join(REPO_ROOT, 'samples/defects'), dir, { recursive: true });
    const conflicts = async () => (await runJson(['website-service-policy.md'], dir)).report.files[0]!.findings.filter((f) => f.ruleId === 'sla-conflict').map((f) => f.line);
    expect(await conflicts()).toContain(65);
    const lines = readFileSync(join(dir, 'website-service-policy.md'), 'utf8').split('\n');
    lines[64] += ' <!-- policylint-disable-line sla-conflict -->';
    writeFileSync(join(dir, 'website-service-policy.md'), lines.join('\n'));
    expect(await conflicts()).not.toContain(65);
    expect((await conflicts()).length).toBeGreaterThan(0);
  });
});

describe('--report-unused-disable-directives', () => {
  const text = [
    '# 手册',
    '',
    `${B} <!-- policylint-disable-line placeholder -->`,
    '',
    '普通的一句话。 <!-- policylint-disable-line placeholder -->',
    '',
    '<!-- policylint-disable-next-line numbering -->',
    B,
    '',
  ].join('\n');

  it('reports each directive that switched nothing off, where it is written, and applies the others', async () => {
    const { run, report } = await lint(text, ['--report-unused-disable-directives']);
    const found = report.files[0]!.findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.severity}`);
    expect(found).toEqual(['5:9 unused-disable-directive error', '7:1 unused-disable-directive error', '8:4 placeholder error']);
    expect(report.files[0]!.findings[0]!.message).toMatch(/^未使用的 policylint-disable 指令：它关闭的范围内没有「placeholder」的问题/);
    expect(run.code).toBe(1);
  });

  it('is quiet without the option, and when every directive is used', async () => {
    const { report } = await lint(text);
    expect(report.files[0]!.findings.map((f) => f.ruleId)).toEqual(['placeholder']);
    const used = await lint(`# 手册\n\n${B} <!-- policylint-disable-line placeholder -->\n`, ['--report-unused-disable-directives']);
    expect(used.report.files[0]!.findings).toEqual([]);
    expect(used.run.code).toBe(0);
  });

  it('is a usage error with --fix (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policylint-directives-'));
    writeFileSync(join(dir, 'a.md'), text);
    const run = await runCli(['a.md', '--fix', '--report-unused-disable-directives'], dir);
    expect(run.stderr).toMatch(/not with --fix/);
    expect(run.code).toBe(2);
  });
});
