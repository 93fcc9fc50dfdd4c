// The server over stdio: capabilities, diagnostics (pull and push), edits,
// close, settings, config-file diagnostics, and surviving handler errors.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { fileUri, TestClient } from './harness';
import { LETTER, tempFolder } from './fixtures';

const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);

describe('initialize', () => {
  let client: TestClient;
  beforeAll(async () => (client = await TestClient.start()));
  afterAll(() => client.stop());

  it('advertises every feature, with incremental sync and pull diagnostics', () => {
    const caps = client.initializeResult.capabilities;
    expect(caps.textDocumentSync).toMatchObject({ openClose: true, change: 2, save: { includeText: false } });
    expect(caps.diagnosticProvider).toMatchObject({ identifier: 'policylint', interFileDependencies: true, workspaceDiagnostics: true });
    expect(caps.codeActionProvider).toMatchObject({ codeActionKinds: ['quickfix', 'source.fixAll.policylint'] });
    expect(caps.hoverProvider).toBe(true);
    expect(caps.documentSymbolProvider).toBeTruthy();
    expect(caps.foldingRangeProvider).toBe(true);
    expect(caps.inlayHintProvider).toBe(true);
    expect(caps.codeLensProvider).toBeTruthy();
    expect(caps.completionProvider).toBeTruthy();
    expect(caps.semanticTokensProvider).toMatchObject({ legend: { tokenTypes: ['string', 'number'] }, full: true });
    expect(caps.executeCommandProvider?.commands).toEqual(['policylint.applyFixAll', 'policylint.applyInsertMissingSections']);
    expect(client.initializeResult.serverInfo?.name).toBe('policylint');
  });
});

describe('pull diagnostics', () => {
  let client: TestClient;
  beforeAll(async () => (client = await TestClient.start()));
  afterAll(() => client.stop());

  it('reports findings with code, rule link, source, severity and range', async () => {
    client.open('untitled:letter', LETTER);
    const ds = await client.diagnostics('untitled:letter');
    const blank = ds.find((d) => d.code === 'placeholder' && d.range.start.line === 4)!;
    expect(blank).toMatchObject({
      source: 'policylint',
      severity: 1,
      codeDescription: { href: 'https://github.com/policylint/policylint/blob/main/docs/rules/placeholder.md' },
      range: { start: { line: 4, character: 3 }, end: { line: 4, character: 9 } },
    });
    expect(blank.message).toContain('【公司名称】');
    // A signature blank is only information: it is filled in by hand.
    expect(ds.find((d) => d.range.start.line === 10)?.severity).toBe(3);
    expect(codes(ds)).toContain('required-section');
  });

  it('answers "unchanged" while nothing changed, and follows didChange', async () => {
    const first = await client.pull('untitled:letter');
    expect(first.kind).toBe('full');
    const again = await client.pull('untitled:letter', first.resultId);
    expect(again).toEqual({ kind: 'unchanged', resultId: first.resultId });
    client.replace('untitled:letter', '【公司名称】', '华信云服');
    const after = await client.diagnostics('untitled:letter');
    expect(after.some((d) => d.range.start.line === 4 && d.code === 'placeholder')).toBe(false);
  });

  it('keeps the result id across an edit that leaves every diagnostic as it was, and not across one that changes one', async () => {
    client.open('untitled:ids', LETTER);
    const first = await client.pull('untitled:ids');
    expect(first.kind).toBe('full');
    client.replace('untitled:ids', '郑重', '庄重');
    expect(await client.pull('untitled:ids', first.resultId)).toEqual({ kind: 'unchanged', resultId: first.resultId });
    client.replace('untitled:ids', '____小时', '2小时');
    const changed = await client.pull('untitled:ids', first.resultId);
    expect(changed.kind).toBe('full');
    expect(changed.resultId).not.toBe(first.resultId);
    client.close('untitled:ids');
  });

  it('forgets a document after didClose', async () => {
    client.close('untitled:letter');
    expect(await client.diagnostics('untitled:letter')).toEqual([]);
  });

  it('turns a failing handler into an error response and keeps serving', async () => {
    await expect(client.request('policylint/slaTable', null)).rejects.toThrow(/SLA table failed/);
    client.open('untitled:again', LETTER);
    expect((await client.diagnostics('untitled:again')).length).toBeGreaterThan(0);
    expect(client.alive).toBe(true);
  });
});

describe('push diagnostics (a client without pull support)', () => {
  let client: TestClient;
  beforeAll(async () => (client = await TestClient.start({ pull: false })));
  afterAll(() => client.stop());

  it('has no diagnosticProvider and publishes on open, change and close', async () => {
    expect(client.initializeResult.capabilities.diagnosticProvider).toBeUndefined();
    const uri = 'untitled:pushed';
    client.open(uri, LETTER);
    const opened = await client.waitFor(() => client.published.get(uri)?.version === 1 && client.published.get(uri), 'diagnostics for version 1');
    expect(codes(opened.diagnostics)).toContain('placeholder');
    client.replace(uri, '【公司名称】', '华信云服');
    const changed = await client.waitFor(() => client.published.get(uri)?.version === 2 && client.published.get(uri), 'diagnostics for version 2');
    expect(changed.diagnostics.some((d) => d.range.start.line === 4 && d.code === 'placeholder')).toBe(false);
    client.close(uri);
    await client.waitFor(() => client.published.get(uri)?.diagnostics.length === 0, 'cleared diagnostics after close');
  });
});

describe('settings', () => {
  let client: TestClient;
  beforeAll(async () => (client = await TestClient.start()));
  afterAll(() => client.stop());

  it('policylint.locale switches the messages and refreshes open documents', async () => {
    client.open('untitled:zh', LETTER);
    expect((await client.diagnostics('untitled:zh')).find((d) => d.code === 'placeholder')?.message).toMatch(/占位符/);
    const before = client.refreshes;
    client.settings = { ...client.settings, locale: 'en' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor(() => client.refreshes > before, 'workspace/diagnostic/refresh');
    expect((await client.diagnostics('untitled:zh')).find((d) => d.code === 'placeholder')?.message).toMatch(/^Placeholder/);
  });

  it('policylint.enable = false empties the diagnostics', async () => {
    client.settings = { ...client.settings, enable: false };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect(await client.diagnostics('untitled:zh')).toEqual([]);
    client.settings = { ...client.settings, enable: true };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect((await client.diagnostics('untitled:zh')).length).toBeGreaterThan(0);
  });

  it('policylint.run = onSave keeps the saved version\'s diagnostics until the next save', async () => {
    client.settings = { ...client.settings, run: 'onSave' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const uri = 'untitled:saved';
    client.open(uri, LETTER);
    expect(codes(await client.diagnostics(uri))).toContain('placeholder');
    client.replace(uri, '【公司名称】', '华信云服');
    expect((await client.diagnostics(uri)).some((d) => d.range.start.line === 4 && d.code === 'placeholder')).toBe(true);
    client.save(uri);
    expect((await client.diagnostics(uri)).some((d) => d.range.start.line === 4 && d.code === 'placeholder')).toBe(false);
  });
});

describe('config files', () => {
  const folder = tempFolder({ '.policylintrc.json': '{\n  "rules": {\n    "placeholder": "warn"\n  }\n}\n', 'policy.md': LETTER });
  let client: TestClient;
  beforeAll(async () => (client = await TestClient.start({ folders: [folder.dir] })));
  afterAll(async () => {
    await client.stop();
    folder.cleanup();
  });

  it('a broken config gives a diagnostic on the config file, naming the key; documents are still linted', async () => {
    const report = await client.request<{ items: { uri: string; items: Diagnostic[] }[] }>('workspace/diagnostic', { previousResultIds: [] });
    const config = report.items.find((i) => i.uri === fileUri(folder.path('.policylintrc.json')));
    expect(config?.items).toHaveLength(1);
    expect(config!.items[0]!.message).toContain('rules.placeholder');
    expect(config!.items[0]!.range.start.line).toBe(2);
    expect(report.items.find((i) => i.uri === fileUri(folder.path('policy.md')))?.items.length).toBeGreaterThan(0);
  });

  it('an open config file is checked as it is typed', async () => {
    const uri = fileUri(folder.path('.policylintrc.json'));
    client.open(uri, '{ "colour": 1 }', 'json');
    const ds = await client.diagnostics(uri);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('colour');
    expect(ds[0]!.range).toEqual({ start: { line: 0, character: 2 }, end: { line: 0, character: 10 } });
    client.change(uri, [{ text: '{ "locale": "en" }' }]);
    expect(await client.diagnostics(uri)).toEqual([]);
  });

  it('as it is typed, a misspelt rule id or commitment key gets the closest known name', async () => {
    const uri = fileUri(folder.path('.policylintrc.json'));
    client.change(uri, [{ text: '{ "rules": { "placholder": "off" } }' }]);
    expect((await client.diagnostics(uri))[0]!.message).toMatch(/unknown rule id "placholder"\. Did you mean "placeholder"\?/);
    client.change(uri, [{ text: '{\n  "commitments": { "emial.acknowledge": "4h" }\n}' }]);
    const ds = await client.diagnostics(uri);
    expect(ds[0]!.message).toMatch(/unknown channel "emial" .*Did you mean "email"\?/);
    expect(ds[0]!.range.start.line).toBe(1);
  });
});
