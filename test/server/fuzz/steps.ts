// Executing one step of a fuzz sequence against the server: resolving it
// against the client's copy of the document, sending it, and judging the answer.

import { join } from 'node:path';
import type {
  CodeAction,
  CodeLens,
  Command,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentDiagnosticReport,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  SemanticTokens,
} from 'vscode-languageserver-protocol';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import { fileUri } from '../harness';
import {
  applyWorkspaceEdit,
  before,
  changeDocument,
  checkCompletion,
  checkDiagnostics,
  checkSemanticTokens,
  checkSymbols,
  checkWorkspaceEdit,
  clip,
  Lines,
  Problems,
  record,
  show,
} from './client-model';
import { CONTENT_MODIFIED, count, FIX_ALL, INSERT_SECTIONS, INTERNAL_ERROR, REQUEST_CANCELLED, REQUEST_TIMEOUT_MS, TRACE } from './config';
import { type Doc, MALFORMED_URIS, type Request, type Step } from './generators';
import { FuzzError, type Session, tmp } from './session';

// --- running a sequence -----------------------------------------------------------

export interface Run {
  session: Session;
  id: number;
  pull: boolean;
  seed: number;
  /** The run's URIs, by slot. */
  slots: string[];
  where: string;
}

export function uriOf(run: Run, doc: Doc): string {
  if (doc < 3) return run.slots[doc]!;
  if (doc === 3) return fileUri(join(tmp, 'never-opened', `${run.id}.md`));
  return MALFORMED_URIS[(doc - 4) % MALFORMED_URIS.length]!;
}

export function linesOf(run: Run, uri: string): Lines {
  return new Lines(run.session.client.docs.get(uri)?.getText() ?? '');
}

export type Answer = { ok: true; result: unknown } | { ok: false; code: number; message: string };

/** Sends a request; resolves with its answer. A server that dies or stays silent fails the run. */
export function send(run: Run, method: string, params: unknown, token?: CancellationTokenSource): Promise<Answer> {
  const { session } = run;
  if (!session.client.alive) {
    session.broken = true;
    return Promise.reject(new FuzzError(`${run.where}: the server is not running (${method}); log:\n${session.client.logs.slice(-20).join('\n')}`));
  }
  return new Promise<Answer>((resolve, reject) => {
    const timer = setTimeout(() => {
      session.broken = true;
      reject(new FuzzError(`${run.where}: no answer to ${method} ${clip(show(params), 500)} within ${REQUEST_TIMEOUT_MS} ms; log:\n${session.client.logs.slice(-20).join('\n')}`));
    }, REQUEST_TIMEOUT_MS);
    void session.exited.then(() => {
      clearTimeout(timer);
      session.broken = true;
      reject(new FuzzError(`${run.where}: the server exited while ${method} was pending; log:\n${session.client.logs.slice(-30).join('\n')}`));
    });
    if (TRACE) console.info(`${run.where} → ${method} ${clip(show(params), 400)}`);
    const pending = token ? session.client.connection.sendRequest(method, params, token.token) : session.client.connection.sendRequest(method, params);
    pending.then(
      (result) => {
        clearTimeout(timer);
        count(`${method} ok${result === null || (Array.isArray(result) && result.length === 0) ? ' (empty)' : ''}`);
        if (TRACE) console.info(`${run.where} ← ${method} ${clip(show(result), 400)}`);
        resolve({ ok: true, result });
      },
      (e: unknown) => {
        clearTimeout(timer);
        const err = e as { code?: unknown; message?: unknown };
        if (typeof err?.code === 'number') {
          count(`${method} error ${err.code}`);
          if (TRACE) console.info(`${run.where} ← ${method} error ${err.code} ${String(err.message)}`);
          resolve({ ok: false, code: err.code, message: String(err.message) });
        } else reject(new FuzzError(`${run.where}: ${method} failed on the client side: ${String(e)}`));
      },
    );
  });
}

export interface Prepared {
  method: string;
  params: unknown;
  /** An open document and positions inside it: the answer must be a result. */
  valid: boolean;
  check: (result: unknown, problems: Problems) => void;
  after?: (result: unknown, problems: Problems) => Promise<void>;
}

export function prepare(run: Run, step: Request): Prepared {
  const { session } = run;
  const uri = uriOf(run, 'doc' in step ? step.doc : 0);
  const open = session.client.docs.has(uri);
  const lines = linesOf(run, uri);
  const textDocument = { uri };
  const none = () => {};
  switch (step.op) {
    case 'hover': {
      const { p, valid } = lines.resolve(step.pos);
      return {
        method: 'textDocument/hover',
        params: { textDocument, position: p },
        valid: open && valid,
        check: (r, problems) => {
          const hover = r as Hover | null;
          if (hover?.range) problems.range(lines, hover.range, 'hover');
          if (hover && !hover.contents) problems.add('hover without contents');
        },
      };
    }
    case 'completion': {
      const { p, valid } = lines.resolve(step.pos);
      return { method: 'textDocument/completion', params: { textDocument, position: p, context: { triggerKind: 1 } }, valid: open && valid, check: (r, problems) => checkCompletion(lines, r as CompletionItem[] | CompletionList | null, problems) };
    }
    case 'codeAction': {
      const { range, valid } = lines.resolveRange(step.range);
      const known = session.results.get(uri)?.items ?? [];
      const diagnostics =
        step.ctx === 'diagnostics' || step.ctx === 'fixAll'
          ? known.filter((d) => d.range.start.line <= range.end.line && range.start.line <= d.range.end.line)
          : step.ctx === 'staleDiagnostics'
            ? [...known, { range: { start: { line: lines.count + 3, character: 0 }, end: { line: lines.count + 3, character: 5 } }, message: 'stale', code: 'placeholder', source: 'policylint' }, { range, message: 'not ours', code: 42 }]
            : [];
      const sent = new Set(diagnostics.map(show));
      const only = step.ctx === 'fixAll' ? ['source.fixAll.policylint'] : step.ctx === 'quickfix' ? ['quickfix'] : step.ctx === 'source' ? ['source'] : undefined;
      return {
        method: 'textDocument/codeAction',
        params: { textDocument, range, context: { diagnostics, only, triggerKind: only ? 1 : 2 } },
        valid: open && valid,
        check: (r, problems) => {
          if (r === null) return;
          if (!Array.isArray(r)) return problems.add(`codeAction: not an array: ${clip(show(r))}`);
          for (const a of r as (CodeAction | Command)[]) {
            if (typeof a.command === 'string') continue; // a bare Command
            const action = a as CodeAction;
            if (!action.title) problems.add(`code action without a title: ${clip(show(action))}`);
            if (only && action.kind && !only.some((o) => action.kind === o || action.kind!.startsWith(`${o}.`))) problems.add(`code action of kind ${action.kind} for only=${show(only)}`);
            checkWorkspaceEdit(session, action.edit, problems, `code action ${show(action.title)}`);
            for (const d of action.diagnostics ?? []) {
              // The client's own diagnostics may come back as they were sent; the server's must fit.
              if (!sent.has(show(d))) problems.range(lines, d.range, `code action ${show(action.title)} diagnostic`);
            }
          }
        },
        after: async (r, problems) => {
          if (step.apply === null || !Array.isArray(r) || r.length === 0) return;
          const action = r[step.apply % r.length] as CodeAction | Command;
          const edit = typeof action.command === 'string' ? undefined : (action as CodeAction).edit;
          const command = typeof action.command === 'string' ? (action as Command) : (action as CodeAction).command;
          // As an editor does: the edit first, then the command (server commands only; the others are the client's).
          if (edit && checkWorkspaceEdit(session, edit, problems, 'applied code action')) {
            count('code action applied');
            applyWorkspaceEdit(session, edit);
          }
          if (command && (command.command === FIX_ALL || command.command === INSERT_SECTIONS)) {
            const answer = await send(run, 'workspace/executeCommand', { command: command.command, arguments: command.arguments });
            if (!answer.ok && open) problems.add(`executeCommand ${command.command} from a code action: error ${answer.code} ${answer.message}`);
          }
        },
      };
    }
    case 'diagnostic': {
      const previous = step.previous ? session.results.get(uri) : undefined;
      return {
        method: 'textDocument/diagnostic',
        params: { textDocument, identifier: 'policylint', previousResultId: previous?.id },
        valid: open,
        check: (r, problems) => {
          const report = r as DocumentDiagnosticReport;
          if (report?.kind === 'unchanged') {
            if (!previous || report.resultId !== previous.id) return problems.add(`diagnostic: "unchanged" for result id ${show(report.resultId)}, but the client sent ${show(previous?.id)}`);
            // The client keeps showing what it had: that must still fit the text.
            checkDiagnostics(session, lines, uri, previous.items, problems, 'diagnostic (unchanged, kept)');
            return;
          }
          if (report?.kind !== 'full') return problems.add(`diagnostic: not a report: ${clip(show(r))}`);
          checkDiagnostics(session, lines, uri, report.items, problems, 'diagnostic');
          if (!open && report.items.length > 0) problems.add(`diagnostic: ${report.items.length} diagnostics for ${show(uri)}, which is not open`);
          if (report.resultId) session.results.set(uri, { id: report.resultId, items: report.items });
        },
      };
    }
    case 'workspaceDiagnostic':
      return {
        method: 'workspace/diagnostic',
        params: { identifier: 'policylint', previousResultIds: step.previous ? session.workspaceResults : [] },
        valid: true,
        check: (r, problems) => {
          const items = (r as { items?: ({ uri: string; kind: string; resultId?: string; items?: Diagnostic[] })[] } | null)?.items;
          if (!Array.isArray(items)) return problems.add(`workspace/diagnostic: no items: ${clip(show(r))}`);
          for (const item of items) {
            // Files that are not open: their ranges must fit the file on disk.
            const disk = session.history.get(`${item.uri}#disk`);
            if (item.kind === 'full' && disk && item.uri.endsWith('.md')) {
              const probes = disk.map((t) => {
                const probe = new Problems();
                checkDiagnostics(session, new Lines(t), item.uri, item.items, probe, `workspace diagnostic for ${item.uri}`);
                return probe;
              });
              if (probes.every((p) => p.list.length > 0)) for (const m of probes[0]!.list) problems.add(m);
            }
          }
          session.workspaceResults = items.filter((i) => i.resultId).map((i) => ({ uri: i.uri, value: i.resultId! }));
        },
      };
    case 'documentSymbol':
      return { method: 'textDocument/documentSymbol', params: { textDocument }, valid: open, check: (r, problems) => checkSymbols(lines, (r ?? []) as DocumentSymbol[], problems) };
    case 'foldingRange':
      return {
        method: 'textDocument/foldingRange',
        params: { textDocument },
        valid: open,
        check: (r, problems) => {
          for (const f of (r ?? []) as FoldingRange[]) {
            if (!(f.startLine >= 0 && f.startLine <= f.endLine && f.endLine < lines.count)) problems.add(`folding range ${show(f)} outside the document (${lines.count} lines)`);
          }
        },
      };
    case 'codeLens':
      return {
        method: 'textDocument/codeLens',
        params: { textDocument },
        valid: open,
        check: (r, problems) => {
          for (const l of (r ?? []) as CodeLens[]) problems.range(lines, l.range, `code lens ${show(l.command?.title)}`);
        },
      };
    case 'semanticTokens':
      return { method: 'textDocument/semanticTokens/full', params: { textDocument }, valid: open, check: (r, problems) => checkSemanticTokens(lines, r as SemanticTokens | null, problems) };
    case 'inlayHint': {
      const { range, valid } = lines.resolveRange(step.range);
      return {
        method: 'textDocument/inlayHint',
        params: { textDocument, range },
        valid: open && valid,
        check: (r, problems) => {
          for (const h of (r ?? []) as InlayHint[]) {
            if (!lines.has(h.position)) problems.add(`inlay hint ${show(h.label)} at ${show(h.position)} outside the document`);
            else if (valid && before(range.start, range.end) && !(before(range.start, h.position) && before(h.position, range.end))) problems.add(`inlay hint ${show(h.label)} at ${show(h.position)} outside the requested range ${show(range)}`);
          }
        },
      };
    }
    case 'command': {
      const version = session.client.docs.get(uri)?.version;
      const args = { 'uri+version': [uri, version], uri: [uri], staleVersion: [uri, (version ?? 1) - 1], none: undefined, number: [42] }[step.args];
      return {
        method: 'workspace/executeCommand',
        params: { command: step.command, arguments: args },
        valid: open && step.command !== 'policylint.noSuchCommand' && (step.args === 'uri+version' || step.args === 'uri'),
        check: none,
      };
    }
  }
}

/** Internal errors answered to bad input (acceptable, but worth knowing), reported once per test. */
export const notes = new Map<string, string>();

export function judge(run: Run, prepared: Prepared, answer: Answer, problems: Problems, cancelled = false): void {
  if (answer.ok) return prepared.check(answer.result, problems);
  const what = `${prepared.method} ${clip(show(prepared.params), 600)}`;
  if (answer.code === REQUEST_CANCELLED && !cancelled) problems.add(`${what}: cancelled though the client did not cancel it`);
  else if (prepared.valid && !cancelled && answer.code !== CONTENT_MODIFIED) problems.add(`${what}: error ${answer.code} ${answer.message} for a valid request on an open document`);
  else if (answer.code === INTERNAL_ERROR) {
    // Bad input may be refused with any error response; a crash behind it is noted, and its log line expected.
    problems.expectFailedLog = true;
    const key = `${prepared.method}: ${answer.message.split('\n')[0]}`;
    if (!notes.has(key)) notes.set(key, `${run.where}: ${what}`);
  }
}

/** Log lines that mean the server is in trouble: unhandled rejections, uncaught exceptions, failed handlers. */
export function troubleIn(lines: string[], expectFailed = false): string[] {
  return lines.filter((l) => /unhandled|uncaught|\[exit\]/i.test(l) || (!expectFailed && /failed:/.test(l)));
}

export async function runStep(run: Run, step: Step, problems: Problems): Promise<void> {
  const { session } = run;
  const { client } = session;
  switch (step.op) {
    case 'open': {
      const uri = uriOf(run, step.doc);
      if (client.docs.has(uri)) client.close(uri); // an editor closes before it opens again
      if (TRACE) console.info(`${run.where} → didOpen ${uri} ${clip(show(step.text), 400)}`);
      client.open(uri, step.text);
      count('didOpen');
      record(session, uri);
      session.results.delete(uri);
      return;
    }
    case 'change': {
      const uri = uriOf(run, step.doc);
      if (!client.docs.has(uri)) return; // an editor never changes a document it has not opened
      count('didChange');
      const lines = linesOf(run, uri);
      // Each change applies to the text the previous one left; positions are resolved before any (as generated).
      changeDocument(
        session,
        uri,
        step.changes.map((c) => ('full' in c ? { text: c.full } : { range: lines.resolveRange(c.range).range, text: c.text })),
      );
      return;
    }
    case 'close': {
      const uri = uriOf(run, step.doc);
      if (client.docs.has(uri)) client.close(uri);
      return;
    }
    case 'save': {
      const uri = uriOf(run, step.doc);
      if (client.docs.has(uri)) client.save(uri);
      return;
    }
    case 'settings':
      await changeSettings(session, { enable: step.enable, locale: step.locale, run: 'onType', inlayHints: { enable: step.hints } });
      return;
    case 'burst': {
      // Requests and edits without waiting in between, some cancelled at once: all must be answered.
      // The server may answer for a later version than the one a request was sent at, so only the answers are judged.
      const pending: { prepared: Prepared; answer: Promise<Answer>; cancelled: boolean }[] = [];
      step.steps.forEach((s, i) => {
        if (s.op === 'change') return void runStep(run, s, problems);
        const prepared = prepare(run, s);
        const cancelled = step.cancel[i] === true;
        const source = cancelled ? new CancellationTokenSource() : undefined;
        pending.push({ prepared, answer: send(run, prepared.method, prepared.params, source), cancelled });
        source?.cancel();
      });
      const settled = await Promise.allSettled(pending.map((p) => p.answer));
      const lost = settled.find((s) => s.status === 'rejected');
      if (lost) throw lost.reason;
      const answers = settled.map((s) => (s as PromiseFulfilledResult<Answer>).value);
      answers.forEach((answer, i) => {
        const { prepared, cancelled } = pending[i]!;
        if (!answer.ok) judge(run, prepared, answer, problems, cancelled);
      });
      return;
    }
    default: {
      const prepared = prepare(run, step);
      const answer = await send(run, prepared.method, prepared.params);
      judge(run, prepared, answer, problems);
      if (answer.ok && prepared.after) await prepared.after(answer.result, problems);
    }
  }
}

export const DEFAULT_SETTINGS = { enable: true, locale: 'auto', run: 'onType', inlayHints: { enable: true } };

/** policylint.* settings as the editor changes them: the server is told, and asks for them (workspace/configuration). */
export async function changeSettings(session: Session, settings: typeof DEFAULT_SETTINGS): Promise<void> {
  if (show(session.client.settings) === show(settings)) return;
  session.client.settings = settings;
  if (TRACE) console.info(`→ didChangeConfiguration ${show(settings)}`);
  await session.client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
}
