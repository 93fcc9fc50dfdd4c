import { createHash } from 'node:crypto';
import type { Severity } from '../../engine/types';
import type { FileResult, RunSummary } from '../report';
import type { FormatContext } from './context';
import { jsonSafe } from './escape';

// GitLab Code Quality (a JSON array of Code Climate issues): the merge request widget shows
// what a branch adds or fixes. The fingerprint identifies a finding across runs, so it is
// made of what stays put when lines move: the file, the rule, the message and how many
// times the same one came before in the file.

const SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info' };

interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end: number } };
}

export function formatGitlab(results: FileResult[], _summary: RunSummary, _ctx: FormatContext): string {
  const issues: CodeQualityIssue[] = [];
  for (const file of results) {
    const seen = new Map<string, number>();
    for (const f of file.findings) {
      const key = `${file.path}\u0000${f.ruleId}\u0000${f.message}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      issues.push({
        description: f.message,
        check_name: f.ruleId,
        fingerprint: createHash('sha256').update(`${key}\u0000${n}`).digest('hex').slice(0, 32),
        severity: SEVERITY[f.severity],
        location: { path: file.path, lines: { begin: f.line, end: f.endLine } },
      });
    }
  }
  return `${jsonSafe(JSON.stringify(issues, null, 2))}\n`;
}
