// A rule that throws costs its own findings, never the others'. Here the
// project rule sla-order is made to throw (as a bug in it would) and the same
// workspace is linted three ways: the index, the CLI and the language server.
// Each must report one internal-error finding naming the rule, and the other
// rules' findings as before.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createConnection } from 'vscode-languageserver/node';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { runLint } from '../../server/src/cli/run';
import { INTERNAL_ERROR_RULE } from '../../server/src/lint/linter';
import { Project } from '../../server/src/lint/project';
import { startServer } from '../../server/src/server';

vi.mock('../../server/src/rules/sla-order', async (importOriginal) => {
  const real = (await importOriginal<typeof import('../../server/src/rules/sla-order')>()).default;
  return {
    default: {
      ...real,
      check() {
        throw new Error('injected failure');
      },
    },
  };
});

// Two documents of one organisation that promise the hotline differently: the letter contradicts the handbook (sla-conflict).
const HANDBOOK = '# 客户服务手册\n\n## 服务渠道\n\n热线电话须在20秒内接通。\n';
const LETTER = '# 服务承诺书\n\n## 服务承诺\n\n热线电话30秒内接通。\n';

const dir = mkdtempSync(join(tmpdir(), 'policylint-isolation-'));
writeFileSync(join(dir, 'handbook.md'), HANDBOOK);
writeFileSync(join(dir, 'letter.md'), LETTER);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const crashes = (ruleIds: string[]) => ruleIds.filter((id) => id === INTERNAL_ERROR_RULE).length;

describe('a throwing project rule', () => {
  it('in the workspace index: one internal-error, and the other rules still report', () => {
    const project = new Project();
    project.update('handbook.md', HANDBOOK);
    project.update('letter.md', LETTER);
    const all = [...project.findings('handbook.md'), ...project.findings('letter.md')];
    expect(crashes(all.map((f) => f.ruleId))).toBe(1);
    expect(all.find((f) => f.ruleId === INTERNAL_ERROR_RULE)?.message).toMatch(/「sla-order」.*injected failure/);
    expect(all.filter((f) => f.ruleId === 'sla-conflict')).toHaveLength(1);
  });

  it('in the CLI: one internal-error, the other findings, exit 2', async () => {
    let out = '';
    const code = await runLint({
      patterns: [],
      cwd: dir,
      format: 'json',
      fix: false,
      fixDryRun: false,
      quiet: false,
      config: false,
      color: false,
      toolVersion: '0.0.0',
      stdout: (s) => (out += s),
      stderr: () => {},
    });
    const report = JSON.parse(out) as { files: { path: string; findings: { ruleId: string; message: string }[] }[] };
    const ids = report.files.flatMap((f) => f.findings.map((x) => x.ruleId));
    expect(code).toBe(2);
    expect(crashes(ids)).toBe(1);
    expect(ids.filter((id) => id === 'sla-conflict')).toHaveLength(1);
  });

  it('in the language server: one internal-error diagnostic, the other diagnostics', async () => {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const server = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    startServer(server);
    server.listen();
    const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    client.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ enable: true, locale: 'auto', run: 'onType' })));
    client.onRequest('client/registerCapability', () => null);
    client.listen();
    try {
      await client.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        workspaceFolders: null,
        capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true } },
      });
      await client.sendNotification('initialized', {});
      const uris = ['handbook.md', 'letter.md'].map((name) => pathToFileURL(join(dir, name)).href);
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri: uris[0], languageId: 'markdown', version: 1, text: HANDBOOK } });
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri: uris[1], languageId: 'markdown', version: 1, text: LETTER } });
      const codes: string[] = [];
      for (const uri of uris) {
        const report = (await client.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
        codes.push(...report.items.map((d) => String(d.code)));
      }
      expect(crashes(codes)).toBe(1);
      expect(codes.filter((c) => c === 'sla-conflict')).toHaveLength(1);
    } finally {
      client.dispose();
      server.dispose();
    }
  });
});
