// Runs the CLI: in-process through the same command line as dist/cli.js (fast,
// and counted by coverage), or as a real process where the process itself is
// what a test is about (the bundle, worker threads, exit status, streams).

import { spawnSync } from 'node:child_process';
import { runCommandLine } from '../../server/src/cli/program';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';

export const REPO_ROOT = resolve(__dirname, '../..');
export const CORPUS = resolve(REPO_ROOT, '../shared/corpus');
export const HAS_CORPUS = sharedAvailable([CORPUS], 'corpus');

/**
 * Are these files from ../shared here? In CI they must be (a missing ../shared
 * fails the suite); on a developer's machine without them the suite that needs
 * them is skipped and says why.
 */
export function sharedAvailable(paths: string[], what: string): boolean {
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length === 0) return true;
  const message = `${what}: ${missing.join(', ')} not found; it lives in ../shared beside the project`;
  if (process.env.CI) throw new Error(`${message}, and CI must run with it`);
  console.warn(`${message}; skipped`);
  return false;
}
const CLI = join(REPO_ROOT, 'bin/policylint.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The command line, in-process: arguments, working directory, captured output, the exit code it returns. */
export async function runCli(args: string[], cwd = REPO_ROOT): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCommandLine(args, { cwd, isTTY: false, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

/** The built CLI as a separate process (bin/policylint.js → dist/cli.js), as a user or CI runs it. */
export function runCliProcess(args: string[], cwd = REPO_ROOT): CliRun {
  if (!existsSync(join(REPO_ROOT, 'dist/cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export interface JsonReport {
  version: number;
  files: { path: string; kind: string | null; language: string; skipped?: { reason: string }; findings: { ruleId: string; severity: string; message: string; line: number; column: number }[] }[];
  summary: { files: number; errors: number; warnings: number; infos: number };
}

export async function runJson(args: string[], cwd = REPO_ROOT): Promise<{ run: CliRun; report: JsonReport }> {
  const run = await runCli([...args, '--format', 'json'], cwd);
  return { run, report: JSON.parse(run.stdout) as JsonReport };
}

/**
 * `policylint --format json .` over the whole corpus, run once per test run by
 * test/setup/corpus-report.ts with the built CLI. Paths start with the corpus
 * folder (zh-laws/…); `only` keeps the files under one folder.
 */
export function corpusRun(only?: string): { run: CliRun; report: JsonReport } {
  const file = inject('corpusReport');
  if (!file) throw new Error('the corpus report is missing: the corpus suites must check HAS_CORPUS first');
  const run = JSON.parse(readFileSync(file, 'utf8')) as CliRun;
  const report = JSON.parse(run.stdout) as JsonReport;
  if (only === undefined) return { run, report };
  const files = report.files.filter((f) => f.path.startsWith(`${only}/`));
  const count = (severity: string) => files.reduce((n, f) => n + f.findings.filter((x) => x.severity === severity).length, 0);
  return { run, report: { ...report, files, summary: { files: files.length, errors: count('error'), warnings: count('warning'), infos: count('info') } } };
}

/**
 * `npm run docs` (UPDATE_DOCS) and UPDATE_FIXTURES rewrite expected files instead of
 * comparing with them. Never in CI: there the comparison is the point.
 */
export function updating(variable: 'UPDATE_DOCS' | 'UPDATE_FIXTURES'): boolean {
  if (!process.env[variable]) return false;
  if (process.env.CI) throw new Error(`${variable} is set under CI: expected files would be rewritten instead of checked`);
  return true;
}
