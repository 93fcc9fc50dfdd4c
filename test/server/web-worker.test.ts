// The web build of the language server (dist/web/server.js, package.json "browser"): the
// bundle runs in a context that has only what a web worker has (no require, no process, no
// Buffer, no file system), speaks LSP over postMessage, and lints an open document the way
// the desktop server does. The browser-hosted VS Code check is in test/e2e/web.e2e.ts.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { ensureBuilt, REPO_ROOT, TestClient } from './harness';
import { LETTER } from './fixtures';

type Message = { id?: number; method?: string; params?: unknown; result?: unknown; error?: unknown };

/** A web worker's global scope, and the page's end of its message channel. */
function startWorker(): { send: (m: Message) => void; request: <T>(method: string, params: unknown) => Promise<T>; notifications: Message[] } {
  const pending = new Map<number, (m: Message) => void>();
  const notifications: Message[] = [];
  const self: { onmessage?: (e: { data: Message }) => void; postMessage: (m: Message) => void; addEventListener: () => void } = {
    addEventListener: () => undefined,
    postMessage: (m) => {
      if (m.id !== undefined && m.method === undefined) pending.get(m.id)?.(m);
      else if (m.id !== undefined && m.method) self.onmessage?.({ data: { id: m.id, result: null } }); // server-to-client requests
      else notifications.push(m);
    },
  };
  const context = createContext({ self, console, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, TextEncoder, TextDecoder, URL, performance, crypto });
  runInContext(readFileSync(join(REPO_ROOT, 'dist/web/server.js'), 'utf8'), context, { filename: 'dist/web/server.js' });
  let nextId = 1;
  const send = (m: Message) => queueMicrotask(() => self.onmessage!({ data: { jsonrpc: '2.0', ...m } as Message }));
  const request = <T>(method: string, params: unknown) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, (m) => (m.error ? reject(new Error(JSON.stringify(m.error))) : resolve(m.result as T)));
      send({ id, method, params });
    });
  return { send, request, notifications };
}

describe('the web-worker server', () => {
  let worker: ReturnType<typeof startWorker>;
  let desktop: TestClient;
  beforeAll(async () => {
    ensureBuilt();
    worker = startWorker();
    desktop = await TestClient.start();
  });
  afterAll(() => desktop.stop());

  it('runs with a web worker\'s globals only, and answers initialize', async () => {
    const result = await worker.request<{ capabilities: { diagnosticProvider?: unknown }; serverInfo?: { name: string } }>('initialize', {
      processId: null,
      rootUri: null,
      workspaceFolders: null,
      capabilities: { textDocument: { diagnostic: {} }, workspace: { configuration: false } },
    });
    expect(result.serverInfo?.name).toBe('policylint');
    expect(result.capabilities.diagnosticProvider).toBeTruthy();
    worker.send({ method: 'initialized', params: {} });
  });

  it('lints an open document (a virtual workspace\'s scheme) as the desktop server does', async () => {
    const uri = 'vscode-vfs://github/acme/policies/letter.md';
    worker.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text: LETTER } } });
    const report = await worker.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    desktop.open('untitled:letter', LETTER);
    const expected = await desktop.diagnostics('untitled:letter');
    const show = (ds: Diagnostic[]) => ds.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character} ${d.message}`).sort();
    expect(report.items.length).toBeGreaterThan(0);
    expect(show(report.items)).toEqual(show(expected));
  });
});
