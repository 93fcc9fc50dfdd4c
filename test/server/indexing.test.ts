// Workspace indexing on hostile folders (issue 18): progress is reported, a
// pathological file does not stall the others, the system folders are never
// entered, and the budget stops a walk over a huge folder.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndexBudget, isSystemFolder, systemFolderGlobs } from '../../server/src/features/index-budget';
import { fileUri, TestClient } from './harness';
import { tempFolder } from './fixtures';

describe('workspace indexing', () => {
  const folder = tempFolder({
    'ok.md': '# 服务说明\n\n本说明适用于【公司名称】。\n',
    'deep.md': `${'- '.repeat(5000)}x\n\n${'*a'.repeat(100_000)}\n`,
  });
  let client: TestClient;
  beforeAll(async () => (client = await TestClient.start({ folders: [folder.dir] })));
  afterAll(async () => {
    await client.stop();
    folder.cleanup();
  });

  it('reports progress (window/workDoneProgress) from begin to end', async () => {
    await client.waitFor(() => client.progress.some((p) => p.kind === 'end'), 'the end of indexing progress');
    expect(client.progress[0]).toMatchObject({ kind: 'begin', title: 'policylint: indexing the workspace' });
  });

  it('indexes a healthy file beside a pathological one, which gets a document-limit warning', async () => {
    const report = (await client.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as {
      items: { uri: string; items: { code?: unknown }[] }[];
    };
    const codes = (name: string) => report.items.find((i) => i.uri === fileUri(folder.path(name)))?.items.map((d) => d.code);
    expect(codes('ok.md')).toContain('placeholder');
    expect(codes('deep.md')).toEqual(['document-limit', 'document-limit']);
  });
});

describe('index budget', () => {
  it('never enters /proc, /sys or /dev, and keeps a walk from / out of them', () => {
    expect(['/proc', '/sys/kernel', '/dev', '/home/proc', '/process'].map(isSystemFolder)).toEqual([true, true, true, false, false]);
    expect(systemFolderGlobs('/')).toEqual(['proc/**', 'sys/**', 'dev/**']);
    expect(systemFolderGlobs('/home/me')).toEqual([]);
  });

  it('is exhausted by the file count or the bytes, whichever comes first', () => {
    const byCount = new IndexBudget(3, 1e9);
    for (let i = 0; i < 3; i++) byCount.spend(10);
    expect(byCount.exhausted).toBe(true);
    const byBytes = new IndexBudget(1000, 100);
    byBytes.spend(60);
    expect(byBytes.exhausted).toBe(false);
    byBytes.spend(60);
    expect(byBytes.exhausted).toBe(true);
  });
});
