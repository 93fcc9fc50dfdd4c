// The extension's static parts: the manifest and its translations, the
// TextMate injection grammar (tokenised with VS Code's own engine,
// vscode-textmate + Oniguruma), and the SLA table's HTML (escaping and CSP).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { escapeHtml, renderSlaTable, type SlaTableStrings } from '../../client/src/sla-table';
import type { SlaTableRow } from '../../server/src/protocol';
import { REPO_ROOT } from './harness';

const read = (p: string) => readFileSync(join(REPO_ROOT, p), 'utf8');
const manifest = JSON.parse(read('package.json'));

describe('manifest', () => {
  it('every %key% has an English and a Chinese description', () => {
    const keys = [...JSON.stringify(manifest.contributes).matchAll(/%([\w.-]+)%/g), ...JSON.stringify(manifest.capabilities).matchAll(/%([\w.-]+)%/g)].map((m) => m[1]!);
    const en = JSON.parse(read('package.nls.json'));
    const zh = JSON.parse(read('package.nls.zh-cn.json'));
    expect(keys.length).toBeGreaterThan(10);
    for (const k of keys) {
      expect(en[k], k).toBeTruthy();
      expect(zh[k], k).toBeTruthy();
    }
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('declares the settings, commands, activation, schema validation and untrusted-workspace support', () => {
    const props = manifest.contributes.configuration.properties;
    expect(Object.keys(props).sort()).toEqual([
      'policylint.autoClosingPairs',
      'policylint.codeLens.enable',
      'policylint.configFile',
      'policylint.enable',
      'policylint.ignore',
      'policylint.inlayHints.enable',
      'policylint.locale',
      'policylint.run',
      'policylint.trace.server',
    ]);
    expect(props['policylint.locale'].enum).toEqual(['auto', 'zh-CN', 'en']);
    expect(props['policylint.run'].enum).toEqual(['onType', 'onSave']);
    // The CJK pairs change typing in every Markdown file: opt-in only.
    expect(props['policylint.autoClosingPairs'].default).toBe(false);
    expect(manifest.contributes.languages.some((l: { id: string }) => l.id === 'markdown')).toBe(false);
    expect(manifest.contributes.commands.map((c: { command: string }) => c.command).sort()).toEqual([
      'policylint.fixAll',
      'policylint.insertMissingSections',
      'policylint.openConfig',
      'policylint.openSample',
      'policylint.restartServer',
      'policylint.showOutput',
      'policylint.showSlaTable',
      'policylint.toggle',
    ]);
    expect(manifest.contributes.menus['editor/title']).toEqual([expect.objectContaining({ command: 'policylint.showSlaTable', group: 'navigation' })]);
    expect(manifest.activationEvents).toContain('onLanguage:markdown');
    expect(manifest.activationEvents).toContain('workspaceContains:**/.policylintrc.json');
    expect(manifest.contributes.jsonValidation[0]).toEqual({ fileMatch: ['.policylintrc.json', '.policylintrc.jsonc'], url: './schemas/policylintrc.schema.json' });
    expect(manifest.capabilities.untrustedWorkspaces.supported).toBe(true);
    expect(manifest.l10n).toBe('./client/l10n');
  });

  it('every setting is described in Markdown, so links and `code` render in the Settings editor', () => {
    for (const [key, prop] of Object.entries<Record<string, unknown>>(manifest.contributes.configuration.properties)) {
      expect(prop.description, key).toBeUndefined();
      expect(prop.enumDescriptions, key).toBeUndefined();
      expect(prop.markdownDescription, key).toMatch(/^%config\./);
    }
  });

  it('has what the Marketplace shows: icon, repository, bugs, homepage, keywords, banner, its own README', () => {
    const png = readFileSync(join(REPO_ROOT, manifest.icon));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(128); // width, from the IHDR chunk
    expect(manifest.repository.url).toMatch(/^https:\/\/github\.com\//);
    expect(manifest.bugs.url).toMatch(/\/issues$/);
    expect(manifest.homepage).toMatch(/^https:\/\//);
    expect(manifest.keywords.length).toBeGreaterThanOrEqual(5);
    expect(manifest.galleryBanner.color).toMatch(/^#[0-9a-f]{6}$/i);
    // `vsce package` with no flags: the options live in the manifest, the build in vscode:prepublish.
    expect(manifest.scripts.package).toBe('vsce package');
    expect(manifest.scripts['vscode:prepublish']).toContain('--production');
    expect(manifest.vsce).toMatchObject({ dependencies: false, readmePath: 'MARKETPLACE.md' });
    const readme = read(manifest.vsce.readmePath);
    expect(readme).not.toMatch(/npm ci|npm run demo|npm test/); // what a writer needs, not a developer
    for (const [, image] of readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)) expect(() => readFileSync(join(REPO_ROOT, image!)), image).not.toThrow();
  });

  it('has a web build for vscode.dev, shipped in the .vsix, and says what works in a virtual workspace', () => {
    const shipped = read('.vscodeignore').split('\n');
    expect(manifest.browser).toBe('./dist/web/client.js');
    expect(shipped).toContain('!dist/web/client.js');
    expect(shipped).toContain('!dist/web/server.js');
    expect(manifest.capabilities.virtualWorkspaces).toMatchObject({ supported: 'limited', description: '%capabilities.virtualWorkspaces%' });
  });

  it('the walkthrough\'s steps have their media, shipped in the .vsix', () => {
    const shipped = read('.vscodeignore').split('\n');
    const steps = manifest.contributes.walkthroughs[0].steps as { id: string; media: { markdown: string } }[];
    expect(steps.map((s) => s.id)).toEqual(['openSample', 'seeConflict', 'hoverValue', 'applyFix', 'createConfig']);
    for (const step of steps) expect(read(step.media.markdown).length, step.id).toBeGreaterThan(100);
    expect(shipped).toContain('!walkthrough/*.md');
    expect(shipped).toContain('!images/icon.png');
  });

  it('every runtime string of the client is translated', () => {
    const used = [...read('client/src/activate.ts').matchAll(/\bt\('((?:[^'\\]|\\.)*)'/g), ...read('client/src/commands.ts').matchAll(/\bt\('((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]!);
    const en = JSON.parse(read('client/l10n/bundle.l10n.json'));
    const zh = JSON.parse(read('client/l10n/bundle.l10n.zh-cn.json'));
    expect(used.length).toBeGreaterThan(10);
    for (const s of used) {
      expect(en[s], s).toBe(s);
      expect(zh[s], s).toBeTruthy();
    }
  });

  it('the .vsix allow-list ships no sources, maps, tests or CLI bundles', () => {
    const lines = read('.vscodeignore').split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines[0]).toBe('**');
    const shipped = lines.slice(1).map((l) => l.replace(/^!/, ''));
    expect(shipped).toContain('dist/client.js');
    expect(shipped).toContain('dist/server.js');
    expect(shipped.some((s) => /\.map$|^test|^server\/|^samples|cli\.js/.test(s))).toBe(false);
    expect(manifest.files).toBeUndefined(); // vsce refuses "files" together with .vscodeignore
  });
});

describe('injection grammar', async () => {
  const wasm = readFileSync(join(REPO_ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => (scope === 'policylint.injection' ? textmate.parseRawGrammar(read('syntaxes/policylint.injection.tmLanguage.json'), 'grammar.json') : null),
  });
  const grammar = (await registry.loadGrammar('policylint.injection'))!;
  /** The substrings given a policylint scope, with the scope's second-to-last part. */
  const marked = (line: string) =>
    grammar
      .tokenizeLine(line, textmate.INITIAL)
      .tokens.filter((t) => t.scopes.some((s) => s.endsWith('.policylint')))
      .map((t) => `${t.scopes.find((s) => s.endsWith('.policylint'))!.split('.')[0]}:${line.slice(t.startIndex, t.endIndex)}`);

  it('is injected into Markdown', () => {
    expect(JSON.parse(read('syntaxes/policylint.injection.tmLanguage.json')).injectionSelector).toMatch(/^L:text\.html\.markdown/);
    expect(manifest.contributes.grammars[0]).toMatchObject({ scopeName: 'policylint.injection', injectTo: ['text.html.markdown'] });
  });

  it.each([
    ['本公司【公司名称】承诺', ['string:【公司名称】']],
    ['承诺人签名：________', ['string:________']],
    ['Provider: {{company}} and [Company]', ['string:{{company}}', 'string:[Company]']],
    ['在XX小时内处理，TBD', ['string:XX', 'string:TBD']],
    ['联系人：待补充（  ）', ['string:待补充', 'string:（  ）']],
  ])('colours placeholders: %s', (line, want) => expect(marked(line)).toEqual(want));

  it.each([
    ['热线电话须在20秒内接通', ['constant:20秒内']],
    ['5个工作日内办结，二十四小时内启动调查', ['constant:5个工作日内', 'constant:二十四小时内']],
    ['客户满意度不低于90%', ['constant:90%']],
    ['We acknowledge tickets within 2 business days.', ['constant:within 2 business days']],
    ['第三章 服务流程 2019年 400-800-1234', []],
  ])('colours SLA values, not other numbers: %s', (line, want) => expect(marked(line)).toEqual(want));
});

describe('SLA table HTML', () => {
  const strings: SlaTableStrings = {
    title: 'SLA <commitments>',
    empty: 'none',
    indexing: 'indexing',
    columns: { file: 'File', channel: 'Channel', metric: 'Metric', conditions: 'Conditions', value: 'Value', normalized: 'Normalised', strength: 'Strength', status: 'Status', text: 'Clause', legalLimit: 'Legal limit' },
  };
  const row: SlaTableRow = {
    uri: 'file:///x.md',
    path: 'x.md',
    line: 3,
    character: 0,
    channel: 'phone',
    metric: 'answer',
    conditions: '—',
    value: '≤ 20 s',
    normalized: '20 s',
    strength: 'binding',
    status: 'conflict',
    statusLabel: 'conflict',
    text: '热线<script>alert(1)</script><img src=x onerror=alert(2)>"\'`',
    key: 'phone.answer',
    legalLimit: '',
  };

  it('escapes every piece of document text', () => {
    const html = renderSlaTable([row], strings, { nonce: 'abc', cspSource: 'vscode-resource:', indexing: false, lang: 'en' });
    expect(html).not.toMatch(/<script>alert|<img/);
    expect(html).toContain(escapeHtml(row.text));
    expect(html).toContain('SLA &#60;commitments&#62;');
    expect(html).toContain('x.md:4');
  });

  it('allows only its own nonce\'d script and style', () => {
    const html = renderSlaTable([row], strings, { nonce: 'abc', cspSource: 'vscode-resource:', indexing: true, lang: 'en' });
    expect(html).toContain(`content="default-src 'none'; style-src vscode-resource: 'nonce-abc'; script-src 'nonce-abc'"`);
    expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual(['<script nonce="abc">']);
    expect(html).toContain('indexing');
  });

  it('shows the legal-limit column only when a regulation pack covers some promise', () => {
    expect(renderSlaTable([row], strings, { nonce: 'abc', cspSource: 'vscode-resource:', indexing: false, lang: 'en' })).not.toContain('Legal limit');
    const limited = { ...row, legalLimit: 'Legal limit: 8 weeks (FCA Handbook, DISP 1.6.2R) · within it' };
    const html = renderSlaTable([row, limited], strings, { nonce: 'abc', cspSource: 'vscode-resource:', indexing: false, lang: 'en' });
    expect(html).toContain('<th scope="col">Legal limit</th>');
    expect(html).toContain('<td>Legal limit: 8 weeks (FCA Handbook, DISP 1.6.2R) · within it</td>');
  });
});
