// Hover, outline, folding, completion, semantic tokens, inlay hints, code lens
// and the custom requests. The SLA cases switch on by themselves once the
// extractor finds commitments (see fixtures.ts).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeLens, CompletionItem, DocumentSymbol, FoldingRange, Hover, InlayHint, MarkupContent, SemanticTokens } from 'vscode-languageserver-protocol';
import { fileUri, TestClient } from './harness';
import { LETTER, PHONE_20S, PHONE_30S, PLAIN_POLICY, tempFolder } from './fixtures';

const folder = tempFolder({
  '.policylintrc.json': JSON.stringify({
    placeholders: { values: { '【公司名称】': '华信云服科技有限公司' } },
    commitments: { 'phone.answer': '20秒', 'email.reply': '12小时' },
  }),
});
const SLA = ['# 服务承诺书', '', '一、服务时限', '', PHONE_20S, '', PHONE_30S, '', '邮件咨询3天内回复。', '', '在线客服1分钟内响应。', ''].join('\n');

let client: TestClient;
beforeAll(async () => (client = await TestClient.start({ folders: [folder.dir] })));
afterAll(async () => {
  await client.stop();
  folder.cleanup();
});

const open = (name: string, text: string) => client.openAndLint(folder.path(name), text);
const hover = (uri: string, line: number, character: number) => client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
const markdown = (h: Hover | null) => (h ? (h.contents as MarkupContent).value : undefined);

describe('hover on a placeholder', () => {
  it('says what belongs there', async () => {
    const uri = await open('letter.md', LETTER);
    const h = await hover(uri, 10, 8);
    expect(h?.range).toEqual({ start: { line: 10, character: 6 }, end: { line: 10, character: 14 } });
    const text = markdown(h);
    expect(text).toContain('未填写的占位符');
    expect(text).toContain('签署时手写的签名或日期');
    expect(text).toContain('承诺人签名');
    const value = markdown(await hover(uri, 4, 5));
    expect(value).toContain('华信云服科技有限公司');
    expect(markdown(await hover(uri, 0, 1))).toBeUndefined();
  });

  it('on the title says which kind the document was read as, and why', async () => {
    const uri = await open('letter.md', LETTER);
    const text = markdown(await hover(uri, 0, 3));
    expect(text).toContain('文档类型');
    expect(text).toContain('`commitment-letter` (title)');
    expect(text).toContain('服务承诺书');
  });

  it('escapes document text: no HTML or Markdown from the document gets through', async () => {
    const line = '承诺人 <img src=x onerror=alert(1)> [x](javascript:alert(1)) 签名：________';
    const uri = await open('evil.md', `# 服务承诺书\n\n${line}\n`);
    const text = markdown(await hover(uri, 2, line.indexOf('____') + 2));
    expect(text).toBeDefined();
    expect(text).not.toMatch(/<img|\]\(javascript/);
    expect(text).toContain('&lt;img');
  });
});

describe('outline', () => {
  it('document symbols nest plain numbered lines (no # needed)', async () => {
    const uri = await open('plain.md', PLAIN_POLICY);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const shape = (s: DocumentSymbol): unknown => (s.children?.length ? { [s.name]: s.children.map(shape) } : s.name);
    expect(symbols.map(shape)).toEqual([{ '一、总则': ['（一）服务原则'] }, '二、服务渠道', '四、服务时间']);
    expect(symbols[0]!.selectionRange).toEqual({ start: { line: 2, character: 0 }, end: { line: 2, character: 4 } });
    expect(symbols[0]!.range.start.line).toBe(2);
    expect(symbols[0]!.range.end.line).toBe(8);
  });

  it('leaves the table of contents out', async () => {
    const toc = ['# 客户服务手册', '', '## 目录', '', '- 第一章 服务渠道', '- 第二章 服务时间', '', '## 第一章 服务渠道', '', '服务热线。', '', '## 第二章 服务时间', '', '周一至周五。', ''].join('\n');
    const uri = await open('toc.md', toc);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s) => s.name)).toEqual(['客户服务手册']);
    expect(symbols[0]!.children!.map((s) => s.name)).toEqual(['第一章 服务渠道', '第二章 服务时间']);
  });

  it('folds each section from its heading to its last line', async () => {
    const uri = fileUri(folder.path('plain.md'));
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    expect(ranges.map((r) => [r.startLine, r.endLine])).toEqual([[2, 8], [6, 8], [10, 12], [14, 16]]);
  });
});

describe('completion', () => {
  it('inside a placeholder: the configured and canonical values', async () => {
    const uri = fileUri(folder.path('letter.md'));
    const company = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 5 } });
    expect(company[0]).toMatchObject({ label: '华信云服科技有限公司', textEdit: { range: { start: { line: 4, character: 3 }, end: { line: 4, character: 9 } }, newText: '华信云服科技有限公司' } });
    const value = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 8, character: 10 } });
    // A value blank in front of its unit takes the number alone.
    expect(value.find((i) => i.label === '12小时')?.textEdit).toMatchObject({ newText: '12' });
  });

  it('at the start of a line: the headings of missing required sections', async () => {
    const uri = fileUri(folder.path('letter.md'));
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 0 } });
    expect(items.length).toBeGreaterThan(1);
    expect(items.every((i) => i.kind === 9 && i.textEdit && /^(?:#+ |[一二三四五六七八九十]+、)/.test((i.textEdit as { newText: string }).newText))).toBe(true);
  });
});

describe('semantic tokens and document info', () => {
  it('marks placeholders', async () => {
    const uri = fileUri(folder.path('letter.md'));
    const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    // [deltaLine, deltaStart, length, type, modifiers]: 【公司名称】 on line 4 is the first token.
    expect(tokens.data.slice(0, 5)).toEqual([4, 3, 6, 0, 0]);
  });

  it('policylint/documentInfo gives the kind and the problem counts', async () => {
    const uri = fileUri(folder.path('letter.md'));
    const ds = await client.diagnostics(uri);
    const info = await client.request<{ kind: string; errors: number; warnings: number; infos: number }>('policylint/documentInfo', { uri });
    expect(info).toMatchObject({ kind: 'commitment-letter', errors: ds.filter((d) => d.severity === 1).length, warnings: ds.filter((d) => d.severity === 2).length, infos: ds.filter((d) => d.severity === 3).length });
  });
});

describe('SLA features', () => {
  it('hover on a value: the card with the normalised value and the other statement', async () => {
    const uri = await open('sla.md', SLA);
    const text = markdown(await hover(uri, 4, PHONE_20S.indexOf('20') + 1));
    expect(text).toContain('电话');
    expect(text).toContain('20秒 = 20 s');
    expect(text).toMatch(/\[sla\.md:7\]\(file:\/\/\S*\/sla\.md#L7\)/);
    expect(text).toContain('30');
  });

  it('inlay hints after calendar durations, off by setting', async () => {
    const uri = await open('sla.md', SLA);
    const range = { start: { line: 0, character: 0 }, end: { line: 12, character: 0 } };
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range });
    const labels = hints.map((h) => `${h.position.line}:${h.label}`);
    expect(labels).toContain('8:≈ 72 h');
    expect(labels).toContain('10:= 60 s');
    client.settings = { ...client.settings, inlayHints: { enable: false } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect(await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range })).toEqual([]);
    client.settings = { ...client.settings, inlayHints: { enable: true } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });

  it('code lens on the section: commitments and conflicts, opening the SLA table', async () => {
    const uri = await open('sla.md', SLA);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const lens = lenses.find((l) => l.range.start.line === 2)!;
    expect(lens.command).toMatchObject({ command: 'policylint.showSlaTable', arguments: [uri] });
    expect(lens.command!.title).toMatch(/^\d+ 项承诺 · \d+ 项冲突$/);
  });

  it('semantic tokens mark commitment values', async () => {
    const uri = await open('sla.md', SLA);
    const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const types = tokens.data.filter((_, i) => i % 5 === 3);
    expect(types).toContain(1);
  });

  it('policylint/slaTable lists the workspace commitments, this document first', async () => {
    const uri = await open('sla.md', SLA);
    const table = await client.request<{ rows: { uri: string; line: number; value: string; text: string }[] }>('policylint/slaTable', { uri, locale: 'zh-CN' });
    expect(table.rows[0]!.uri).toBe(uri);
    expect(table.rows.map((r) => r.line)).toEqual(expect.arrayContaining([4, 6]));
  });

  it('the SLA table and the hover mark both statements of a conflicting promise', async () => {
    const uri = await open('sla.md', SLA);
    const table = await client.request<{ rows: { uri: string; line: number; status: string; statusLabel: string }[] }>('policylint/slaTable', { uri, locale: 'zh-CN' });
    const phone = table.rows.filter((r) => r.uri === uri && (r.line === 4 || r.line === 6));
    expect(phone.map((r) => [r.line, r.status, r.statusLabel])).toEqual([
      [4, 'conflict', '冲突'],
      [6, 'conflict', '冲突'],
    ]);
    // The hover on the statement the finding does not sit on says conflict too, for itself and for the other.
    const text = markdown(await hover(uri, 4, PHONE_20S.indexOf('20') + 1))!;
    expect(text).toMatch(/\*\*状态\*\*: 冲突/);
    expect(text).not.toContain('一致');
  });

  it('hover, inlay hint and SLA table render a value the same way', async () => {
    const uri = await open('sla.md', SLA);
    const range = { start: { line: 0, character: 0 }, end: { line: 12, character: 0 } };
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range });
    const table = await client.request<{ rows: { uri: string; line: number; normalized: string }[] }>('policylint/slaTable', { uri, locale: 'zh-CN' });
    for (const [line, value] of [[8, '3天'], [10, '1分钟']] as const) {
      const hint = String(hints.find((h) => h.position.line === line)!.label);
      const shown = `${value} ${hint}`;
      expect(markdown(await hover(uri, line, SLA.split('\n')[line]!.indexOf(value) + 1))).toContain(shown);
      expect(table.rows.find((r) => r.uri === uri && r.line === line)!.normalized).toBe(shown);
    }
  });
});
