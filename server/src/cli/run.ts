// One CLI run: find files, resolve each file's config, lint (and fix), and
// collect results for a formatter. Returns an exit code; never throws for bad
// input: config errors and unreadable files become messages.

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../config/load';
import type { Locale, PlacedFinding } from '../engine/types';
import type { FileResult, ReportedFinding, RunSummary } from './report';
import type { WordPlaces } from './analyse-file';
import type { LocaleSetting } from '../l10n/format';
import { INTERNAL_ERROR_RULE } from '../lint/internal-error';
import { ALL_RULES } from '../rules/metadata';
import { DEFAULT_PATTERNS, PathNotFoundError } from '../io/files';
import { loadFormatter } from './formatters/load';
import type { ShardInfo } from './formatters/context';
import type { InlineConfigMode } from './analyse-file';
import { applyDirectives } from './unused-directives';
import { visibleControls } from './formatters/escape';
import { runPipeline, toDisplayPath, type PipelineResult, type Progress, type Shard } from './pipeline';

export { CACHE_FILE, DEFAULT_MAX_FILE_SIZE, toDisplayPath } from './pipeline';


export interface RunOptions {
  patterns: string[];
  cwd: string;
  format: string;
  fix: boolean;
  fixDryRun: boolean;
  maxWarnings?: number;
  quiet: boolean;
  /** A config file to use for every document; `false` for none; undefined to search. */
  config?: string | false;
  locale?: LocaleSetting;
  color: boolean;
  toolVersion: string;
  /** Reuse results of unchanged files from the cache file. */
  cache?: boolean;
  cacheLocation?: string;
  /** Worker threads (default: the machine's parallelism). */
  threads?: number;
  /** Walk through symlinks that lead out of the linted folders. */
  followSymlinks?: boolean;
  /** Lint one share of the files; cross-document checks wait for `policylint merge`. */
  shard?: Shard;
  /** Say on stderr which kind each file was read as, and why. */
  verbose?: boolean;
  /** Lint this text as the file at this path (--stdin, --stdin-filename). */
  stdin?: { text: string; path: string };
  /** false: a pattern that finds nothing is no error. */
  errorOnUnmatchedPattern?: boolean;
  /** Print the time each phase took on stderr. */
  stats?: boolean;
  /** Progress of the analysis (only on a terminal). */
  progress?: Progress;
  /** Inline disable comments: applied (default), ignored (--no-inline-config), or applied here with unused ones reported. */
  inlineConfig?: InlineConfigMode;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FAILURE = 2;



export async function runLint(options: RunOptions): Promise<number> {
  // An unknown format fails before any work is done.
  try {
    await loadFormatter(options.format);
  } catch (e) {
    options.stderr(`policylint: ${(e as Error).message}\n`);
    return EXIT_FAILURE;
  }

  let run: PipelineResult;
  try {
    run = await runPipeline({ ...options, allCommitments: false });
  } catch (e) {
    return reportFailure(e, options);
  }
  const { files, analyses, skipped, index, fixedFiles, unwrittenFiles, unreadableFiles } = run;
  const strict = options.errorOnUnmatchedPattern !== false;
  if (run.discovered === 0 && !namesOnlyFiles(options.patterns, options.cwd)) {
    if (!strict) return EXIT_OK;
    const what = options.patterns.length > 0 ? options.patterns.join(' ') : DEFAULT_PATTERNS.join(' ');
    options.stderr(`policylint: No files matched: nothing to lint: ${what} found no Markdown or Word file (after .gitignore and config ignores). Name the files or folders to lint, or pass --no-error-on-unmatched-pattern.\n`);
    return EXIT_FAILURE;
  }
  if (strict && run.unmatched.length > 0) {
    options.stderr(`policylint: No files matched ${run.unmatched.map((p) => `"${visibleControls(p)}"`).join(', ')} (after .gitignore and config ignores). Fix the pattern, or pass --no-error-on-unmatched-pattern.\n`);
    return EXIT_FAILURE;
  }
  const wordByPath = new Map([...analyses.values()].filter((a) => a.word).map((a) => [a.path, a.word!] as const));
  let clock = performance.now();
  const results: FileResult[] = files.map((file) => {
    const display = toDisplayPath(options.cwd, file);
    const a = analyses.get(file);
    if (!a) return { path: display, kind: null, language: 'en', findings: [], skipped: { reason: skipped.get(file) ?? 'not analysed' } };
    // A shard sees only part of the workspace, so it reports its own findings and hands the commitments to merge.
    let findings = (options.shard ? a.findings : index.findings(a.path)) as PlacedFinding[];
    if (options.inlineConfig === 'report') findings = applyDirectives(findings, a.directives ?? [], a.locale);
    findings = placeInWord(findings, a.word, (p) => wordByPath.get(p));
    if (options.quiet) findings = findings.filter((f) => f.severity === 'error');
    const workspace = options.shard ? { locale: a.locale, commitments: a.commitments, disables: a.disables, ...(a.manual ? { manual: a.manual } : {}), ...(a.word ? { word: a.word } : {}) } : undefined;
    return { path: a.path, kind: a.kind, kindSource: a.kindSource, ...(a.kindReason ? { kindReason: a.kindReason } : {}), language: a.language, findings, ...(workspace ? { workspace } : {}) };
  });
  const crossDocument = performance.now() - clock;
  const shard = options.shard ? { index: options.shard.index, count: options.shard.total, files: run.discoveredFiles.map((f) => toDisplayPath(options.cwd, f)) } : undefined;

  if (options.verbose) {
    for (const r of results) {
      if (r.skipped) continue;
      const how = r.kindReason ? `${r.kindSource}: ${r.kindReason}` : (r.kindSource ?? 'none');
      options.stderr(`${visibleControls(`${r.path}: ${r.kind ? `read as ${r.kind}` : 'not read as a service policy'} (${how})`)}\n`);
    }
  }
  clock = performance.now();
  let code = await finish(results, options, fixedFiles, unwrittenFiles, shard);
  if (unreadableFiles > 0) {
    options.stderr(`policylint: ${unreadableFiles} document${unreadableFiles === 1 ? '' : 's'} could not be read (see above)\n`);
    code = EXIT_FAILURE;
  }
  if (options.stats) {
    const phases: [string, number][] = [...run.timings, ['cross-document checks', crossDocument], ['report', performance.now() - clock]];
    const total = phases.reduce((n, [, ms]) => n + ms, 0);
    options.stderr(`policylint: time per phase\n${phases.map(([phase, ms]) => `  ${phase.padEnd(34)} ${ms.toFixed(1).padStart(9)} ms\n`).join('')}  ${'total'.padEnd(34)} ${total.toFixed(1).padStart(9)} ms\n`);
  }
  return code;
}

/**
 * A Word document's findings name the paragraph and the headings above them, and a related
 * place in a Word document its paragraph; `wordOf` gives each document's places by path.
 */
export function placeInWord(findings: PlacedFinding[], word: WordPlaces | undefined, wordOf: (path: string) => WordPlaces | undefined): ReportedFinding[] {
  const withRelated = (f: PlacedFinding): ReportedFinding => {
    if (!f.related.some((r) => wordOf(r.path))) return f;
    return {
      ...f,
      related: f.related.map((r) => {
        const paragraph = wordOf(r.path)?.paragraphs[r.line - 1] ?? 0;
        return paragraph > 0 ? { ...r, paragraph } : r;
      }),
    };
  };
  if (!word) return findings.map(withRelated);
  return findings.map((f) => {
    const paragraph = word.paragraphs[f.line - 1] ?? 0;
    const section = word.sectionByLine[f.line - 1] ?? -1;
    const headingPath = section >= 0 ? word.headingPaths[section] : undefined;
    // --fix never writes a Word document, so nothing in one is fixable.
    return { ...withRelated(f), fixable: false, ...(paragraph > 0 ? { paragraph } : {}), ...(headingPath && headingPath.length > 0 ? { headingPath } : {}) };
  });
}

/**
 * Files named one by one (a pre-commit hook passing staged files) may all be ignored by the
 * config; that is not a mistake, unlike a folder or glob that finds nothing.
 */
function namesOnlyFiles(patterns: string[], cwd: string): boolean {
  return patterns.length > 0 && patterns.every((p) => statSync(resolve(cwd, p), { throwIfNoEntry: false })?.isFile() === true);
}

/** Formats the results and decides the exit code; shared with `policylint merge`. */
export async function finish(results: FileResult[], options: Omit<RunOptions, 'patterns'>, fixedFiles = 0, unwrittenFiles = 0, shard?: ShardInfo): Promise<number> {
  let formatter;
  try {
    formatter = await loadFormatter(options.format);
  } catch (e) {
    options.stderr(`policylint: ${(e as Error).message}\n`);
    return EXIT_FAILURE;
  }
  const { cwd } = options;
  const summary = summarize(results);
  const linted = results.filter((r) => !r.skipped);
  const locale: Locale = options.locale === 'zh-CN' || options.locale === 'en' ? options.locale : linted.length > 0 && linted.every((r) => r.language === 'zh') ? 'zh-CN' : 'en';
  // After --fix-dry-run's diff, the findings the fixes would leave.
  options.stdout(formatter(results, summary, { rules: ALL_RULES.map((r) => ({ id: r.id, meta: r.meta })), locale, cwd, toolVersion: options.toolVersion, color: options.color, ...(shard ? { shard } : {}) }));
  if (options.fix && fixedFiles > 0) options.stderr(`policylint: fixed ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}\n`);
  if (results.some((r) => r.findings.some((f) => f.ruleId === INTERNAL_ERROR_RULE))) return EXIT_FAILURE;
  // --fix was asked to write and could not: the files still hold what the findings describe.
  if (unwrittenFiles > 0) {
    options.stderr(`policylint: could not write the fixes of ${unwrittenFiles} file${unwrittenFiles === 1 ? '' : 's'} (see above)\n`);
    return EXIT_FAILURE;
  }
  if (summary.errors > 0) return EXIT_FINDINGS;
  if (options.maxWarnings !== undefined && summary.warnings > options.maxWarnings) {
    options.stderr(`policylint: ${summary.warnings} warnings exceed --max-warnings ${options.maxWarnings}\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

export function summarize(results: FileResult[]): RunSummary {
  const summary: RunSummary = { files: results.length, errors: 0, warnings: 0, infos: 0 };
  for (const r of results) {
    for (const f of r.findings) {
      if (f.severity === 'error') summary.errors++;
      else if (f.severity === 'warning') summary.warnings++;
      else summary.infos++;
    }
  }
  return summary;
}

export function reportFailure(e: unknown, options: { cwd: string; stderr: (s: string) => void }): number {
  if (e instanceof ConfigError) {
    const where = `${toDisplayPath(options.cwd, e.file)}:${e.line}:${e.column}`;
    options.stderr(`policylint: invalid configuration in ${visibleControls(`${where}: ${e.key ? `"${e.key}": ` : ''}${e.detail}`)}\n`);
  } else if (e instanceof PathNotFoundError) {
    options.stderr(`policylint: ${visibleControls(e.message)}\n`);
  } else {
    options.stderr(`policylint: ${(e as Error).stack ?? String(e)}\n`);
  }
  return EXIT_FAILURE;
}
