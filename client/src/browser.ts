// The extension in the browser (package.json "browser": vscode.dev, code-server's web
// extension host): the language server is dist/web/server.js in a web worker. It has no
// file system, so it lints the Markdown documents that are open, whatever their scheme
// (vscode-vfs:, vscode-remote:, untitled:).

import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWith } from './activate';

export { deactivate } from './activate';

/** The browser's Worker (tsconfig has no DOM library: the rest of the client runs in Node too). */
declare const Worker: new (url: string) => ServerWorker;
type ServerWorker = Exclude<ConstructorParameters<typeof LanguageClient>[2], () => unknown>;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const worker = await serverWorker(vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js'));
  await activateWith(context, [{ language: 'markdown' }], (options) => new LanguageClient('policylint', 'policylint', worker, options));
}

/**
 * The server's worker. VS Code refuses a worker whose script is on a remote extension location
 * (vscode-remote:, as in code-server); the same script, read through VS Code's file system and
 * started from a blob, is allowed.
 */
async function serverWorker(serverMain: vscode.Uri): Promise<ServerWorker> {
  if (serverMain.scheme !== 'vscode-remote') return new Worker(serverMain.toString(true));
  const script = await vscode.workspace.fs.readFile(serverMain);
  return new Worker(URL.createObjectURL(new Blob([script], { type: 'text/javascript' })));
}
