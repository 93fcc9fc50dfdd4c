// Lints ../shared/corpus once per test run, with the built CLI as a user runs
// it (worker threads, the engine bundle), and hands the JSON report to every
// suite that needs it (corpus.test.ts, the editor–CLI parity test): the corpus
// is 11 MB, and linting it once instead of once per suite keeps the run short.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureBuilt } from '../server/harness';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The JSON report file of `policylint --format json .` in the corpus, or '' when the corpus is absent. */
    corpusReport: string;
  }
}

const REPO_ROOT = resolve(__dirname, '../..');
const CORPUS = resolve(REPO_ROOT, '../shared/corpus');

export default function setup(project: TestProject): () => void {
  if (!existsSync(CORPUS)) {
    // The suites themselves say why they skip (or fail under CI): see sharedAvailable.
    project.provide('corpusReport', '');
    return () => {};
  }
  ensureBuilt();
  const run = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/policylint.js'), '--format', 'json', '.'], { cwd: CORPUS, encoding: 'utf8', maxBuffer: 256 << 20, env: { ...process.env, NO_COLOR: '1' } });
  if (run.status !== 0 && run.status !== 1) throw new Error(`policylint on the corpus exited ${run.status}:\n${run.stderr}`);
  const dir = mkdtempSync(join(tmpdir(), 'policylint-corpus-report-'));
  const file = join(dir, 'report.json');
  writeFileSync(file, JSON.stringify({ code: run.status, stdout: run.stdout, stderr: run.stderr }));
  project.provide('corpusReport', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
