// The extension in the browser (package.json "browser": vscode.dev, code-server's web
// extension host): the language server is dist/web/server.js in a web worker. It has no
// file system, so it lints the Markdown documents that are open, whatever their scheme
// (vscode-vfs:, vscode-remote:, untitled:).

import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWith } from './activate';

export { deactivate } from './activate';

/** The browser's Worker (tsconfig has no DOM library: the rest of the client runs in Node too). */
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js');
  await activateWith(context, [{ language: 'markdown' }], (options) => new LanguageClient('policylint', 'policylint', options, new Worker(serverMain.toString(true))));
}
