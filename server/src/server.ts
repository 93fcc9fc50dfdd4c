// The language server: capabilities and handler registration, nothing else.
// Each handler adapts one LSP request to one feature in ./features; the
// features know the engine, this file knows the protocol.

import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  ErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { FIX_ALL_KIND, CodeActionsFeature } from './features/code-actions';
import { codeLenses } from './features/code-lens';
import { CommandsFeature } from './features/commands';
import { completions } from './features/completion';
import { ConfigDiagnostics } from './features/config-diagnostics';
import { DiagnosticsFeature } from './features/diagnostics';
import { guardNotification, guardRequest, type Logger } from './features/guard';
import { HoverFeature } from './features/hover';
import { inlayHints } from './features/inlay-hints';
import { LEGEND, semanticTokens } from './features/semantic-tokens';
import { SettingsStore } from './features/settings';
import { documentSymbols, foldingRanges } from './features/symbols';
import { uriToPath } from './features/uri';
import { isConfigFile, Workspace } from './features/workspace';
import { DocumentInfoRequest, ServerCommands, SlaTableRequest } from './protocol';

declare const POLICYLINT_VERSION: string;
const version = typeof POLICYLINT_VERSION === 'string' ? POLICYLINT_VERSION : '0.0.0-dev';

export function startServer(connection: Connection): void {
  const log: Logger = { error: (m) => connection.console.error(m), warn: (m) => connection.console.warn(m), info: (m) => connection.console.info(m) };
  const request = <P, R>(name: string, fn: Parameters<typeof guardRequest<P, R>>[2]) => guardRequest<P, R>(log, name, fn);
  const notification = <P>(name: string, fn: (p: P) => unknown) => guardNotification<P>(log, name, fn);
  let ws!: Workspace;
  let diagnostics!: DiagnosticsFeature;
  let folders: string[] = [];
  let dynamicConfiguration = false;
  let folderEvents = false;
  let refreshHints = false;
  let refreshLenses = false;
  let initialized = false;

  // LSP: before initialize every request gets ServerNotInitialized. The feature handlers are
  // registered by initialize, so until then any request reaches this catch-all; after it, only
  // methods the server does not know do.
  connection.onRequest((method) =>
    initialized
      ? new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`)
      : new ResponseError(ErrorCodes.ServerNotInitialized, `The server is not initialized: send initialize before ${method}.`),
  );

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    initialized = true;
    const caps = params.capabilities;
    const pull = caps.textDocument?.diagnostic !== undefined;
    const init = (params.initializationOptions ?? {}) as { settings?: unknown };
    const settings = new SettingsStore(connection, caps.workspace?.configuration === true, init.settings, log);
    ws = new Workspace(settings, log, !pull);
    if (caps.window?.workDoneProgress === true) {
      // Indexing a large folder takes a while: the editor shows how far it got.
      ws.startProgress = async () => {
        const reporter = await connection.window.createWorkDoneProgress();
        reporter.begin('policylint: indexing the workspace', 0);
        return { report: (percentage, message) => reporter.report(percentage, message), done: () => reporter.done() };
      };
    }
    const editOptions = { documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true };
    const config = new ConfigDiagnostics(ws);
    diagnostics = new DiagnosticsFeature(connection, ws, config, { pull, refresh: caps.workspace?.diagnostics?.refreshSupport === true }, log);
    const codeActions = new CodeActionsFeature(ws, editOptions);
    const commands = new CommandsFeature(connection, ws, codeActions, editOptions);
    const hover = new HoverFeature(ws);
    register(codeActions, commands, hover, config);
    dynamicConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    folderEvents = caps.workspace?.workspaceFolders === true;
    refreshHints = caps.workspace?.inlayHint?.refreshSupport === true;
    refreshLenses = caps.workspace?.codeLens?.refreshSupport === true;
    folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : [])).map((f) => uriToPath(f.uri));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        diagnosticProvider: pull ? { identifier: 'policylint', interFileDependencies: true, workspaceDiagnostics: true } : undefined,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: { label: 'policylint' },
        foldingRangeProvider: true,
        inlayHintProvider: true,
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: ['#', '【', '_'], resolveProvider: false },
        semanticTokensProvider: { legend: LEGEND, full: true, range: false },
        executeCommandProvider: { commands: ServerCommands.all },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'policylint', version },
    };
  });

  connection.onInitialized(
    notification('initialized', () => {
      if (dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'policylint' });
      ws.setFolders(folders);
      if (folderEvents) {
        connection.workspace.onDidChangeWorkspaceFolders((e) => {
          const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
          ws.setFolders([...ws.workspaceFolders.filter((f) => !removed.has(f)), ...e.added.map((f) => uriToPath(f.uri))]);
        });
      }
    }),
  );

  function register(codeActions: CodeActionsFeature, commands: CommandsFeature, hover: HoverFeature, config: ConfigDiagnostics): void {
    connection.languages.diagnostics.on(request('diagnostics', (p, token) => diagnostics.pull(p, token)));
    connection.languages.diagnostics.onWorkspace(request('workspace diagnostics', (p, token) => diagnostics.pullWorkspace(p, token)));
    connection.onCodeAction(request('code actions', (p, token) => codeActions.provide(p, token)));
    connection.onHover(request('hover', (p, token) => hover.provide(p, token)));
    connection.onDocumentSymbol(request('document symbols', async (p, token) => {
      const state = await ws.fresh(p.textDocument.uri, token);
      return state ? documentSymbols(state) : [];
    }));
    connection.onFoldingRanges(request('folding ranges', async (p, token) => {
      const state = await ws.fresh(p.textDocument.uri, token);
      return state ? foldingRanges(state) : [];
    }));
    connection.languages.inlayHint.on(request('inlay hints', async (p, token) => {
      const state = await ws.fresh(p.textDocument.uri, token);
      return state ? inlayHints(ws, state, p.range) : [];
    }));
    connection.onCodeLens(request('code lens', async (p, token) => {
      const state = await ws.fresh(p.textDocument.uri, token);
      return state ? codeLenses(ws, state) : [];
    }));
    connection.onCompletion(request('completion', async (p, token) => {
      const state = await ws.fresh(p.textDocument.uri, token);
      return state ? completions(ws, state, p.position) : [];
    }));
    connection.languages.semanticTokens.on(request('semantic tokens', async (p, token) => {
      const state = await ws.fresh(p.textDocument.uri, token);
      return state ? semanticTokens(ws, state) : { data: [] };
    }));
    connection.onExecuteCommand(request('execute command', (p, token) => commands.execute(p, token)));
    connection.onRequest(SlaTableRequest.method, request('SLA table', (p: SlaTableRequest.Params) => commands.slaTable(p)));
    connection.onRequest(DocumentInfoRequest.method, request('document info', (p: DocumentInfoRequest.Params, token) => commands.documentInfo(p, token)));
    connection.onDidChangeConfiguration(notification('configuration change', (p) => refreshAfterSettings(p)));
    connection.onDidChangeWatchedFiles(notification('watched files', (p) => ws.filesChanged(p.changes)));
    ws.documents.onDidChangeContent((e) => isConfigFile(e.document.uri) && diagnostics.configDocumentChanged(e.document.uri, true));
    ws.documents.onDidClose((e) => isConfigFile(e.document.uri) && diagnostics.configDocumentChanged(e.document.uri, false));
    ws.documents.listen(connection);
  }

  /** Settings change what hints and lenses show as well as the diagnostics. */
  function refreshAfterSettings(payload: unknown): void {
    ws.settingsChanged(payload);
    if (refreshHints) void connection.languages.inlayHint.refresh().catch((e: unknown) => log.warn(String(e)));
    if (refreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch((e: unknown) => log.warn(String(e)));
  }

  connection.onShutdown(() => {
    diagnostics?.dispose();
    ws?.dispose();
  });
}
