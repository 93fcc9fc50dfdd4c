// `policylint merge shard-1.json shard-2.json …`: combines the results of a
// sharded run (--shard i/n, JSON or SARIF) and runs the cross-document checks
// on the merged commitments, which no single shard could see.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PlacedFinding, RelatedLocation, Severity } from '../engine/types';
import type { FileResult } from './report';
import { ProjectIndex } from '../lint/project-index';
import type { CommitmentRecord } from '../policy/commitments';
import type { ManualPage } from '../policy/manual';
import type { DisableRange } from '../engine/disable';
import type { Locale } from '../engine/types';
import { ConfigResolver } from './pipeline';
import { allOf, arrayOf, bool, nullable, object, oneOf, optional, position, SHARD_WORKSPACE, str } from './shape';
import { EXIT_FAILURE, finish, placeInWord, reportFailure, type RunOptions } from './run';
import type { WordPlaces } from './analyse-file';
import { ownValue } from '../config/own';
import type { ShardInfo } from './formatters/context';

/** A file of a shard's output, as merge reads it back (checked by shape.ts). */
type MergedFile = FileResult;

class MergeInputError extends Error {}

const SEVERITY: Record<string, Severity> = { error: 'error', warning: 'warning', note: 'info', none: 'info' };

function placed(ruleId: string, severity: Severity, message: string, place: { line: number; column: number; endLine?: number; endColumn?: number }, related: RelatedLocation[], fixable: boolean): PlacedFinding {
  const { line, column } = place;
  return { ruleId, severity, message, messageId: ruleId, line, column, endLine: place.endLine ?? line, endColumn: place.endColumn ?? column, start: 0, end: 0, related, fixes: [], fixable };
}

type JsonRelatedIn = { path: string; line: number; column: number; endLine?: number; endColumn?: number; message: string };
type JsonFindingIn = { ruleId: string; severity: Severity; message: string; line: number; column: number; endLine: number; endColumn: number; related: JsonRelatedIn[]; fixable: boolean };

function fromJson(data: { files: (Omit<MergedFile, 'findings'> & { findings: JsonFindingIn[] })[] }): MergedFile[] {
  return data.files.map((f) => ({
    ...f,
    findings: f.findings.map((x) =>
      placed(x.ruleId, x.severity, x.message, x, x.related.map((r) => ({ ...r, endLine: r.endLine ?? r.line, endColumn: r.endColumn ?? r.column, start: 0, end: 0 })), x.fixable),
    ),
  }));
}

type SarifRegion = { startLine?: number; startColumn?: number; endLine?: number; endColumn?: number };
type SarifLocation = { physicalLocation?: { artifactLocation?: { uri?: string }; region?: SarifRegion }; message?: { text?: string } };

function regionPlace(r: SarifRegion | undefined) {
  return { line: r?.startLine ?? 1, column: r?.startColumn ?? 1, endLine: r?.endLine, endColumn: r?.endColumn };
}

function fromSarif(log: { runs: { results?: { ruleId?: string; level?: string; message?: { text?: string }; locations?: SarifLocation[]; relatedLocations?: SarifLocation[] }[]; properties?: { policylintWorkspace?: MergedFile[] } }[] }): MergedFile[] {
  const files = new Map<string, MergedFile>();
  for (const run of log.runs) {
    for (const f of run.properties?.policylintWorkspace ?? []) {
      const w = f as unknown as MergedFile & { locale: Locale; commitments: CommitmentRecord[]; disables: DisableRange[]; manual?: ManualPage; word?: WordPlaces };
      files.set(f.path, { path: f.path, kind: f.kind, ...(f.kindSource ? { kindSource: f.kindSource } : {}), ...(f.kindReason ? { kindReason: f.kindReason } : {}), language: f.language, findings: [], workspace: { locale: w.locale, commitments: w.commitments, disables: w.disables, ...(w.manual ? { manual: w.manual } : {}), ...(w.word ? { word: w.word } : {}) } });
    }
    for (const r of run.results ?? []) {
      const loc = r.locations?.[0]?.physicalLocation;
      const path = decodeURIComponent(loc?.artifactLocation?.uri ?? '');
      const file = files.get(path) ?? { path, kind: null, language: 'en', findings: [] };
      files.set(path, file);
      const related = (r.relatedLocations ?? []).map((rl) => {
        const p = regionPlace(rl.physicalLocation?.region);
        return { path: decodeURIComponent(rl.physicalLocation?.artifactLocation?.uri ?? ''), line: p.line, column: p.column, endLine: p.endLine ?? p.line, endColumn: p.endColumn ?? p.column, start: 0, end: 0, message: rl.message?.text ?? '' };
      });
      file.findings.push(placed(r.ruleId ?? 'unknown', ownValue(SEVERITY, r.level ?? 'warning') ?? 'warning', r.message?.text ?? '', regionPlace(loc?.region), related, false));
    }
  }
  return [...files.values()];
}

const KIND = nullable(oneOf('handbook', 'commitment-letter', 'website-policy', 'sla'));
const LANGUAGE = oneOf('zh', 'en');
const KIND_SOURCE = optional(oneOf('front-matter', 'title', 'config', 'file-name', 'content', 'none'));

const SHARD = optional(object({ index: position, count: position, files: arrayOf(str) }));

/** The JSON format (version 1) as a shard writes it: what merge reads, nothing more. */
const JSON_RESULT = object({
  shard: SHARD,
  files: arrayOf(
    object({
      path: str,
      kind: KIND,
      kindSource: KIND_SOURCE,
      kindReason: optional(str),
      language: LANGUAGE,
      skipped: optional(object({ reason: str })),
      workspace: optional(SHARD_WORKSPACE),
      findings: arrayOf(
        object({
          ruleId: str,
          severity: oneOf('error', 'warning', 'info'),
          message: str,
          line: position,
          column: position,
          endLine: position,
          endColumn: position,
          fixable: bool,
          related: arrayOf(object({ path: str, line: position, column: position, endLine: optional(position), endColumn: optional(position), message: str })),
        }),
      ),
    }),
  ),
});

const SARIF_REGION = optional(object({ startLine: optional(position), startColumn: optional(position), endLine: optional(position), endColumn: optional(position) }));
const SARIF_LOCATION = object({
  physicalLocation: optional(object({ artifactLocation: optional(object({ uri: optional(str) })), region: SARIF_REGION })),
  message: optional(object({ text: optional(str) })),
});

/** The SARIF a shard writes: results, and the workspace in the run's property bag. */
const SARIF_LOG = object({
  runs: arrayOf(
    object({
      results: optional(
        arrayOf(
          object({
            ruleId: optional(str),
            // SARIF's own levels; anything else is not something policylint wrote.
            level: optional(oneOf('error', 'warning', 'note', 'none')),
            message: optional(object({ text: optional(str) })),
            locations: optional(arrayOf(SARIF_LOCATION)),
            relatedLocations: optional(arrayOf(SARIF_LOCATION)),
          }),
        ),
      ),
      properties: optional(object({ policylintShard: SHARD, policylintWorkspace: optional(arrayOf(allOf(object({ path: str, kind: KIND, kindSource: KIND_SOURCE, kindReason: optional(str), language: LANGUAGE }), SHARD_WORKSPACE))) })),
    }),
  ),
});

const SHARD_HINT = 'Pass the files written by `policylint --shard i/n --format json|sarif`.';

interface ShardRead {
  input: string;
  files: MergedFile[];
  shard?: ShardInfo;
}

function readShard(cwd: string, file: string): ShardRead {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(resolve(cwd, file), 'utf8'));
  } catch (e) {
    throw new MergeInputError(`${file}: not a policylint JSON or SARIF result (${(e as Error).message}). ${SHARD_HINT}`);
  }
  const d = (typeof data === 'object' && data !== null ? data : {}) as { files?: unknown; runs?: unknown };
  const [shape, convert, root] = Array.isArray(d.files)
    ? ([JSON_RESULT, fromJson, 'files'] as const)
    : Array.isArray(d.runs)
      ? ([SARIF_LOG, fromSarif, 'runs'] as const)
      : [undefined, undefined, undefined];
  if (!shape) throw new MergeInputError(`${file}: neither policylint JSON ("files") nor SARIF ("runs"). ${SHARD_HINT}`);
  const problem = shape(data, '$');
  if (problem) throw new MergeInputError(`${file}: malformed ${root === 'files' ? 'policylint JSON' : 'SARIF'} result: ${problem}. ${SHARD_HINT}`);
  const info = root === 'files' ? (data as { shard?: ShardInfo }).shard : (data as { runs: { properties?: { policylintShard?: ShardInfo } }[] }).runs[0]?.properties?.policylintShard;
  try {
    return { input: file, files: convert(data as never), ...(info ? { shard: info } : {}) };
  } catch (e) {
    // A file URI with a stray % (decodeURIComponent) is the one thing the shape cannot see.
    throw new MergeInputError(`${file}: malformed result (${(e as Error).message}). ${SHARD_HINT}`);
  }
}

/**
 * The shards must be one run's, each once and all of them: a missing shard would drop its
 * documents' conflicts without a word, a repeated one would double its findings.
 */
function checkShardSet(shards: ShardRead[]): void {
  const unmarked = shards.find((s) => !s.shard);
  if (unmarked) throw new MergeInputError(`${unmarked.input}: not the output of a sharded run (it has no "shard" field). ${SHARD_HINT}`);
  const first = shards[0]!;
  const { count, files } = first.shard!;
  const byIndex = new Map<number, string[]>();
  for (const s of shards) {
    const info = s.shard!;
    if (info.count !== count || info.index > info.count) throw new MergeInputError(`${s.input} is shard ${info.index}/${info.count}, but ${first.input} is one of ${count}: these shards come from different runs.`);
    if (info.files.length !== files.length || info.files.some((f, i) => f !== files[i])) throw new MergeInputError(`${s.input} and ${first.input} come from different runs: their lists of files differ. Merge the shards of one run.`);
    byIndex.set(info.index, [...(byIndex.get(info.index) ?? []), s.input]);
  }
  for (const [index, inputs] of byIndex) {
    if (inputs.length > 1) throw new MergeInputError(`shard ${index}/${count} is given more than once (${inputs.join(', ')}). Pass each shard's output once.`);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) throw new MergeInputError(`shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i}/${count}`).join(', ')} missing: merge needs the output of every shard of the run.`);
  const reported = new Set(shards.flatMap((s) => s.files.map((f) => f.path)));
  const lost = files.filter((f) => !reported.has(f));
  if (lost.length > 0) throw new MergeInputError(`${lost.length} file${lost.length === 1 ? '' : 's'} of the run ${lost.length === 1 ? 'is' : 'are'} in no shard's output, e.g. ${lost[0]}. Pass unmodified shard outputs.`);
}

export async function runMerge(inputs: string[], options: Omit<RunOptions, 'patterns' | 'fix' | 'fixDryRun'>): Promise<number> {
  let merged: MergedFile[];
  try {
    const shards = inputs.map((i) => readShard(options.cwd, i));
    checkShardSet(shards);
    merged = shards.flatMap((s) => s.files);
  } catch (e) {
    if (e instanceof MergeInputError) {
      options.stderr(`policylint: ${e.message}\n`);
      return EXIT_FAILURE;
    }
    throw e;
  }
  const missing = merged.filter((f) => !f.workspace && !f.skipped).map((f) => f.path);
  if (missing.length > 0) options.stderr(`policylint: ${missing.length} file(s) carry no commitments (not written with --shard); cross-document checks leave them out, e.g. ${missing[0]}\n`);

  const index = new ProjectIndex();
  const resolver = new ConfigResolver(options.config === undefined ? undefined : options.config === false ? false : resolve(options.cwd, options.config));
  try {
    for (const f of merged) {
      if (!f.workspace) continue;
      const config = resolver.forFile(resolve(options.cwd, f.path)).config;
      index.add({ path: f.path, locale: f.workspace.locale, findings: f.findings, commitments: f.workspace.commitments, disables: f.workspace.disables, ...(f.workspace.manual ? { manual: f.workspace.manual } : {}) }, config);
    }
  } catch (e) {
    return reportFailure(e, options);
  }
  const wordByPath = new Map(merged.flatMap((f) => (f.workspace?.word ? [[f.path, f.workspace.word] as const] : [])));
  const results: FileResult[] = merged
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => {
      let findings = placeInWord((f.workspace ? index.findings(f.path) : f.findings) as PlacedFinding[], f.workspace?.word, (p) => wordByPath.get(p));
      findings = [...findings].sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
      if (options.quiet) findings = findings.filter((x) => x.severity === 'error');
      return { path: f.path, kind: f.kind, ...(f.kindSource ? { kindSource: f.kindSource } : {}), ...(f.kindReason ? { kindReason: f.kindReason } : {}), language: f.language, findings, ...(f.skipped ? { skipped: f.skipped } : {}) };
    });
  return finish(results, { ...options, fix: false, fixDryRun: false });
}
