// What the editors must show, from two sources that the suites compare against:
//  - samples/expected-findings.json: the annotated defects (rule id and line), written by hand;
//  - the CLI's JSON output for the same workspace and locale: the exact messages and columns.
// The editor and the CLI run the same engine, so their findings must be identical.

import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, run, tail } from './env';

export interface ExpectedFinding {
  line: number;
  ruleId: string;
  topic?: string;
  related?: { line: number; path?: string };
}

export function annotated(sample: string): ExpectedFinding[] {
  const data = JSON.parse(readFileSync(join(ROOT, 'samples/expected-findings.json'), 'utf8'));
  const file = data.files[sample];
  if (!file) throw new Error(`samples/expected-findings.json has no entry for ${sample}`);
  return file.findings;
}

export interface CliFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  related: { path: string; line: number; column: number; message: string }[];
}

/** `policylint --format json --locale L` over a whole workspace folder; findings by file name. */
export function cliFindings(workspace: string, locale: 'zh-CN' | 'en'): Map<string, CliFinding[]> {
  const r = run(process.execPath, [join(ROOT, 'bin/policylint.js'), '.', '--format', 'json', '--locale', locale], {
    cwd: workspace,
    timeoutMs: 120_000,
  });
  if (r.code === 2 || !r.stdout.trim().startsWith('{')) {
    throw new Error(`the CLI failed on ${workspace} (exit ${r.code}):\n${tail(r.stderr)}`);
  }
  const out = JSON.parse(r.stdout) as { files: { path: string; findings: CliFinding[] }[] };
  const byFile = new Map<string, CliFinding[]>();
  for (const f of out.files) byFile.set(relative(workspace, join(workspace, f.path)), f.findings);
  return byFile;
}

/** "ruleId:line" keys, sorted, for readable set comparisons in assertion messages. */
export function keys(findings: { ruleId?: string; code?: string; line: number }[]): string[] {
  return findings.map((f) => `${f.ruleId ?? f.code}:${f.line}`).sort(byRuleLine);
}

function byRuleLine(a: string, b: string): number {
  const [ra, la] = a.split(':');
  const [rb, lb] = b.split(':');
  return Number(la) - Number(lb) || ra.localeCompare(rb);
}

/** Han characters: how the suites tell a Chinese message from an English one. */
export const HAN = /\p{Script=Han}/u;
