// The workspace index: what every document contributed (findings and
// commitments, as plain data) and the checks that compare documents with each
// other. It never parses anything, so a cached CLI run can use it without
// loading the Markdown engine; engine/project.ts adds analysis on top.

import type { PolicylintConfig } from '../config/types';
import type { CommitmentRecord, CommitmentStatus } from '../policy/commitments';
import type { ManualPage } from '../policy/manual';
import { PROJECT_RULES } from '../rules/project';
import type { DisableRange } from './disable';
import type { LintResult } from './linter';
import type { Finding, Locale } from './types';
import { appendAll } from './arrays';

/** What one document contributes: plain data, so a worker thread or a cache can produce it. */
export interface DocumentAnalysis {
  path: string;
  locale: Locale;
  findings: Finding[];
  commitments: CommitmentRecord[];
  /** Inline disable switches, so project-wide findings honour them too. */
  disables?: DisableRange[];
  /** Set for a page of a multi-page manual: the topics it covers, judged with its other pages. */
  manual?: ManualPage;
}

/** Findings that put a commitment in conflict with another statement. */
const CONFLICT_RULES = new Set(['sla-conflict', 'sla-unit-mismatch', 'sla-order', 'service-hours-conflict']);

export interface CommitmentRow {
  record: CommitmentRecord;
  status: CommitmentStatus;
  /** The other statements of the same promise. */
  related: CommitmentRecord[];
}

export interface ProjectEntry {
  analysis: DocumentAnalysis;
  config: PolicylintConfig;
  /** The full result, kept only for documents analysed in this process (the editor needs the tree). */
  result?: LintResult;
}

export class ProjectIndex {
  protected readonly entries = new Map<string, ProjectEntry>();
  protected crossFindings: Map<string, Finding[]> | undefined;

  /** Adds an analysis made elsewhere (a worker, the cache). */
  add(analysis: DocumentAnalysis, config: PolicylintConfig = {}): void {
    this.entries.set(analysis.path, { analysis, config });
    this.crossFindings = undefined;
  }

  remove(path: string): void {
    if (this.entries.delete(path)) this.crossFindings = undefined;
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  get(path: string): ProjectEntry | undefined {
    return this.entries.get(path);
  }

  paths(): string[] {
    return [...this.entries.keys()];
  }

  commitments(): CommitmentRecord[] {
    return [...this.entries.values()].flatMap((e) => e.analysis.commitments);
  }

  /**
   * Every commitment with its status, for the SLA table, hovers and code lenses.
   * `related` are the other statements of the same promise (same key).
   */
  commitmentTable(): CommitmentRow[] {
    // Hovers and code lenses ask on every request; the table only changes with the workspace.
    const cross = this.cross();
    if (this.table?.cross === cross) return this.table.rows;
    const rows = this.buildTable();
    this.table = { cross, rows };
    return rows;
  }

  private table?: { cross: Map<string, Finding[]>; rows: CommitmentRow[] };

  private buildTable(): CommitmentRow[] {
    const all = this.commitments();
    const byKey = new Map<string, CommitmentRecord[]>();
    for (const r of all) {
      const list = byKey.get(r.key);
      if (list) list.push(r);
      else byKey.set(r.key, [r]);
    }
    // Only the cross-document rules judge a promise against others, and they place their findings on its value.
    const cross = this.cross();
    const inConflict = (r: CommitmentRecord) =>
      (cross.get(r.path) ?? []).some((f) => CONFLICT_RULES.has(f.ruleId) && f.start < r.valueEnd && f.end > r.valueStart);
    return all.map((record) => ({
      record,
      status: record.placeholder ? 'placeholder' : inConflict(record) ? 'conflict' : 'ok',
      related: (byKey.get(record.key) ?? []).filter((r) => r !== record),
    }));
  }

  /** The document's own findings and the cross-document findings placed in it, in document order. */
  findings(path: string): Finding[] {
    const entry = this.entries.get(path);
    if (!entry) return [];
    const cross = this.cross().get(path) ?? [];
    if (cross.length === 0) return entry.analysis.findings;
    return [...entry.analysis.findings, ...cross].sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  }


  protected cross(): Map<string, Finding[]> {
    if (!this.crossFindings) {
      const out = new Map<string, Finding[]>();
      const documents = [...this.entries.values()];
      for (const rule of PROJECT_RULES) {
        for (const [path, findings] of rule.check(documents)) {
          const list = out.get(path);
          if (list) appendAll(list, findings);
          else out.set(path, [...findings]);
        }
      }
      this.crossFindings = out;
    }
    return this.crossFindings;
  }
}
