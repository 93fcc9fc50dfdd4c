import type { PlacedFinding } from '../../engine/types';
import type { FileResult, ReportedFinding, ReportedRelated, RunSummary } from '../report';
import type { FormatContext, ShardInfo } from './context';
import { jsonSafe } from './escape';

// The JSON output is a public contract (other tools parse it), so its shape is
// spelled out here rather than derived from the engine's types: a new field on
// Finding must not leak into it by accident, and key order stays fixed.

export interface JsonRelated {
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** In a Word document: the related place's paragraph. */
  paragraph?: number;
}

export interface JsonFinding {
  ruleId: string;
  severity: PlacedFinding['severity'];
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  related: JsonRelated[];
  fixable: boolean;
  /** In a Word document: the 1-based paragraph (counting paragraphs with text, as Word does). */
  paragraph?: number;
  /** In a Word document: the headings the finding sits under, outermost first. */
  headingPath?: string[];
}

export interface JsonFile {
  path: string;
  kind: FileResult['kind'];
  /** How the kind was decided: front-matter, title, config, file-name, content or none. */
  kindSource?: FileResult['kindSource'];
  /** Why, in a few words. */
  kindReason?: string;
  language: FileResult['language'];
  findings: JsonFinding[];
  skipped?: { reason: string };
  /** Only in a shard's output (--shard): the commitments `policylint merge` compares across shards. */
  workspace?: FileResult['workspace'];
}

export interface JsonReport {
  version: 1;
  /** Only in a shard's output: which shard of how many, and every file of the whole run. */
  shard?: ShardInfo;
  files: JsonFile[];
  summary: RunSummary;
}

function related(r: ReportedRelated): JsonRelated {
  const out: JsonRelated = {
    path: r.path,
    line: r.line,
    column: r.column,
    endLine: r.endLine,
    endColumn: r.endColumn,
    message: r.message,
  };
  if (r.paragraph !== undefined) out.paragraph = r.paragraph;
  return out;
}

function finding(f: ReportedFinding): JsonFinding {
  const out: JsonFinding = {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    related: f.related.map(related),
    fixable: f.fixable,
  };
  if (f.paragraph !== undefined) out.paragraph = f.paragraph;
  if (f.headingPath !== undefined) out.headingPath = [...f.headingPath];
  return out;
}

function file(r: FileResult): JsonFile {
  const out: JsonFile = {
    path: r.path,
    kind: r.kind,
    ...(r.kindSource ? { kindSource: r.kindSource } : {}),
    ...(r.kindReason ? { kindReason: r.kindReason } : {}),
    language: r.language,
    findings: r.findings.map(finding),
  };
  if (r.skipped) out.skipped = { reason: r.skipped.reason };
  if (r.workspace) out.workspace = r.workspace;
  return out;
}

export function toJsonReport(results: FileResult[], summary: RunSummary, shard?: ShardInfo): JsonReport {
  return {
    version: 1,
    ...(shard ? { shard: { index: shard.index, count: shard.count, files: shard.files } } : {}),
    files: results.map(file),
    summary: {
      files: summary.files,
      errors: summary.errors,
      warnings: summary.warnings,
      infos: summary.infos,
    },
  };
}

export function formatJson(results: FileResult[], summary: RunSummary, ctx?: FormatContext): string {
  return jsonSafe(JSON.stringify(toJsonReport(results, summary, ctx?.shard))) + '\n';
}
