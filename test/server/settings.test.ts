// The editor settings that change what is linted and shown: policylint.codeLens.enable,
// policylint.configFile (one config instead of the nearest, like the CLI's --config)
// and policylint.ignore (patterns relative to the workspace folder).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeLens, Diagnostic } from 'vscode-languageserver-protocol';
import { LETTER, tempFolder } from './fixtures';
import { fileUri, REPO_ROOT, TestClient } from './harness';

const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);
const SAMPLE = readFileSync(join(REPO_ROOT, 'walkthrough/sample.md'), 'utf8');

describe('editor settings', () => {
  const folder = tempFolder({
    'policy.md': LETTER,
    'drafts/draft.md': LETTER,
    'letter.md': SAMPLE,
    'shared/quiet.json': '{ "rules": { "placeholder": "off" } }\n',
  });
  let client: TestClient;
  beforeAll(async () => (client = await TestClient.start({ folders: [folder.dir] })));
  afterAll(async () => {
    await client.stop();
    folder.cleanup();
  });

  const change = async (settings: Record<string, unknown>) => {
    client.settings = { ...client.settings, ...settings };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  };

  it('policylint.codeLens.enable = false removes the code lenses, true brings them back', async () => {
    const uri = fileUri(folder.path('letter.md'));
    client.open(uri, SAMPLE);
    await client.diagnostics(uri);
    const lenses = () => client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    expect((await lenses()).length).toBeGreaterThan(0);
    await change({ codeLens: { enable: false } });
    expect(await lenses()).toEqual([]);
    await change({ codeLens: { enable: true } });
    expect((await lenses()).length).toBeGreaterThan(0);
  });

  it('policylint.configFile replaces the nearest config, relative to the workspace folder', async () => {
    const uri = fileUri(folder.path('policy.md'));
    client.open(uri, LETTER);
    expect(codes(await client.diagnostics(uri))).toContain('placeholder');
    await change({ configFile: 'shared/quiet.json' });
    expect(codes(await client.diagnostics(uri))).not.toContain('placeholder');
    expect(codes(await client.diagnostics(uri))).toContain('required-section');
    await change({ configFile: '' });
    expect(codes(await client.diagnostics(uri))).toContain('placeholder');
  });

  it('policylint.ignore leaves matching files unlinted and lints the rest', async () => {
    const draft = fileUri(folder.path('drafts/draft.md'));
    const policy = fileUri(folder.path('policy.md'));
    client.open(draft, LETTER);
    expect((await client.diagnostics(draft)).length).toBeGreaterThan(0);
    await change({ ignore: ['drafts/**'] });
    expect(await client.diagnostics(draft)).toEqual([]);
    expect((await client.diagnostics(policy)).length).toBeGreaterThan(0);
    await change({ ignore: [] });
    expect((await client.diagnostics(draft)).length).toBeGreaterThan(0);
  });
});
