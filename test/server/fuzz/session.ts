// The fuzz test's server: one per test, shared by its runs, in a workspace
// folder with a handbook on disk; it plays the editor's part for
// workspace/applyEdit and checks pushed diagnostics as they arrive.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic, PublishDiagnosticsParams, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { fileUri, TestClient } from '../harness';
import { applyWorkspaceEdit, checkDiagnostics, checkWorkspaceEdit, clip, Lines, Problems, show } from './client-model';
import { count, REQUEST_TIMEOUT_MS } from './config';

// --- the server, shared by the runs of one test -------------------------------

export class FuzzError extends Error {}

export interface Session {
  client: TestClient;
  /** Set when the server hung or died: the next run starts a new one. */
  broken: boolean;
  exited: Promise<void>;
  /** Texts each (uri, version) had, for checking pushed diagnostics that arrive late. */
  history: Map<string, string[]>;
  /** Problems found outside a request (workspace/applyEdit, publishDiagnostics). */
  async: Problems;
  /** Result ids and their diagnostics, per URI, for pull requests with previousResultId. */
  results: Map<string, { id: string; items: Diagnostic[] }>;
  /** Result ids of the last workspace/diagnostic, for the next one's previousResultIds. */
  workspaceResults: { uri: string; value: string }[];
  /** Called on every publishDiagnostics. */
  onPublish: Set<() => void>;
}

/** Resolves once `done` holds, re-checked on every publishDiagnostics; a server that never gets there fails the run. */
export function waitForPublished(session: Session, done: () => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!done()) return;
      session.onPublish.delete(check);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      session.onPublish.delete(check);
      reject(new Error(`no ${what} within ${REQUEST_TIMEOUT_MS} ms; last published: ${clip(show([...session.client.published.values()].slice(-3)), 1500)}`));
    }, REQUEST_TIMEOUT_MS);
    session.onPublish.add(check);
    check();
  });
}

export const tmp = mkdtempSync(join(tmpdir(), 'policylint-fuzz-'));
/** The server's workspace folder: a handbook on disk whose commitments the open documents may contradict (cross-document findings). */
export const WORKSPACE = join(tmp, 'workspace');
const HANDBOOK = join(WORKSPACE, 'handbook.md');
const HANDBOOK_TEXT = '# 客户服务手册\n\n一、服务渠道\n\n热线电话30秒内接通。\n\n邮件咨询工作日24小时内回复。\n\n二、投诉处理\n\n一般投诉7个工作日内办结。\n';
mkdirSync(WORKSPACE, { recursive: true });
writeFileSync(HANDBOOK, HANDBOOK_TEXT);

export async function startSession(pull: boolean): Promise<Session> {
  const client = await TestClient.start({ pull, folders: [WORKSPACE] });
  const session: Session = {
    client,
    broken: false,
    exited: new Promise((resolve) => (client.proc.exitCode !== null ? resolve() : client.proc.once('exit', () => resolve()))),
    // Files on disk are the version "disk".
    history: new Map([[`${fileUri(HANDBOOK)}#disk`, [HANDBOOK_TEXT]]]),
    async: new Problems(),
    results: new Map(),
    onPublish: new Set(),
    workspaceResults: [],
  };
  // The editor's part: refuse an edit for a version it no longer has, check and apply the rest.
  client.connection.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }): { applied: boolean; failureReason?: string } => {
    const ok = checkWorkspaceEdit(session, p.edit, session.async, 'workspace/applyEdit');
    count(`workspace/applyEdit ${ok ? 'applied' : 'refused'}`);
    if (!ok) return { applied: false, failureReason: 'edit for another version' };
    applyWorkspaceEdit(session, p.edit);
    return { applied: true };
  });
  // Pushed diagnostics: each must fit the text of the version it names (any version, when it names none).
  client.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    client.published.set(p.uri, p);
    for (const listener of [...session.onPublish]) listener();
    const texts = p.version !== undefined && p.version !== null ? session.history.get(`${p.uri}#${p.version}`) : [...session.history.entries()].filter(([k]) => k.startsWith(`${p.uri}#`)).flatMap(([, v]) => v);
    if (!texts?.length) {
      if (p.diagnostics.length > 0 && p.version !== undefined && p.version !== null) session.async.add(`publishDiagnostics for ${p.uri} version ${p.version}, a version the client never had`);
      return;
    }
    const fits = texts.some((t) => {
      const probe = new Problems();
      checkDiagnostics(session, new Lines(t), p.uri, p.diagnostics, probe, 'published diagnostic');
      return probe.list.length === 0;
    });
    if (!fits) {
      const probe = new Problems();
      checkDiagnostics(session, new Lines(texts[texts.length - 1]!), p.uri, p.diagnostics, probe, `published diagnostic (version ${p.version})`);
      for (const m of probe.list) session.async.add(m);
    }
  });
  // Requests wait for nothing, so runs are alike only once the workspace is indexed: workspace/diagnostic waits for that.
  await client.request('workspace/diagnostic', { previousResultIds: [] });
  return session;
}

export async function stopSession(session: Session | undefined): Promise<void> {
  if (!session) return;
  if (session.broken || !session.client.alive) {
    if (session.client.alive) session.client.proc.kill();
    await session.exited;
    session.client.connection.dispose();
    return;
  }
  // A clean shutdown, bounded: a server that cannot shut down is killed.
  const timer = setTimeout(() => session.client.proc.kill(), 5_000);
  await session.client.stop().catch(() => session.client.proc.kill());
  await session.exited;
  clearTimeout(timer);
}
