// The `policylint` command line: argument parsing only; the work is in lint-command.ts,
// run.ts, sla-command.ts and merge.ts. A common lint command line is parsed by
// common-run.ts; any other goes to commander (commander-program.ts), loaded only then.
// Everything the process provides (output, the working directory, whether stdout is a
// terminal) is handed in, so tests run the whole command line in-process.

import { noteLoaded } from '../config/lazy';
import { parseCommonRun } from './common-run';
import { runLintCommand, type CommandIo, type CommandLineIo } from './lint-command';
import { EXIT_FAILURE } from './run';

export { useColor, type CommandLineIo } from './lint-command';

/** Runs one command line (the arguments after the program name) and returns the exit code. Never throws. */
export async function runCommandLine(args: string[], io: CommandLineIo): Promise<number> {
  let exitCode = 0;
  const commandIo: CommandIo = { ...io, setExitCode: (n) => (exitCode = n) };
  try {
    const common = parseCommonRun(args);
    if (common) {
      await runLintCommand(common.paths, common.opts, commandIo);
      return exitCode;
    }
    const { buildProgram } = await import('./commander-program');
    noteLoaded('commander');
    await buildProgram(commandIo).parseAsync(args, { from: 'user' });
    return exitCode;
  } catch (e) {
    const err = e as { code?: string; exitCode?: number };
    // commander signals --help/--version and usage errors by throwing.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.help' || err.code === 'commander.version') return 0;
    if (typeof err.exitCode === 'number') return EXIT_FAILURE;
    io.stderr(`policylint: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT_FAILURE;
  }
}
