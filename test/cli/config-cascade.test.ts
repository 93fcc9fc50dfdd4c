// Configs that compose: the cascade from the workspace root down, `extends`, `root: true`,
// mistakes reported with the closest known name, --print-config, init, and the editor
// resolving exactly what the CLI resolves.

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigResolver } from '../../server/src/cli/pipeline';
import { parseConfigText } from '../../server/src/config/load';
import { ServerConfigResolver } from '../../server/src/features/config-resolver';
import { REPO_ROOT, runCli, runJson } from '../helpers/cli';

const BLANK = '# 客户服务手册\n\n本公司【公司名称】承诺如下。\n';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'policylint-cascade-'));
  mkdirSync(join(dir, '.git'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const rulesOf = async (dir: string, path: string) => (await runJson([path], dir)).report.files.find((f) => f.path === path)!.findings.map((f) => `${f.ruleId}:${f.severity}`);

describe('the cascade', () => {
  it('a folder config holding only organization keeps the rules set above it', async () => {
    const dir = tree({
      '.policylintrc.json': JSON.stringify({ rules: { placeholder: 'warning' } }),
      'docs/.policylintrc.yaml': 'organization: 华信云服科技有限公司\n',
      'docs/a.md': BLANK,
    });
    expect(await rulesOf(dir, 'docs/a.md')).toContain('placeholder:warning');
    expect(await rulesOf(dir, 'docs/a.md')).not.toContain('placeholder:error');
  });

  it('a nearer file wins key by key, and root: true stops the walk up', async () => {
    const dir = tree({
      '.policylintrc.json': JSON.stringify({ rules: { placeholder: 'off', 'required-section': 'off' } }),
      'a/.policylintrc.json': JSON.stringify({ rules: { placeholder: 'info' } }),
      'a/doc.md': BLANK,
      'b/.policylintrc.json': JSON.stringify({ root: true }),
      'b/doc.md': BLANK,
    });
    const a = await rulesOf(dir, 'a/doc.md');
    expect(a).toContain('placeholder:info');
    expect(a.some((r) => r.startsWith('required-section'))).toBe(false);
    const b = await rulesOf(dir, 'b/doc.md');
    expect(b).toContain('placeholder:error');
    expect(b.some((r) => r.startsWith('required-section'))).toBe(true);
  });

  it('extends: relative files, merged first, the file itself wins', async () => {
    const dir = tree({
      'shared/base.yaml': 'rules:\n  placeholder: info\n  required-section: "off"\n',
      'docs/.policylintrc.json': JSON.stringify({ extends: '../shared/base.yaml', rules: { placeholder: 'warning' } }),
      'docs/a.md': BLANK,
    });
    const found = await rulesOf(dir, 'docs/a.md');
    expect(found).toContain('placeholder:warning');
    expect(found.some((r) => r.startsWith('required-section'))).toBe(false);
  });

  it.each([
    ['a missing file', { extends: './nowhere.json' }, /\.policylintrc\.json:1:2: "extends": cannot find "\.\/nowhere\.json"/],
    ['a cycle', { extends: './other.json' }, /other\.json:1:2: "extends": ".\/\.policylintrc\.json" extends this file again/],
    ['a package name', { extends: 'policylint-config-acme' }, /\.policylintrc\.json:1:2: "extends": must match pattern/],
    ['a file that is not a config', { extends: './script.js' }, /"\.\/script\.js" is not a config file/],
  ])('extends %s is an error with file, line and key (exit 2)', async (_what, config, message) => {
    const dir = tree({ '.policylintrc.json': JSON.stringify(config), 'other.json': JSON.stringify({ extends: './.policylintrc.json' }), 'script.js': 'x', 'a.md': BLANK });
    const run = await runCli(['a.md'], dir);
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
  });

  it('the editor resolves the same config as the CLI', () => {
    const dir = tree({
      '.policylintrc.json': JSON.stringify({ rules: { placeholder: 'warning' }, commitments: { 'email.acknowledge': '4h' } }),
      'base.jsonc': '// base\n{ "rules": { "numbering": "off" } }',
      'docs/.policylintrc.json': JSON.stringify({ extends: '../base.jsonc', organization: 'Acme Ltd.' }),
    });
    const file = join(dir, 'docs/a.md');
    const cli = new ConfigResolver(undefined).forFile(file).config;
    expect(cli).toEqual({ rules: { placeholder: 'warning', numbering: 'off' }, commitments: { 'email.acknowledge': '4h' }, organization: 'Acme Ltd.' });
    expect(new ServerConfigResolver().forPath(file, [dir]).config).toEqual(cli);
  });
});

describe('config mistakes name the file, line and key, with the closest known name', () => {
  it.each([
    ['a misspelt rule id', { rules: { placholder: 'off' } }, /\.policylintrc\.json:1:11: "rules\.placholder": unknown rule id "placholder"\. Did you mean "placeholder"\?/],
    ['a misspelt key', { organisation: 'Acme' }, /"organisation": unknown key "organisation"\. Did you mean "organization"\?/],
    ['a misspelt kind', { kind: 'handbok' }, /"kind": must be equal to one of the allowed values: .*\. Did you mean "handbook"\?/],
    ['an unknown topic id', { requiredSections: { sla: ['escalaton'] } }, /"requiredSections\.sla\.0": unknown topic id "escalaton"\. Did you mean "escalation"\?/],
    ['a commitment key with a misspelt channel', { commitments: { 'emial.acknowledge': '4h' } }, /"commitments\.emial\.acknowledge": unknown channel "emial" .*Did you mean "email"\?/],
    ['a commitment key with a misspelt metric', { commitments: { 'email.acknowlege': '4h' } }, /unknown metric "acknowlege" .*Did you mean "acknowledge"\?/],
    ['a commitment key with an unknown scope value', { commitments: { 'ticket.first-response.gold': '4h' } }, /unknown scope value "gold" .*dimension:value/],
  ])('%s (exit 2)', async (_what, config, message) => {
    const dir = tree({ '.policylintrc.json': JSON.stringify(config), 'a.md': BLANK });
    const run = await runCli(['a.md'], dir);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
  });

  it('accepts a topic the config defines itself, and scope values of its own', async () => {
    const dir = tree({
      '.policylintrc.json': JSON.stringify({ topics: { refunds: { en: ['refunds'] } }, requiredSections: { sla: ['refunds', 'escalation'] }, commitments: { 'ticket.first-response.urgent.plan:gold': '30 minutes', 'any.resolve': '5 days' } }),
      'a.md': '# Notes\n\nNothing here.\n',
    });
    const run = await runCli(['a.md'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});

describe('topics across the cascade', () => {
  it('a folder may require a topic that its parent folder\'s config defines', async () => {
    const dir = tree({
      '.policylintrc.json': JSON.stringify({ topics: { refunds: { en: ['refunds'] } } }),
      'docs/.policylintrc.json': JSON.stringify({ requiredSections: { sla: ['refunds'] } }),
      'docs/a.md': '# Notes\n\nNothing here.\n',
    });
    const run = await runCli(['docs/a.md'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});

describe('--print-config', () => {
  it('prints the effective settings and the file each came from', async () => {
    const dir = tree({
      '.policylintrc.json': JSON.stringify({ rules: { placeholder: 'warning', numbering: 'off' } }),
      'docs/.policylintrc.yaml': 'organization: Acme Ltd.\nrules:\n  numbering: error\n',
    });
    const run = await runCli(['--print-config', 'docs/sla.md'], dir);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { config: unknown; sources: Record<string, string>; configFiles: string[]; workspaceRoot: string };
    expect(out.config).toEqual({ rules: { placeholder: 'warning', numbering: 'error' }, organization: 'Acme Ltd.' });
    expect(out.sources).toEqual({ organization: 'docs/.policylintrc.yaml', 'rules.numbering': 'docs/.policylintrc.yaml', 'rules.placeholder': '.policylintrc.json' });
    expect(out.configFiles).toEqual(['.policylintrc.json', 'docs/.policylintrc.yaml']);
    expect(out.workspaceRoot).toBe('.');
  });

  it('reports a broken config like a lint run does (exit 2)', async () => {
    const dir = tree({ '.policylintrc.json': '{ "rules": { "placholder": "off" } }' });
    const run = await runCli(['--print-config', 'a.md'], dir);
    expect(run.stderr).toMatch(/Did you mean "placeholder"/);
    expect(run.code).toBe(2);
  });
});

describe('policylint init', () => {
  it('writes a commented .policylintrc.jsonc with the kinds and the organisation found, once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policylint-init-'));
    writeFileSync(join(dir, 'handbook.md'), readFileSync(join(REPO_ROOT, 'samples/clean/customer-service-handbook.md'), 'utf8'));
    const run = await runCli(['init'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Wrote \.policylintrc\.jsonc \(1 Markdown file: 1 handbook; organisation 华信云服科技有限公司\)/);
    const text = readFileSync(join(dir, '.policylintrc.jsonc'), 'utf8');
    expect(text).toMatch(/^\/\/ /);
    expect(parseConfigText('.policylintrc.jsonc', text)).toMatchObject({ root: true, kind: 'handbook', organization: '华信云服科技有限公司' });
    expect((await runCli([], dir)).code).toBe(0);

    const again = await runCli(['init'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
  });
});
