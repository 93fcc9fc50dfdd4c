// Diagnostics, pulled (textDocument/diagnostic, workspace/diagnostic) when the
// client can, pushed (textDocument/publishDiagnostics) when it cannot.
//
// Every report is derived from the Project, so a document's diagnostics
// include the cross-document findings placed in it. When one document changes,
// the others' reports are recomputed and, where they differ from what the
// client last saw, refreshed (pull) or re-published (push).

import {
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type Location,
  type WorkspaceDiagnosticParams,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { Finding, Place, Span } from '../engine/types';
import type { ConfigDiagnostics } from './config-diagnostics';
import { convertFindings, rangeFromPlace, SOURCE, type Converted } from './convert';
import type { Logger } from './guard';
import { t } from './messages';
import { Debouncer } from './scheduler';
import { uriToPath } from './uri';
import { isConfigFile, type DocumentState, type Workspace } from './workspace';
import { appendAll } from '../engine/arrays';

interface Report {
  lines: DocumentState['lines'];
  diagnostics: Diagnostic[];
  /** The findings and their diagnostics, carried to the next report (convertFindings). */
  converted: Converted;
  resultId: string;
}

export interface DiagnosticsOptions {
  /** The client pulls (LSP 3.17 diagnostics); otherwise the server pushes. */
  pull: boolean;
  /** The client honours workspace/diagnostic/refresh. */
  refresh: boolean;
}

/** How long to let edits settle before telling the client that other documents' diagnostics changed. */
const REFRESH_DELAY_MS = 50;

export class DiagnosticsFeature {
  private readonly reports = new Map<string, Report>();
  private nextResultId = 1;
  /** Pull: the result id the client last received, by path. */
  private readonly pulled = new Map<string, string>();
  /** Push: the diagnostics last published, by URI (as a key). */
  private readonly pushed = new Map<string, string>();
  private readonly debouncer: Debouncer;

  constructor(
    private readonly connection: Connection,
    private readonly workspace: Workspace,
    private readonly config: ConfigDiagnostics,
    private readonly options: DiagnosticsOptions,
    log: Logger,
  ) {
    this.debouncer = new Debouncer((e) => log.error(String(e)));
    workspace.onDidChange((paths) => this.changed(paths));
  }

  /** textDocument/diagnostic */
  async pull(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const uri = params.textDocument.uri;
    if (isConfigFile(uri)) return this.config.pull(uri, params.previousResultId);
    const state = await this.workspace.current(uri, token);
    if (!state) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const report = this.report(state);
    this.pulled.set(state.path, report.resultId);
    if (params.previousResultId === report.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: report.resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: report.resultId, items: report.diagnostics };
  }

  /** workspace/diagnostic: the workspace files that are not open, and broken config files. Only what changed is sent. */
  async pullWorkspace(params: WorkspaceDiagnosticParams, token: CancellationToken): Promise<WorkspaceDiagnosticReport> {
    await this.workspace.whenIndexed(token);
    const previous = new Map(params.previousResultIds.map((p) => [uriToPath(p.uri), p.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const reported = new Set<string>();
    for (const state of this.workspace.diskStates()) {
      reported.add(state.path);
      const report = this.report(state);
      if (previous.get(state.path) === report.resultId) continue;
      items.push({ kind: DocumentDiagnosticReportKind.Full, uri: state.uri, version: null, resultId: report.resultId, items: report.diagnostics });
    }
    // Files reported before that have left the workspace (deleted, now ignored): clear them once.
    for (const [path, resultId] of previous) {
      if (reported.has(path) || resultId === 'gone' || isConfigFile(path) || this.workspace.stateOf(path)) continue;
      items.push({ kind: DocumentDiagnosticReportKind.Full, uri: this.workspace.uriOf(path), version: null, resultId: 'gone', items: [] });
    }
    appendAll(items, this.config.workspaceReports(previous));
    return { items };
  }

  /** The report for a document's current analysis, with a result id that changes only when the diagnostics do. */
  private report(state: DocumentState): Report {
    const findings = state.settings.enable && !state.skipped ? this.workspace.project.findings(state.path) : [];
    const cached = this.reports.get(state.path);
    if (cached && cached.converted.findings === findings && cached.lines === state.lines) return cached;
    const converted = convertFindings(findings, state.lines, this.locate, cached?.converted);
    const tooLarge = state.skipped?.reason === 'too-large' && state.settings.enable;
    const diagnostics = tooLarge ? [...converted.diagnostics, this.tooLarge(state)] : converted.diagnostics;
    // Compared, not serialised: a 1 MB document's thousands of diagnostics would be a megabyte of JSON at every keystroke.
    const same = cached !== undefined && sameDiagnostics(cached.diagnostics, diagnostics);
    const report: Report = { lines: state.lines, diagnostics, converted, resultId: same ? cached.resultId : String(this.nextResultId++) };
    this.reports.set(state.path, report);
    return report;
  }

  private tooLarge(state: DocumentState): Diagnostic {
    const limit = state.skipped?.reason === 'too-large' ? state.skipped.limit : 0;
    return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: SOURCE, code: 'file-too-large', message: t(state.locale, 'tooLarge', { limit }) };
  }

  /** Related locations in other documents, converted with that document's own line index. */
  private readonly locate = (path: string, span: Span, place: Place): Location => {
    const other = this.workspace.stateOf(path);
    const uri = this.workspace.uriOf(path);
    if (!other) return { uri, range: rangeFromPlace(place) };
    return { uri, range: { start: other.lines.toLsp(span.start), end: other.lines.toLsp(span.end) } };
  };

  /** After any analysis: bring the client up to date for every open document whose diagnostics changed. */
  private changed(paths: string[]): void {
    for (const p of paths) if (!this.workspace.stateOf(p)) this.reports.delete(p);
    if (this.options.pull) {
      if (this.options.refresh) this.debouncer.schedule('refresh', REFRESH_DELAY_MS, () => this.refreshIfStale());
      return;
    }
    // Push: the analysed documents now, the others once edits settle.
    this.publishOpen(new Set(paths));
    this.debouncer.schedule('push', REFRESH_DELAY_MS, () => this.publishOpen());
  }

  private async refreshIfStale(): Promise<void> {
    const stale = this.workspace.openUris().some((uri) => {
      const state = this.workspace.stateOf(uriToPath(uri));
      const delivered = state && this.pulled.get(state.path);
      return state && delivered !== undefined && this.report(state).resultId !== delivered;
    });
    if (stale) await this.connection.languages.diagnostics.refresh();
  }

  /** Push mode: publishes the open documents (all, or those in `only`) whose diagnostics differ from what was sent. */
  private publishOpen(only?: Set<string>): void {
    const open = new Set(this.workspace.openUris());
    for (const uri of open) {
      const path = uriToPath(uri);
      const state = this.workspace.stateOf(path);
      if (!state || state.version === null || (only && !only.has(path))) continue;
      this.push(uri, state.version, this.report(state).diagnostics);
    }
    // Closed documents: the editor shows nothing for them, as with any linter that pushes.
    if (!only) for (const { uri, diagnostics } of this.config.pushable()) this.push(uri, undefined, diagnostics);
    for (const uri of [...this.pushed.keys()]) {
      if (open.has(uri) || isConfigFile(uri)) continue;
      this.pushed.delete(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }

  /** Push mode: publishes unless the client already has exactly these diagnostics. */
  private push(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void {
    const key = JSON.stringify(diagnostics);
    if (this.pushed.get(uri) === key) return;
    this.pushed.set(uri, key);
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  /** Push mode: an open config file was edited, opened or closed. */
  configDocumentChanged(uri: string, open: boolean): void {
    if (this.options.pull) return;
    this.push(uri, undefined, open ? this.config.forOpenDocument(uri) : []);
  }

  dispose(): void {
    this.debouncer.dispose();
  }
}

/** The fields toDiagnostic sets, compared by hand; any other field is compared as JSON. */
const DIAGNOSTIC_FIELDS = new Set(['range', 'severity', 'code', 'source', 'message', 'codeDescription', 'relatedInformation']);

function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameDiagnostic(a[i]!, b[i]!)) return false;
  return true;
}

function sameDiagnostic(x: Diagnostic, y: Diagnostic): boolean {
  if (x === y) return true;
  const [r, s] = [x.range, y.range];
  if (r.start.line !== s.start.line || r.start.character !== s.start.character || r.end.line !== s.end.line || r.end.character !== s.end.character) return false;
  if (x.message !== y.message || x.code !== y.code || x.severity !== y.severity || x.source !== y.source) return false;
  if (!sameJson(x.codeDescription, y.codeDescription) || !sameJson(x.relatedInformation, y.relatedInformation)) return false;
  const other = (d: Diagnostic, e: Diagnostic) => {
    for (const key in d) if (!DIAGNOSTIC_FIELDS.has(key) && !sameJson(d[key as keyof Diagnostic], e[key as keyof Diagnostic])) return false;
    return true;
  };
  return other(x, y) && other(y, x);
}

/** Whether two JSON values would serialise alike (undefined properties are left out, as JSON.stringify leaves them). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], other[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x).filter((k) => x[k] !== undefined);
  if (keys.length !== Object.keys(y).filter((k) => y[k] !== undefined).length) return false;
  return keys.every((k) => sameJson(x[k], y[k]));
}
