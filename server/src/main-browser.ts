// The language server in a web worker (dist/web/server.js), for VS Code in the browser
// (vscode.dev, code-server's web extension host). Same server, another transport: the
// worker's messages. There is no file system here, so it lints the documents the editor
// opens; config files and workspace indexing need the desktop server.

import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startServer } from './server';

/** The worker's global scope: postMessage and onmessage, which is all the transport needs. */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection as Parameters<typeof startServer>[0]);
connection.listen();
connection.console.info('policylint: language server running in a web worker (open documents only)');
