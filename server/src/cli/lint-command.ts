// The lint command as the command line hands it over: the options as commander parses them
// (common-run.ts parses the common ones the same way without commander), checked against each
// other, then the run. Everything the process provides is handed in (CommandLineIo).

import { runLint, EXIT_FAILURE } from './run';
import { outputFileSink, type OutputSink } from './output-file';
import { terminalProgress } from './progress';
import type { LocaleSetting } from '../l10n/format';

declare const POLICYLINT_VERSION: string;
export const version = typeof POLICYLINT_VERSION === 'string' ? POLICYLINT_VERSION : '0.0.0-dev';

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

export type CommandIo = CommandLineIo & { setExitCode: (n: number) => void };

/** The lint command's options, named and defaulted as commander gives them. */
export interface LintCommandOptions {
  format: string;
  fix?: boolean;
  fixDryRun?: boolean;
  maxWarnings?: number;
  quiet?: boolean;
  /** A file, `false` for --no-config, undefined to search. */
  config?: string | false;
  printConfig?: string;
  locale?: LocaleSetting;
  cache?: boolean;
  cacheLocation?: string;
  threads?: number;
  followSymlinks?: boolean;
  shard?: { index: number; total: number };
  verbose?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  errorOnUnmatchedPattern: boolean;
  stats?: boolean;
  inlineConfig: boolean;
  reportUnusedDisableDirectives?: boolean;
  outputFile?: string;
  color?: boolean;
}

/** What `--locale` takes, for the lint and sla commands alike (commander's choices and common-run.ts's check). */
export const LOCALE_CHOICES: readonly string[] = ['zh-CN', 'en', 'auto'];

/** A whole number ≥ `min`, or undefined. */
export function wholeNumber(value: string, min: number): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n >= min ? n : undefined;
}

/** `i/n` with 1 ≤ i ≤ n, or undefined. */
export function shardValue(value: string): { index: number; total: number } | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(m?.[1]);
  const total = Number(m?.[2]);
  return !m || total < 1 || index < 1 || index > total ? undefined : { index, total };
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

/** The name of the text on stdin when --stdin-filename does not give one. */
const STDIN_NAME = '<stdin>';

export async function runLintCommand(paths: string[], opts: LintCommandOptions, io: CommandIo): Promise<void> {
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
}

export function usageError(io: CommandIo, message: string): void {
  io.stderr(`policylint: ${message}\n`);
  io.setExitCode(EXIT_FAILURE);
}

export async function closeSink(sink: OutputSink | undefined, code: number, io: CommandLineIo): Promise<number> {
  const problem = await sink?.close();
  if (!problem) return code;
  io.stderr(`policylint: ${problem}\n`);
  return EXIT_FAILURE;
}
