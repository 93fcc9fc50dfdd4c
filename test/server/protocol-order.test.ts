// LSP's rules on order and versions, over stdio: a request before initialize gets
// ServerNotInitialized (-32002), and a didChange that keeps the version number is still applied.

import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProtocolConnection, ResponseError, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { ensureBuilt, SERVER, TestClient } from './harness';

describe('before initialize', () => {
  it('answers requests with ServerNotInitialized, then serves once initialized', async () => {
    ensureBuilt();
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    connection.listen();
    try {
      const hover = { textDocument: { uri: 'untitled:a' }, position: { line: 0, character: 0 } };
      const early = await connection.sendRequest('textDocument/hover', hover).catch((e: unknown) => e);
      expect(early).toBeInstanceOf(ResponseError);
      expect((early as ResponseError<unknown>).code).toBe(-32002);
      await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      await connection.sendNotification('initialized', {});
      expect(await connection.sendRequest('textDocument/hover', hover)).toBeNull();
      // A method the server does not have is still "not found" once initialized.
      const unknown = await connection.sendRequest('policylint/noSuchRequest', {}).catch((e: unknown) => e);
      expect((unknown as ResponseError<unknown>).code).toBe(-32601);
    } finally {
      connection.dispose();
      proc.kill();
    }
  });
});

describe('didChange', () => {
  let client: TestClient;
  beforeAll(async () => (client = await TestClient.start()));
  afterAll(() => client.stop());

  it('applies an edit that reuses the current version number', async () => {
    const uri = 'untitled:same-version';
    client.open(uri, '# 服务说明\n\n本说明适用于【公司名称】。\n');
    expect((await client.diagnostics(uri)).some((d) => d.code === 'placeholder')).toBe(true);
    // Version 1 again, as some clients send after a full resync.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 1 },
      contentChanges: [{ text: '# 服务说明\n\n本说明适用于华信云服。\n' }],
    });
    expect((await client.diagnostics(uri)).some((d) => d.code === 'placeholder')).toBe(false);
  });
});
