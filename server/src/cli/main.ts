// dist/cli.js: the policylint process. Hands the process's arguments, output
// and working directory to the command line and sets the exit code.

import { lazilyLoaded } from '../config/lazy';
import { runCommandLine } from './program';

// A reader that stops early (`policylint sla | head`) closes the pipe: the run stops writing and
// ends quietly, as Unix tools do, instead of dying on an unhandled EPIPE with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

void runCommandLine(process.argv.slice(2), {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  cwd: process.cwd(),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
  stderrIsTTY: Boolean(process.stderr.isTTY),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
}).then((code) => {
  process.exitCode = code;
});

// What this run loaded beyond the CLI bundle: the modules loaded on first use (config/lazy.ts)
// and the files Node loaded (dist/engine.js among them). Tests check a cached run loads none.
if (process.env.POLICYLINT_DEBUG_LOADS === '1') {
  process.once('exit', () => process.stderr.write(`policylint: loaded ${JSON.stringify({ lazily: lazilyLoaded(), files: Object.keys(require.cache) })}\n`));
}
