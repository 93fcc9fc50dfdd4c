// The `policylint` command line: argument parsing only; the work is in run.ts,
// sla-command.ts and merge.ts. Everything the process provides (output, the
// working directory, whether stdout is a terminal) is handed in, so tests run
// the whole command line in-process.

import { Command, InvalidArgumentError, Option } from 'commander';
import { runLint, EXIT_FAILURE } from './run';
import { formatterNames } from './formatters/load';
import { outputFileSink, type OutputSink } from './output-file';
import { terminalProgress } from './progress';

declare const POLICYLINT_VERSION: string;
const version = typeof POLICYLINT_VERSION === 'string' ? POLICYLINT_VERSION : '0.0.0-dev';

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0.');
  return n;
}

function parseShard(value: string): { index: number; total: number } {
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(m?.[1]);
  const total = Number(m?.[2]);
  if (!m || total < 1 || index < 1 || index > total) throw new InvalidArgumentError('expected i/n with 1 ≤ i ≤ n, e.g. 2/4.');
  return { index, total };
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1.');
  return n;
}

export interface CommandLineIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** The working directory paths are resolved against. */
  cwd: string;
  /** Whether stdout is a terminal (colours by default). */
  isTTY: boolean;
  /** The environment (NO_COLOR, FORCE_COLOR); none when absent. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal (progress for long runs). */
  stderrIsTTY?: boolean;
  /** Reads all of stdin (--stdin). */
  readStdin?: () => Promise<string>;
}

/**
 * Colours: --color / --no-color first, then FORCE_COLOR and NO_COLOR (no-color.org: set and not
 * empty), then whether the output is a terminal. Output written to a file never has colours.
 */
export function useColor(flag: boolean | undefined, io: Pick<CommandLineIo, 'isTTY' | 'env'>, toFile = false): boolean {
  if (flag !== undefined) return flag;
  if (toFile) return false;
  const force = io.env?.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (io.env?.NO_COLOR) return false;
  return io.isTTY;
}

export function buildProgram(io: CommandLineIo & { setExitCode: (n: number) => void }): Command {
  const program = new Command('policylint');
  program
    .description('Lint service-policy documents: required sections, placeholders, numbering, SLA commitments.')
    .version(version, '-v, --version')
    .argument('[paths...]', 'files, folders or globs (default: **/*.{md,docx}, minus .gitignore and config ignores)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatterNames).default('stylish'))
    .option('--fix', 'apply automatic fixes and write the files (atomically); never writes a Word document')
    .option('--fix-dry-run', 'print the fixes as a diff; write nothing')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', nonNegativeInt)
    .option('-q, --quiet', 'report errors only')
    .option('-c, --config <file>', 'use this config file for every document')
    .option('--no-config', 'ignore config files')
    .option('--print-config <file>', 'print the settings that apply to this file and where each comes from (JSON); lint nothing')
    .addOption(new Option('--locale <locale>', 'language of messages (default: each document\'s own)').choices(['zh-CN', 'en', 'auto']))
    .option('--cache', 'reuse the results of unchanged files (stored in .policylintcache)')
    .option('--cache-location <file>', 'where the cache lives')
    .option('--threads <n>', 'worker threads (default: one per core)', positiveInt)
    .option('--follow-symlinks', 'also walk through symlinks that lead out of the linted folders (never into /proc, /sys, /dev; --fix still writes nothing there)')
    .option('--shard <i/n>', 'lint only shard i of n (for a CI matrix); combine the results with `policylint merge`', parseShard)
    .option('--verbose', 'also say, for each file, which kind of document it was read as and why (on stderr)')
    .option('--stdin', 'lint the text on stdin instead of files')
    .option('--stdin-filename <path>', 'the path the text on stdin stands for (its config, its name in the report)')
    .option('--no-error-on-unmatched-pattern', 'a folder or glob that finds no file is no error (exit 0)')
    .option('--stats', 'print the time each phase took (on stderr)')
    .option('--no-inline-config', 'ignore policylint-disable/enable comments in documents')
    .option('--report-unused-disable-directives', 'report policylint-disable comments that switch nothing off (as errors)')
    .option('-o, --output-file <file>', 'write the report to this file instead of stdout')
    .option('--color', 'force colours (default: when stdout is a terminal, unless NO_COLOR is set; FORCE_COLOR forces them)')
    .option('--no-color', 'no colours')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .enablePositionalOptions()
    .action(async (paths: string[], opts) => {
      const sink = opts.outputFile ? outputFileSink(io.cwd, opts.outputFile) : undefined;
      if (opts.printConfig !== undefined) {
        const { printConfig } = await import('./print-config');
        const code = printConfig({ file: opts.printConfig, cwd: io.cwd, config: opts.config === false ? false : opts.config, stdout: sink?.write ?? io.stdout, stderr: io.stderr });
        io.setExitCode(await closeSink(sink, code, io));
        return;
      }
      if (opts.stdinFilename !== undefined && !opts.stdin) return usageError(io, '--stdin-filename needs --stdin.');
      if (opts.stdin && opts.fix) return usageError(io, '--fix cannot write to stdin; use --fix-dry-run to see the fixes.');
      if (opts.stdin && paths.length > 0) return usageError(io, '--stdin lints the text on stdin; name no paths with it (use --stdin-filename for its path).');
      if (opts.stdin && !io.readStdin) return usageError(io, 'stdin cannot be read here.');
      const reportUnused = Boolean(opts.reportUnusedDisableDirectives) && opts.inlineConfig !== false;
      if (reportUnused && (opts.fix || opts.fixDryRun || opts.shard)) return usageError(io, '--report-unused-disable-directives works on a plain run: not with --fix, --fix-dry-run or --shard.');
      const stdin = opts.stdin ? { text: await io.readStdin!(), path: opts.stdinFilename ?? STDIN_NAME } : undefined;
      const code = await runLint({
        patterns: paths,
        ...(stdin ? { stdin } : {}),
        errorOnUnmatchedPattern: opts.errorOnUnmatchedPattern !== false,
        stats: Boolean(opts.stats),
        inlineConfig: opts.inlineConfig === false ? 'off' : reportUnused ? 'report' : 'on',
        ...(io.stderrIsTTY ? { progress: terminalProgress(io.stderr) } : {}),
        cwd: io.cwd,
        format: opts.format,
        fix: Boolean(opts.fix),
        fixDryRun: Boolean(opts.fixDryRun),
        maxWarnings: opts.maxWarnings,
        quiet: Boolean(opts.quiet),
        config: opts.config === false ? false : opts.config,
        locale: opts.locale,
        color: useColor(opts.color, io, Boolean(sink)),
        toolVersion: version,
        cache: Boolean(opts.cache),
        cacheLocation: opts.cacheLocation,
        threads: opts.threads,
        followSymlinks: Boolean(opts.followSymlinks),
        shard: opts.shard,
        verbose: Boolean(opts.verbose),
        stdout: sink?.write ?? io.stdout,
        stderr: io.stderr,
      });
      io.setExitCode(await closeSink(sink, code, io));
    });

  program
    .command('init')
    .description('write a commented .policylintrc.jsonc here, with the kinds and the organisation the documents show')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .action(async () => {
      const { runInit } = await import('./init');
      io.setExitCode(await runInit({ cwd: io.cwd, toolVersion: version, stdout: io.stdout, stderr: io.stderr }));
    });

  program
    .command('merge')
    .description('combine the results of sharded runs (--shard i/n --format json|sarif) and run the cross-document checks')
    .argument('<results...>', 'the result files of every shard')
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatterNames).default('stylish'))
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', nonNegativeInt)
    .option('-q, --quiet', 'report errors only')
    .option('-c, --config <file>', 'use this config file for every document')
    .option('--no-config', 'ignore config files')
    .option('-o, --output-file <file>', 'write the report to this file instead of stdout')
    .option('--color', 'force colours')
    .option('--no-color', 'no colours')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .action(async (inputs: string[], opts) => {
      const { runMerge } = await import('./merge');
      const sink = opts.outputFile ? outputFileSink(io.cwd, opts.outputFile) : undefined;
      const code = await runMerge(inputs, {
        cwd: io.cwd,
        format: opts.format,
        maxWarnings: opts.maxWarnings,
        quiet: Boolean(opts.quiet),
        config: opts.config === false ? false : opts.config,
        color: useColor(opts.color, io, Boolean(sink)),
        toolVersion: version,
        stdout: sink?.write ?? io.stdout,
        stderr: io.stderr,
      });
      io.setExitCode(await closeSink(sink, code, io));
    });

  program
    .command('sla')
    .description('print the table of SLA commitments (file, line, channel, metric, conditions, value, normalised value, status)')
    .argument('[paths...]', 'files, folders or globs (default: **/*.{md,docx})')
    .addOption(new Option('-f, --format <format>', 'table format').choices(['md', 'csv', 'json']).default('md'))
    .option('-c, --config <file>', 'use this config file for every document')
    .option('--no-config', 'ignore config files')
    .addOption(new Option('--locale <locale>', 'language of the Markdown table').choices(['zh-CN', 'en', 'auto']))
    .option('--threads <n>', 'worker threads', positiveInt)
    .option('-o, --output-file <file>', 'write the table to this file instead of stdout')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .action(async (paths: string[], opts) => {
      const { runSla } = await import('./sla-command');
      const sink = opts.outputFile ? outputFileSink(io.cwd, opts.outputFile) : undefined;
      const code = await runSla({
        patterns: paths,
        cwd: io.cwd,
        format: opts.format,
        config: opts.config === false ? false : opts.config,
        locale: opts.locale,
        threads: opts.threads,
        toolVersion: version,
        stdout: sink?.write ?? io.stdout,
        stderr: io.stderr,
      });
      io.setExitCode(await closeSink(sink, code, io));
    });
  program
    .command('convert')
    .description('write a Word document (.docx) as the Markdown policylint lints: numbering as Word shows it, headings, tables, front matter with kind and title')
    .argument('<file>', 'the .docx to convert')
    .option('-o, --output <file>', 'write the Markdown here (default: stdout)')
    .option('-c, --config <file>', 'use this config file')
    .option('--no-config', 'ignore config files')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .action(async (file: string, opts) => {
      const { runConvert } = await import('./convert');
      io.setExitCode(
        await runConvert({ file, output: opts.output, cwd: io.cwd, config: opts.config === false ? false : opts.config, stdout: io.stdout, stderr: io.stderr }),
      );
    });

  program.helpCommand('help [command]', 'show help for policylint or one of its commands');
  return program;
}

/** The name of the text on stdin when --stdin-filename does not give one. */
const STDIN_NAME = '<stdin>';

function usageError(io: CommandLineIo & { setExitCode: (n: number) => void }, message: string): void {
  io.stderr(`policylint: ${message}\n`);
  io.setExitCode(EXIT_FAILURE);
}

async function closeSink(sink: OutputSink | undefined, code: number, io: CommandLineIo): Promise<number> {
  const problem = await sink?.close();
  if (!problem) return code;
  io.stderr(`policylint: ${problem}\n`);
  return EXIT_FAILURE;
}

/** Runs one command line (the arguments after the program name) and returns the exit code. Never throws. */
export async function runCommandLine(args: string[], io: CommandLineIo): Promise<number> {
  let exitCode = 0;
  try {
    await buildProgram({ ...io, setExitCode: (n) => (exitCode = n) }).parseAsync(args, { from: 'user' });
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
