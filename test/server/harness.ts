// A real LSP client for the protocol tests: starts the built server
// (dist/server.js) as a child process over stdio and talks to it with
// vscode-languageserver-protocol, the library editors' clients are built on.
// It plays the editor's part too: answers workspace/configuration, applies
// workspace edits to its own copy of the documents, records refreshes.
// Tests wait for conditions (waitFor), never for fixed times.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';

export const REPO_ROOT = resolve(__dirname, '../..');
export const SERVER = join(REPO_ROOT, 'dist/server.js');
export const CLI = join(REPO_ROOT, 'dist/cli.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Builds the bundles when they are missing or older than the sources. Test
 * files run in parallel processes, so one builds under a lock and the others wait.
 */
export function ensureBuilt(): void {
  const stale = () => {
    const sources = Math.max(newestMtime(join(REPO_ROOT, 'server/src')), statSync(join(REPO_ROOT, 'scripts/build.mjs')).mtimeMs);
    return ![SERVER, CLI].every((f) => existsSync(f) && statSync(f).mtimeMs >= sources);
  };
  if (!stale()) return;
  const lock = join(REPO_ROOT, 'test-output/.build-lock');
  mkdirSync(join(REPO_ROOT, 'test-output'), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`build lock ${lock} held for 2 minutes; remove it if no build is running`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200); // another worker is building
    }
  }
  try {
    if (!stale()) return;
    const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build failed:\n${r.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export const fileUri = (path: string) => pathToFileURL(path).href;

export interface StartOptions {
  /** Pull diagnostics (LSP 3.17); false = an older client that only receives pushes. */
  pull?: boolean;
  folders?: string[];
  settings?: Record<string, unknown>;
}

type Waiter = () => void;

export class TestClient {
  readonly published = new Map<string, PublishDiagnosticsParams>();
  readonly logs: string[] = [];
  /** `$/progress` values the server sent (window/workDoneProgress), in order. */
  readonly progress: { kind: string; title?: string }[] = [];
  readonly docs = new Map<string, TextDocument>();
  refreshes = 0;
  settings: Record<string, unknown>;
  initializeResult!: InitializeResult;
  private readonly waiters = new Set<Waiter>();
  private exited = false;

  private constructor(
    readonly proc: ChildProcess,
    readonly connection: ProtocolConnection,
    options: StartOptions,
  ) {
    this.settings = { enable: true, locale: 'auto', run: 'onType', inlayHints: { enable: true }, ...options.settings };
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    ensureBuilt();
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new TestClient(proc, connection, options);
    proc.stderr!.on('data', (d: Buffer) => client.log(`[stderr] ${d.toString()}`));
    proc.on('exit', (code) => {
      client.exited = true;
      client.log(`[exit] ${code}`);
    });
    client.listen();
    connection.listen();
    const pull = options.pull ?? true;
    const folders = (options.folders ?? []).map((f) => ({ uri: fileUri(f), name: f }));
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders.length ? folders : null,
      capabilities: capabilities(pull),
      initializationOptions: {},
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  private listen(): void {
    const c = this.connection;
    c.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.set(p.uri, p);
      this.wake();
    });
    c.onNotification('window/logMessage', (p: { message: string }) => this.log(p.message));
    c.onNotification('$/progress', (p: { value: { kind: string; title?: string } }) => {
      this.progress.push(p.value);
      this.wake();
    });
    c.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    c.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      this.wake();
      return null;
    });
    c.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
      this.applyWorkspaceEdit(p.edit);
      return { applied: true };
    });
    for (const m of ['client/registerCapability', 'workspace/inlayHint/refresh', 'workspace/codeLens/refresh', 'workspace/semanticTokens/refresh', 'window/workDoneProgress/create']) c.onRequest(m, () => null);
  }

  private log(line: string): void {
    this.logs.push(line);
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }

  /** Resolves with the first truthy value of `probe`, re-checked on every message from the server. */
  waitFor<T>(probe: () => T | undefined | null | false, what: string, timeoutMs = 30_000): Promise<T> {
    return new Promise((resolvePromise, reject) => {
      const check = () => {
        const v = probe();
        if (v) {
          this.waiters.delete(check);
          clearTimeout(timer);
          resolvePromise(v);
        }
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out waiting for ${what}; server log:\n${this.logs.slice(-20).join('\n')}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  open(uri: string, text: string, languageId = 'markdown'): void {
    const doc = TextDocument.create(uri, languageId, 1, text);
    this.docs.set(uri, doc);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Opens the file at `path` with `text` and waits for its first diagnostics; returns its URI. */
  async openAndLint(path: string, text: string): Promise<string> {
    const uri = fileUri(path);
    this.open(uri, text);
    await this.diagnostics(uri);
    return uri;
  }

  /** Incremental edits, as an editor sends them. */
  change(uri: string, changes: TextDocumentContentChangeEvent[]): void {
    const doc = this.docs.get(uri)!;
    const next = TextDocument.update(doc, changes, doc.version + 1);
    this.docs.set(uri, next);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: next.version }, contentChanges: changes });
  }

  /** Replaces the first occurrence of `find` with `replace` (an incremental edit). */
  replace(uri: string, find: string, replace: string): void {
    const doc = this.docs.get(uri)!;
    const at = doc.getText().indexOf(find);
    if (at < 0) throw new Error(`"${find}" not in ${uri}`);
    this.change(uri, [{ range: { start: doc.positionAt(at), end: doc.positionAt(at + find.length) }, text: replace }]);
  }

  close(uri: string): void {
    this.docs.delete(uri);
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  save(uri: string): void {
    void this.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  text(uri: string): string {
    return this.docs.get(uri)!.getText();
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async pull(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
  }

  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await this.pull(uri);
    if (report.kind !== 'full') throw new Error('expected a full report');
    return report.items;
  }

  /** Applies edits to the client's copy and tells the server, as an editor does after workspace/applyEdit or a code action. */
  applyWorkspaceEdit(edit: WorkspaceEdit): void {
    const byUri = new Map<string, TextEdit[]>();
    for (const change of edit.documentChanges ?? []) {
      if ('textDocument' in change) byUri.set(change.textDocument.uri, [...(byUri.get(change.textDocument.uri) ?? []), ...(change.edits as TextEdit[])]);
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) byUri.set(uri, [...(byUri.get(uri) ?? []), ...edits]);
    for (const [uri, edits] of byUri) {
      // Last edit first, so each range still means what it meant in the original text.
      const ordered = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
      this.change(uri, ordered.map((e) => ({ range: e.range, text: e.newText })));
    }
  }

  get alive(): boolean {
    return !this.exited;
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((r) => this.proc.once('exit', () => r()));
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.proc.kill();
    }
    await exited;
    this.connection.dispose();
  }
}

function capabilities(pull: boolean): ClientCapabilities {
  return {
    window: { workDoneProgress: true },
    workspace: {
      configuration: true,
      workspaceFolders: true,
      applyEdit: true,
      workspaceEdit: { documentChanges: true },
      diagnostics: { refreshSupport: true },
      inlayHint: { refreshSupport: true },
      codeLens: { refreshSupport: true },
      didChangeWatchedFiles: { dynamicRegistration: false },
      didChangeConfiguration: { dynamicRegistration: true },
    },
    textDocument: {
      synchronization: { didSave: true, dynamicRegistration: false },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
      diagnostic: pull ? { dynamicRegistration: false, relatedDocumentSupport: false } : undefined,
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      foldingRange: {},
      inlayHint: {},
      codeLens: {},
      completion: { completionItem: { snippetSupport: false, labelDetailsSupport: true } },
      semanticTokens: { requests: { full: true }, tokenTypes: ['string', 'number'], tokenModifiers: [], formats: ['relative'] },
    },
  };
}
