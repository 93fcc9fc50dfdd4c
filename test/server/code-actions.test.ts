// Code actions and commands over the protocol, asserting the text after the
// editor (this test client) applies them, then linting that text again.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Command, Diagnostic, Range } from 'vscode-languageserver-protocol';
import { fixText } from '../../server/src/lint/linter';
import { fileUri, TestClient } from './harness';
import { LETTER, PLAIN_POLICY, tempFolder } from './fixtures';

const folder = tempFolder({
  '.policylintrc.json': JSON.stringify({ placeholders: { values: { '【公司名称】': '华信云服科技有限公司' } } }),
});
let client: TestClient;
beforeAll(async () => (client = await TestClient.start({ folders: [folder.dir] })));
afterAll(async () => {
  await client.stop();
  folder.cleanup();
});

async function actionsAt(uri: string, range: Range, only?: string[]): Promise<CodeAction[]> {
  const diagnostics = await client.diagnostics(uri);
  const context = { diagnostics: diagnostics.filter((d) => d.range.start.line <= range.end.line && range.start.line <= d.range.end.line), only };
  return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context });
}

const lineRange = (line: number): Range => ({ start: { line, character: 0 }, end: { line, character: 0 } });
const codesOn = (ds: Diagnostic[], line: number) => ds.filter((d) => d.range.start.line === line).map((d) => d.code);

describe('quick fixes', () => {
  it('renumbers a numbering gap (a --fix fix, preferred) and the finding is gone', async () => {
    const uri = fileUri(folder.path('plain.md'));
    client.open(uri, PLAIN_POLICY);
    const actions = await actionsAt(uri, lineRange(14));
    const fix = actions.find((a) => a.diagnostics?.[0]?.code === 'numbering' && a.edit)!;
    expect(fix.isPreferred).toBe(true);
    expect(fix.kind).toBe('quickfix');
    client.applyWorkspaceEdit(fix.edit!);
    expect(client.text(uri).split('\n')[14]).toBe('三、服务时间');
    expect(codesOn(await client.diagnostics(uri), 14)).not.toContain('numbering');
  });

  it('renumbers right after typing in a paragraph, when the finding was carried over from the last keystroke', async () => {
    const uri = fileUri(folder.path('typed.md'));
    client.open(uri, PLAIN_POLICY);
    expect(codesOn(await client.diagnostics(uri), 14)).toContain('numbering');
    // Two characters typed on line 4, above the finding: it moves along the line, and its fix must be for the new text.
    client.change(uri, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: '为此' }]);
    const actions = await actionsAt(uri, lineRange(14));
    const fix = actions.find((a) => a.diagnostics?.[0]?.code === 'numbering' && a.edit)!;
    client.applyWorkspaceEdit(fix.edit!);
    expect(client.text(uri).split('\n')[4]).toBe('为此为规范服务，制定本制度。');
    expect(client.text(uri).split('\n')[14]).toBe('三、服务时间');
    expect(codesOn(await client.diagnostics(uri), 14)).not.toContain('numbering');
  });

  it('fills a placeholder with the configured value, then selects it', async () => {
    const uri = fileUri(folder.path('letter.md'));
    client.open(uri, LETTER);
    const actions = await actionsAt(uri, { start: { line: 4, character: 5 }, end: { line: 4, character: 5 } });
    const fill = actions.find((a) => a.title.includes('华信云服科技有限公司'))!;
    expect(fill.command).toEqual({ title: fill.title, command: 'policylint.selectRange', arguments: [uri, { start: { line: 4, character: 3 }, end: { line: 4, character: 13 } }] });
    const select = actions.find((a) => a.command && !a.edit)!;
    expect((select.command as Command).arguments).toEqual([uri, { start: { line: 4, character: 3 }, end: { line: 4, character: 9 } }]);
    client.applyWorkspaceEdit(fill.edit!);
    expect(client.text(uri).split('\n')[4]).toBe('本公司华信云服科技有限公司郑重承诺如下。');
    expect(codesOn(await client.diagnostics(uri), 4)).toEqual([]);
  });

  it('inserts a missing required section', async () => {
    const uri = fileUri(folder.path('letter.md'));
    const missing = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'required-section' && d.range.start.line === 0);
    const before = missing(await client.diagnostics(uri));
    const actions = await actionsAt(uri, lineRange(0));
    const insert = actions.find((a) => a.edit && a.diagnostics?.[0]?.code === 'required-section')!;
    client.applyWorkspaceEdit(insert.edit!);
    const after = missing(await client.diagnostics(uri));
    expect(after.length).toBe(before.length - 1);
    expect(client.text(uri)).toMatch(/三、|## /);
  });

  it('disables a rule for one line with an inline comment, keeping indentation and CRLF', async () => {
    const uri = 'untitled:crlf';
    client.open(uri, '# 服务承诺书\r\n\r\n  本公司承诺在____小时内回复。\r\n');
    const actions = await actionsAt(uri, lineRange(2));
    const disable = actions.find((a) => a.title.includes('placeholder') && a.edit)!;
    expect(disable.title).toMatch(/placeholder/);
    client.applyWorkspaceEdit(disable.edit!);
    expect(client.text(uri)).toBe('# 服务承诺书\r\n\r\n  <!-- policylint-disable-next-line placeholder -->\r\n  本公司承诺在____小时内回复。\r\n');
    expect(codesOn(await client.diagnostics(uri), 3)).not.toContain('placeholder');
  });
});

describe('fix all', () => {
  it('source.fixAll.policylint is one edit giving exactly what `policylint --fix` gives', async () => {
    const uri = 'untitled:fixall';
    const text = PLAIN_POLICY.replace('四、服务时间', '四、服务时间\n\n五、附则\n\n本制度自发布之日起施行。\n\n七、其他');
    client.open(uri, text);
    const actions = await actionsAt(uri, lineRange(0), ['source.fixAll']);
    expect(actions).toHaveLength(1);
    expect(actions[0]!.kind).toBe('source.fixAll.policylint');
    const edits = actions[0]!.edit!.documentChanges![0]!;
    expect('edits' in edits && edits.edits).toHaveLength(1);
    client.applyWorkspaceEdit(actions[0]!.edit!);
    expect(client.text(uri)).toBe(fixText('untitled:fixall', text).text);
    expect(client.text(uri)).not.toBe(text);
  });

  it('is not computed for the light bulb (no `only`), which offers the fix-all command instead', async () => {
    const uri = 'untitled:fixall2';
    client.open(uri, PLAIN_POLICY);
    const actions = await actionsAt(uri, lineRange(14));
    expect(actions.some((a) => a.kind === 'source.fixAll.policylint')).toBe(false);
    expect(actions.find((a) => (a.command as Command | undefined)?.command === 'policylint.applyFixAll')).toBeDefined();
  });
});

describe('commands', () => {
  it('policylint.applyFixAll applies the fixes through workspace/applyEdit', async () => {
    const uri = 'untitled:cmd-fix';
    client.open(uri, PLAIN_POLICY);
    await client.diagnostics(uri);
    expect(await client.request('workspace/executeCommand', { command: 'policylint.applyFixAll', arguments: [uri] })).toBe(true);
    expect(client.text(uri)).toBe(fixText('untitled:cmd-fix', PLAIN_POLICY).text);
  });

  it('policylint.applyInsertMissingSections inserts every missing section', async () => {
    const uri = 'untitled:cmd-sections';
    client.open(uri, LETTER);
    expect((await client.diagnostics(uri)).filter((d) => d.code === 'required-section' && d.range.start.line === 0).length).toBeGreaterThan(1);
    expect(await client.request('workspace/executeCommand', { command: 'policylint.applyInsertMissingSections', arguments: [uri] })).toBe(true);
    // "Missing section" findings sit on the title; a section that is there but still a skeleton may be reported on its own heading.
    expect((await client.diagnostics(uri)).filter((d) => d.code === 'required-section' && d.range.start.line === 0)).toEqual([]);
    expect(client.text(uri)).toContain('承诺人签名：________');
  });
});
