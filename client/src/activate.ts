// The VS Code extension, the same on the desktop and in the browser: registers the
// commands and the status bar item and starts the language client that
// extension.ts (a Node process, IPC) or browser.ts (a web worker) creates. All
// linting happens in the server; this file only connects the editor to it.

import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type BaseLanguageClient, type DocumentSelector, type ErrorHandler, type LanguageClientOptions } from 'vscode-languageclient';
import { ClientCommands, DocumentInfoRequest, ServerCommands, SlaTableRequest, type SlaTableRow } from '../../server/src/protocol';
import { autoClosingPairs, openOrCreateConfig, openSample, toggleLinting } from './commands';
import { renderSlaTable, type SlaTableStrings } from './sla-table';
import { t, tableLocale } from './strings';

const CONFIG_FILES = '.policylintrc.{json,jsonc,yaml,yml}';
const WATCHED = '**/{*.md,.policylintrc.json,.policylintrc.jsonc,.policylintrc.yaml,.policylintrc.yml,.gitignore}';
/** Restarts allowed within RESTART_WINDOW_MS before the client gives up and says so. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

let client: BaseLanguageClient | undefined;

/** On the desktop: files, unsaved documents and a virtual workspace's documents, and the config files the server validates. */
export const DESKTOP_DOCUMENTS: DocumentSelector = [
  { language: 'markdown', scheme: 'file' },
  { language: 'markdown', scheme: 'untitled' },
  { language: 'markdown', scheme: 'vscode-vfs' },
  { scheme: 'file', pattern: `**/${CONFIG_FILES}` },
];

export async function activateWith(
  context: vscode.ExtensionContext,
  documentSelector: DocumentSelector,
  createClient: (options: LanguageClientOptions) => BaseLanguageClient,
): Promise<void> {
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    // Files edited outside the editor: Markdown in the workspace, config files, and .gitignore (it decides what is linted).
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher(WATCHED) },
    diagnosticPullOptions: { onChange: true, onSave: true },
    errorHandler: restartLimiter(),
  };
  client = createClient(clientOptions);
  const status = new StatusItem(client);
  context.subscriptions.push(
    status,
    vscode.commands.registerCommand(ClientCommands.showSlaTable, (uri?: string) => showSlaTable(context, uri)),
    vscode.commands.registerCommand('policylint.fixAll', () => runOnActiveDocument(ServerCommands.applyFixAll)),
    vscode.commands.registerCommand('policylint.insertMissingSections', () => runOnActiveDocument(ServerCommands.applyInsertMissingSections)),
    vscode.commands.registerCommand('policylint.restartServer', async () => {
      // BaseLanguageClient (desktop and browser alike) has stop and start; restart is the desktop's only.
      await client?.stop();
      await client?.start();
      status.update();
    }),
    vscode.commands.registerCommand(ClientCommands.selectRange, selectRange),
    vscode.commands.registerCommand('policylint.showOutput', () => client?.outputChannel.show(true)),
    vscode.commands.registerCommand('policylint.openConfig', openOrCreateConfig),
    vscode.commands.registerCommand('policylint.toggle', toggleLinting),
    vscode.commands.registerCommand('policylint.openSample', () => openSample(context.extensionUri)),
    autoClosingPairs(),
  );
  await client.start();
  status.update();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** Restart a crashed server a few times; after that, stop and tell the user why nothing is linted. */
function restartLimiter(): ErrorHandler {
  const restarts: number[] = [];
  return {
    error: (_error, _message, count) => ({ action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
    closed: () => {
      const now = Date.now();
      while (restarts.length && now - restarts[0]! > RESTART_WINDOW_MS) restarts.shift();
      restarts.push(now);
      if (restarts.length <= MAX_RESTARTS) return { action: CloseAction.Restart };
      return {
        action: CloseAction.DoNotRestart,
        message: t('The policylint server crashed {0} times in the last 3 minutes and will not be restarted. See the "policylint" output for details, then run "policylint: Restart Server".', restarts.length),
      };
    },
  };
}

async function runOnActiveDocument(command: string): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client) return;
  await client.sendRequest('workspace/executeCommand', { command, arguments: [editor.document.uri.toString(), editor.document.version] });
}

/** After a quick fix with Fix.selectAfter: select what was inserted (or the blank to type over). */
async function selectRange(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<void> {
  const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri) ?? (await vscode.window.showTextDocument(vscode.Uri.parse(uri)));
  const r = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  editor.selection = new vscode.Selection(r.start, r.end);
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function tableStrings(): SlaTableStrings {
  return {
    title: t('SLA commitments'),
    empty: t('No measurable commitments found in the workspace.'),
    indexing: t('Still reading the workspace: the table may be incomplete.'),
    columns: { file: t('File'), channel: t('Channel'), metric: t('Metric'), conditions: t('Scope'), value: t('Value'), normalized: t('Normalised'), strength: t('Strength'), status: t('Status'), text: t('Clause'), legalLimit: t('Legal limit') },
  };
}

let panel: vscode.WebviewPanel | undefined;
let shownRows: readonly SlaTableRow[] = [];

async function showSlaTable(context: vscode.ExtensionContext, uri?: string): Promise<void> {
  if (!client) return;
  const locale = tableLocale();
  const result = await client.sendRequest<SlaTableRequest.Result>(SlaTableRequest.method, { uri: uri ?? vscode.window.activeTextEditor?.document.uri.toString(), locale } satisfies SlaTableRequest.Params);
  if (!panel) {
    // No scripts from the workspace, no local resources: the page is generated text only.
    panel = vscode.window.createWebviewPanel('policylint.slaTable', tableStrings().title, vscode.ViewColumn.Beside, { enableScripts: true, localResourceRoots: [] });
    panel.onDidDispose(() => (panel = undefined), undefined, context.subscriptions);
    // The page sends only a row index; what to open comes from the server's rows, never from the page.
    panel.webview.onDidReceiveMessage(async (message: { row?: unknown }) => {
      const row = typeof message.row === 'number' ? shownRows[message.row] : undefined;
      if (!row) return;
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(row.uri));
      const pos = new vscode.Position(row.line, row.character);
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(pos, pos) });
    }, undefined, context.subscriptions);
  }
  shownRows = result.rows;
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  panel.webview.html = renderSlaTable(shownRows, tableStrings(), { nonce, cspSource: panel.webview.cspSource, indexing: result.indexing, lang: locale });
  panel.reveal(undefined, true);
}

/** Shows the active document's kind and problem count; hidden for documents the server does not lint. */
class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('policylint.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly languageClient: BaseLanguageClient) {
    this.item.name = 'policylint';
    this.item.command = ClientCommands.showSlaTable;
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      // Diagnostics arrive in bursts while typing; one request after the burst is enough.
      vscode.languages.onDidChangeDiagnostics(() => {
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => this.update(), 200);
      }),
    );
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'markdown' || !this.languageClient.isRunning()) {
      this.hide();
      return;
    }
    this.languageClient.sendRequest<DocumentInfoRequest.Result>(DocumentInfoRequest.method, { uri: doc.uri.toString() } satisfies DocumentInfoRequest.Params).then(
      (info) => this.show(info),
      () => this.hide(),
    );
  }

  /** The editor-title button for the SLA table shows on documents that have a kind (see package.json menus). */
  private hide(): void {
    this.item.hide();
    void vscode.commands.executeCommand('setContext', 'policylint.policyDocument', false);
  }

  private show(info: DocumentInfoRequest.Result): void {
    if (!info) {
      this.hide();
      return;
    }
    void vscode.commands.executeCommand('setContext', 'policylint.policyDocument', info.kind !== null);
    const kinds: Record<string, string> = { handbook: t('Handbook'), 'commitment-letter': t('Commitment letter'), 'website-policy': t('Service policy'), sla: t('SLA') };
    const kind = info.kind ? kinds[info.kind] : t('Policy document');
    this.item.text = `$(law) ${kind}  $(error) ${info.errors}  $(warning) ${info.warnings}`;
    this.item.tooltip = t('policylint: {0} errors, {1} warnings, {2} notes, {3} commitments. Click to show the SLA table.', info.errors, info.warnings, info.infos, info.commitments);
    this.item.show();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.item.dispose();
  }
}
