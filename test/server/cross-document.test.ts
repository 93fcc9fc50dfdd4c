// The workspace as the unit: unopened files, refreshes of other documents,
// files changed on disk, and (once the cross-document SLA rules exist)
// conflicts between documents that update as either one is edited.

import { rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { fileUri, TestClient } from './harness';
import { PHONE_20S, PHONE_30S, tempFolder } from './fixtures';

interface WorkspaceReport {
  items: { uri: string; kind: string; resultId?: string; items: Diagnostic[] }[];
}

const blanks = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'placeholder').length;

describe('workspace folder', () => {
  const folder = tempFolder({
    'a.md': '# 服务承诺书\n\n本公司承诺：TBD\n',
    'b.md': '# 客户服务手册\n\n联系人：待补充\n',
    'docs/c.md': '# 服务承诺书\n\n邮件在____小时内回复。\n',
    'drafts/ignored.md': '# 服务承诺书\n\nTBD\n',
    '.gitignore': 'drafts/\n',
  });
  const uri = (name: string) => fileUri(folder.path(name));
  let client: TestClient;
  beforeAll(async () => (client = await TestClient.start({ folders: [folder.dir] })));
  afterAll(async () => {
    await client.stop();
    folder.cleanup();
  });

  it('reports unopened files through workspace/diagnostic, ignored ones not at all, and then only what changed', async () => {
    const first = await client.request<WorkspaceReport>('workspace/diagnostic', { previousResultIds: [] });
    const byUri = new Map(first.items.map((i) => [i.uri, i]));
    expect([...byUri.keys()].sort()).toEqual([uri('a.md'), uri('b.md'), uri('docs/c.md')].sort());
    expect(blanks(byUri.get(uri('docs/c.md'))!.items)).toBe(1);
    const again = await client.request<WorkspaceReport>('workspace/diagnostic', { previousResultIds: first.items.map((i) => ({ uri: i.uri, value: i.resultId })) });
    expect(again.items).toEqual([]);
  });

  it('an open file is reported by document pull only; closing it with unsaved edits goes back to the disk version', async () => {
    client.open(uri('docs/c.md'), '# 服务承诺书\n\n邮件在12小时内回复。\n');
    expect(blanks(await client.diagnostics(uri('docs/c.md')))).toBe(0);
    const open = await client.request<WorkspaceReport>('workspace/diagnostic', { previousResultIds: [] });
    expect(open.items.map((i) => i.uri)).not.toContain(uri('docs/c.md'));
    client.close(uri('docs/c.md'));
    const closed = await client.request<WorkspaceReport>('workspace/diagnostic', { previousResultIds: [] });
    expect(blanks(closed.items.find((i) => i.uri === uri('docs/c.md'))!.items)).toBe(1);
  });

  it('re-reads a file changed on disk (workspace/didChangeWatchedFiles)', async () => {
    writeFileSync(folder.path('b.md'), '# 客户服务手册\n\n联系人：张经理\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('b.md'), type: 2 }] });
    const report = await client.request<WorkspaceReport>('workspace/diagnostic', { previousResultIds: [] });
    expect(blanks(report.items.find((i) => i.uri === uri('b.md'))!.items)).toBe(0);
  });

  it('picks up a file created on disk (unless ignored) and drops a deleted one', async () => {
    folder.write('new.md', '# 服务承诺书\n\n联系人：TBD\n');
    folder.write('drafts/new.md', '# 服务承诺书\n\nTBD\n');
    rmSync(folder.path('docs/c.md'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: uri('new.md'), type: 1 },
        { uri: uri('drafts/new.md'), type: 1 },
        { uri: uri('docs/c.md'), type: 3 },
      ],
    });
    const report = await client.request<WorkspaceReport>('workspace/diagnostic', { previousResultIds: [{ uri: uri('docs/c.md'), value: 'old' }] });
    expect(blanks(report.items.find((i) => i.uri === uri('new.md'))!.items)).toBe(1);
    expect(report.items.find((i) => i.uri === uri('drafts/new.md'))).toBeUndefined();
    expect(report.items.find((i) => i.uri === uri('docs/c.md'))).toMatchObject({ kind: 'full', items: [] });
  });

  it('refreshes the other open documents when a change alters their diagnostics (here: a new config file)', async () => {
    client.open(uri('a.md'), '# 服务承诺书\n\n本公司承诺：TBD\n');
    client.open(uri('b.md'), '# 客户服务手册\n\n联系人：待补充\n');
    expect(blanks(await client.diagnostics(uri('a.md')))).toBe(1);
    expect(blanks(await client.diagnostics(uri('b.md')))).toBe(1);
    const before = client.refreshes;
    folder.write('.policylintrc.json', JSON.stringify({ rules: { placeholder: 'off' } }));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.policylintrc.json'), type: 1 }] });
    await client.waitFor(() => client.refreshes > before, 'workspace/diagnostic/refresh');
    expect(blanks(await client.diagnostics(uri('a.md')))).toBe(0);
    expect(blanks(await client.diagnostics(uri('b.md')))).toBe(0);
  });
});

describe('cross-document SLA conflicts', () => {
  const folder = tempFolder({
    'letter.md': `# 服务承诺书\n\n${PHONE_20S}\n`,
    'handbook.md': `# 客户服务手册\n\n${PHONE_30S}\n`,
  });
  const uri = (name: string) => fileUri(folder.path(name));
  const LETTER_URI = uri('letter.md');
  const HANDBOOK_URI = uri('handbook.md');
  const other = (u: string) => (u === LETTER_URI ? HANDBOOK_URI : LETTER_URI);
  /** The diagnostic in `ds` (of document `self`) that points at the other document. */
  const conflictIn = (ds: Diagnostic[], self: string) => ds.find((d) => d.relatedInformation?.some((r) => r.location.uri === other(self)));
  let client: TestClient;
  beforeAll(async () => (client = await TestClient.start({ folders: [folder.dir] })));
  afterAll(async () => {
    await client.stop();
    folder.cleanup();
  });

  it('an open document conflicts with an unopened workspace file', async () => {
    client.open(LETTER_URI, `# 服务承诺书\n\n${PHONE_20S}\n`);
    const workspace = await client.request<WorkspaceReport>('workspace/diagnostic', { previousResultIds: [] }); // waits for indexing
    const inHandbook = conflictIn(workspace.items.find((i) => i.uri === HANDBOOK_URI)!.items, HANDBOOK_URI);
    const inLetter = conflictIn(await client.diagnostics(LETTER_URI), LETTER_URI);
    const conflict = inLetter ?? inHandbook;
    expect(conflict).toBeDefined();
    expect(conflict!.code).toBe('sla-conflict');
    expect(conflict!.relatedInformation![0]!.location.range.start.line).toBe(2);
  });

  it('editing one open document updates the other (refresh)', async () => {
    client.open(HANDBOOK_URI, `# 客户服务手册\n\n${PHONE_30S}\n`);
    const carrier = conflictIn(await client.diagnostics(LETTER_URI), LETTER_URI) ? LETTER_URI : HANDBOOK_URI;
    expect(conflictIn(await client.diagnostics(carrier), carrier)).toBeDefined();
    await client.diagnostics(other(carrier));
    // Edit the document that does not carry the finding: only a refresh can tell the client about the carrier.
    const before = client.refreshes;
    const [from, to] = carrier === LETTER_URI ? ['30秒', '20秒'] : ['20秒', '30秒'];
    client.replace(other(carrier), from, to);
    expect(conflictIn(await client.diagnostics(other(carrier)), other(carrier))).toBeUndefined();
    await client.waitFor(() => client.refreshes > before, 'workspace/diagnostic/refresh');
    expect(conflictIn(await client.diagnostics(carrier), carrier)).toBeUndefined();
  });

  it('closing a document with unsaved edits goes back to its saved promise', async () => {
    client.close(HANDBOOK_URI);
    await client.request('workspace/diagnostic', { previousResultIds: [] }); // waits for the disk read (30秒 again)
    const workspace = await client.request<WorkspaceReport>('workspace/diagnostic', { previousResultIds: [] });
    const inHandbook = conflictIn(workspace.items.find((i) => i.uri === HANDBOOK_URI)!.items, HANDBOOK_URI);
    expect(inHandbook ?? conflictIn(await client.diagnostics(LETTER_URI), LETTER_URI)).toBeDefined();
  });

  it('push clients get the other document re-published', async () => {
    const push = await TestClient.start({ pull: false });
    try {
      const a = 'untitled:a';
      const b = 'untitled:b';
      const conflictPushed = (u: string, o: string) => push.published.get(u)?.diagnostics.find((d) => d.relatedInformation?.some((r) => r.location.uri === o));
      push.open(a, `# 服务承诺书\n\n${PHONE_20S}\n`);
      push.open(b, `# 客户服务手册\n\n${PHONE_30S}\n`);
      const carrier = await push.waitFor(() => (conflictPushed(a, b) ? a : conflictPushed(b, a) ? b : undefined), 'a conflict in one of them');
      const [edited, from, to] = carrier === a ? [b, '30秒', '20秒'] : [a, '20秒', '30秒'];
      push.replace(edited, from, to);
      await push.waitFor(() => push.published.get(carrier) && !conflictPushed(carrier, edited), 'the carrier re-published without the conflict');
    } finally {
      await push.stop();
    }
  });
});
