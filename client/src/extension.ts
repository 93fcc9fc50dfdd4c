// The extension on the desktop (package.json "main"): the language server is
// dist/server.js in a Node process, over IPC.

import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateWith, DESKTOP_DOCUMENTS } from './activate';

export { deactivate } from './activate';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  await activateWith(context, DESKTOP_DOCUMENTS, (options) => new LanguageClient('policylint', 'policylint', serverOptions, options));
}
