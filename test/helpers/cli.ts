// Runs the built CLI (dist/cli.js) the way a user or CI does.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

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

export function runCli(args: string[], cwd = REPO_ROOT): CliRun {
  if (!existsSync(join(REPO_ROOT, 'dist/cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export interface JsonReport {
  version: number;
  files: { path: string; kind: string | null; language: string; skipped?: { reason: string }; findings: { ruleId: string; severity: string; message: string; line: number; column: number }[] }[];
  summary: { files: number; errors: number; warnings: number; infos: number };
}

export function runJson(args: string[], cwd = REPO_ROOT): { run: CliRun; report: JsonReport } {
  const run = runCli([...args, '--format', 'json'], cwd);
  return { run, report: JSON.parse(run.stdout) as JsonReport };
}
