// The language server's entry point (dist/server.js). The transport comes from
// the command line, as vscode-languageserver reads it: --stdio (Neovim, the
// protocol tests), --node-ipc (the VS Code client), --socket=N.

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { describeError } from './features/guard';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);

// A bug must cost one request, not the editor's linter: log it and keep serving.
process.on('unhandledRejection', (reason) => connection.console.error(`policylint: unhandled rejection: ${describeError(reason)}`));
process.on('uncaughtException', (error) => connection.console.error(`policylint: uncaught exception: ${describeError(error)}`));

startServer(connection);
connection.listen();
