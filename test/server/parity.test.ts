// The editor and the CLI must report the same findings. For every sample and
// every corpus file, the CLI's JSON (dist/cli.js --format json) and the
// server's diagnostics agree byte for byte on rule ids, lines and columns (once
// LSP's 0-based UTF-16 positions are converted to the CLI's 1-based code
// points), messages, and each related location with its message.
//
// Samples are opened in the editor (document pull); the corpus is the
// workspace folder and comes back through workspace/diagnostic, which is also
// the fast way: one request instead of 700 document round trips.

import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { corpusRun, sharedAvailable } from '../helpers/cli';
import { CLI, ensureBuilt, fileUri, REPO_ROOT, TestClient } from './harness';

const CORPUS = resolve(REPO_ROOT, '../shared/corpus');
const SAMPLES = join(REPO_ROOT, 'samples');

interface CliRelated {
  path: string;
  line: number;
  column: number;
  message: string;
}
interface CliFinding {
  ruleId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  related?: CliRelated[];
}
interface CliReport {
  files: { path: string; skipped?: unknown; findings: CliFinding[] }[];
}

function runCli(cwd: string): Promise<CliReport> {
  ensureBuilt();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, '--format', 'json', '.'], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 && code !== 1) reject(new Error(`CLI exited ${code}: ${Buffer.concat(err).toString()}`));
      else resolvePromise(JSON.parse(Buffer.concat(out).toString('utf8')) as CliReport);
    });
  });
}

/** An LSP position as the CLI counts: 1-based line, 1-based column in code points. Independent of the engine's LineIndex on purpose. */
function toCliPoint(lines: string[], line: number, character: number): [number, number] {
  const text = lines[line] ?? '';
  return [line + 1, [...text.slice(0, character)].length + 1];
}

/** One finding as a line of text: place, rule, message, then each related place with its message. */
const key = (f: CliFinding) =>
  [`${f.ruleId}@${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message}`, ...(f.related ?? []).map((r) => `  ↳ ${r.path}:${r.line}:${r.column} ${r.message}`)].join('\n');

/** The server's diagnostics as the CLI would print them; `root` is the folder the CLI's paths are relative to. */
function serverKeys(path: string, diagnostics: Diagnostic[], root: string): string[] {
  const linesOf = (file: string) => readFileSync(file, 'utf8').split(/\r\n|\r|\n/);
  const lines = linesOf(path);
  return diagnostics
    .map((d) => {
      const [line, column] = toCliPoint(lines, d.range.start.line, d.range.start.character);
      const [endLine, endColumn] = toCliPoint(lines, d.range.end.line, d.range.end.character);
      const related = (d.relatedInformation ?? []).map((r) => {
        const file = fileURLToPath(r.location.uri);
        const [rLine, rColumn] = toCliPoint(linesOf(file), r.location.range.start.line, r.location.range.start.character);
        return { path: relative(root, file).split(sep).join('/'), line: rLine, column: rColumn, message: r.message };
      });
      return key({ ruleId: String(d.code), line, column, endLine, endColumn, message: typeof d.message === 'string' ? d.message : JSON.stringify(d.message), related });
    })
    .sort();
}

const clients: TestClient[] = [];
afterAll(() => Promise.all(clients.map((c) => c.stop())));

describe.each(['clean', 'defects'])('samples/%s: editor and CLI agree', (name) => {
  const dir = join(SAMPLES, name);
  const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();

  it('every file, opened in the editor', async () => {
    expect(files.length).toBeGreaterThan(0);
    const cli = runCli(dir);
    const client = await TestClient.start({ folders: [dir] });
    clients.push(client);
    for (const f of files) client.open(fileUri(join(dir, f)), readFileSync(join(dir, f), 'utf8'));
    const report = await cli;
    expect(report.files.map((f) => f.path).sort()).toEqual(files);
    // An open document is analysed when it is asked for or after a pause; ask for each once so that every
    // document's promises are in the workspace before any cross-document finding is compared.
    for (const f of files) await client.diagnostics(fileUri(join(dir, f)));
    for (const file of report.files) {
      const diagnostics = await client.diagnostics(fileUri(join(dir, file.path)));
      expect(serverKeys(join(dir, file.path), diagnostics, dir), file.path).toEqual(file.findings.map(key).sort());
    }
  });
});

describe('corpus: editor and CLI agree', () => {
  it.skipIf(!sharedAvailable([CORPUS], 'corpus'))('every corpus file, as the workspace folder', async () => {
    const client = await TestClient.start({ folders: [CORPUS] });
    clients.push(client);
    const workspace = await client.request<{ items: { uri: string; items: Diagnostic[] }[] }>('workspace/diagnostic', { previousResultIds: [] });
    const byPath = new Map(workspace.items.map((i) => [fileURLToPath(i.uri), i.items]));
    // The CLI's report on the same folder, linted once for every suite (test/setup/corpus-report.ts).
    const report = corpusRun().report as unknown as CliReport;
    const linted = report.files.filter((f) => !f.skipped);
    expect(linted.length).toBeGreaterThan(100);
    let compared = 0;
    for (const file of linted) {
      const path = join(CORPUS, file.path);
      const diagnostics = byPath.get(path);
      expect(diagnostics, file.path).toBeDefined();
      const want = file.findings.map(key).sort();
      const got = serverKeys(path, diagnostics!, CORPUS);
      if (got.join('\n') !== want.join('\n')) expect(got, file.path).toEqual(want);
      compared++;
    }
    expect(compared).toBe(linted.length);
    // Files the CLI skipped (binary, too large) are not reported by the server either.
    for (const file of report.files.filter((f) => f.skipped)) expect(byPath.has(join(CORPUS, file.path))).toBe(false);
  });
});
