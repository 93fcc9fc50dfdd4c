// The workspace index: what every document contributed (findings and
// commitments, as plain data) and the checks that compare documents with each
// other. It never parses anything, so a cached CLI run can use it without
// loading the Markdown engine; lint/project.ts adds analysis on top. The
// rules it runs are handed to it (the registry by default), and each runs in
// isolation: a rule that throws becomes one internal-error finding.

import type { PolicylintConfig } from '../config/types';
import type { Finding } from '../engine/types';
import type { CommitmentRecord, CommitmentStatus } from '../policy/commitments';
import type { DocumentAnalysis, ProjectEntry, ProjectRule } from '../rules/contract';
import type { LegalLimitCheck } from '../policy/regulations/check';
import { PROJECT_RULES } from '../rules/project';
import { ProjectReporter } from '../rules/project-support';
import { carriedCrossFindings, crossSnapshot, type CrossSnapshot } from './cross-reuse';
import { internalError, placedAtStart } from './internal-error';

export type { DocumentAnalysis, ProjectEntry } from '../rules/contract';

/** The rule that reports the same promise on different clocks (24小时 vs 1个工作日). */
const CLOCK_MISMATCH_RULE = 'sla-unit-mismatch';

export interface CommitmentRow {
  record: CommitmentRecord;
  status: CommitmentStatus;
  /** The other statements of the same promise. */
  related: CommitmentRecord[];
  /** The statutory limit that covers the promise, when a regulation pack is enabled for its document. */
  legalLimit?: LegalLimitCheck;
}

export class ProjectIndex {
  protected readonly entries = new Map<string, ProjectEntry>();
  protected crossFindings: Map<string, Finding[]> | undefined;
  /** What the cross-document checks read when they last ran (lint/cross-reuse.ts); the editor's entries only. */
  private lastCross: CrossSnapshot | undefined;
  /** Rules whose findings put a commitment in conflict with another statement (the SLA table's status). */
  private readonly conflictRules: Set<string>;

  constructor(protected readonly projectRules: readonly ProjectRule[] = PROJECT_RULES) {
    this.conflictRules = new Set(projectRules.filter((r) => r.judgesPromises).map((r) => r.id));
  }

  /** Adds an analysis made elsewhere (a worker, the cache). */
  add(analysis: DocumentAnalysis, config: PolicylintConfig = {}): void {
    this.entries.set(analysis.path, { analysis, config });
    this.crossFindings = undefined;
  }

  remove(path: string): void {
    if (!this.entries.delete(path)) return;
    // Their findings would keep the document's last analysis (lazy fixes hold it) until the next cross-document run.
    this.crossFindings = undefined;
    this.merged = undefined;
    this.lastCross = undefined;
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
    // Only the cross-document rules judge a promise against others. A finding sits on one statement's value and
    // names the others as related locations: every one of them is a statement of the conflicting promise.
    const judged = new Map<string, { start: number; end: number; ruleId: string }[]>();
    const mark = (path: string, start: number, end: number, ruleId: string) => {
      const list = judged.get(path);
      if (list) list.push({ start, end, ruleId });
      else judged.set(path, [{ start, end, ruleId }]);
    };
    for (const [path, findings] of this.cross()) {
      for (const f of findings) {
        if (!this.conflictRules.has(f.ruleId)) continue;
        mark(path, f.start, f.end, f.ruleId);
        for (const r of f.related) mark(r.path, r.start, r.end, f.ruleId);
      }
    }
    const statusOf = (r: CommitmentRecord): CommitmentStatus => {
      if (r.placeholder) return 'placeholder';
      const rules = (judged.get(r.path) ?? []).filter((m) => m.start < r.valueEnd && m.end > r.valueStart).map((m) => m.ruleId);
      if (rules.length === 0) return 'ok';
      // Values on different clocks are not known to disagree: say so rather than call them a conflict.
      return rules.every((id) => id === CLOCK_MISMATCH_RULE) ? 'clock-mismatch' : 'conflict';
    };
    const legal = new Map<string, LegalLimitCheck>();
    for (const entry of this.entries.values()) for (const check of entry.analysis.legalLimits ?? []) legal.set(`${entry.analysis.path}\u0000${check.valueStart}`, check);
    return all.map((record) => {
      const row: CommitmentRow = {
        record,
        status: statusOf(record),
        related: (byKey.get(record.key) ?? []).filter((r) => r !== record),
      };
      const legalLimit = legal.size ? legal.get(`${record.path}\u0000${record.valueStart}`) : undefined;
      if (legalLimit) row.legalLimit = legalLimit;
      return row;
    });
  }

  /** The document's own findings and the cross-document findings placed in it, in document order. */
  findings(path: string): Finding[] {
    const entry = this.entries.get(path);
    if (!entry) return [];
    const cross = this.cross();
    const placed = cross.get(path) ?? [];
    if (placed.length === 0) return entry.analysis.findings;
    // Kept until the workspace changes (cross() is then new): diagnostics compare reports by this array's identity.
    if (this.merged?.cross !== cross) this.merged = { cross, byPath: new Map() };
    let merged = this.merged.byPath.get(path);
    if (!merged) {
      merged = [...entry.analysis.findings, ...placed].sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
      this.merged.byPath.set(path, merged);
    }
    return merged;
  }

  private merged?: { cross: Map<string, Finding[]>; byPath: Map<string, Finding[]> };


  protected cross(): Map<string, Finding[]> {
    if (!this.crossFindings) {
      // In the editor: nothing the checks read has changed since they last ran, but where things are.
      const carried = carriedCrossFindings(this.lastCross, this.entries);
      if (carried) {
        this.crossFindings = carried;
        this.lastCross = crossSnapshot(this.entries, carried);
        return carried;
      }
      const out = new Map<string, Finding[]>();
      const documents = [...this.entries.values()];
      const add = (path: string, findings: readonly Finding[]) => {
        const list = out.get(path);
        if (list) for (const f of findings) list.push(f);
        else out.set(path, [...findings]);
      };
      for (const rule of this.projectRules) {
        const reporter = new ProjectReporter(rule.id, rule.meta, documents);
        try {
          rule.check({ documents, reporter });
        } catch (e) {
          // One broken rule must not take the others, or the whole run, down with it.
          const first = documents.map((d) => d.analysis).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))[0];
          if (first) add(first.path, [placedAtStart(internalError(rule.id, 'workspace', e, first.locale))]);
          continue;
        }
        for (const [path, findings] of reporter.findings) add(path, findings);
      }
      this.crossFindings = out;
      this.lastCross = crossSnapshot(this.entries, out);
    }
    return this.crossFindings;
  }
}
