// One CLI run: find files, resolve each file's config, lint (and fix), and
// collect results for a formatter. Returns an exit code; never throws for bad
// input: config errors and unreadable files become messages.

import { dirname, relative, resolve, sep } from 'node:path';
import { ConfigError, findConfigFile, loadConfigFile } from '../config/load';
import type { PolicylintConfig } from '../config/types';
import { ProjectIndex } from '../engine/project-index';
import type { FileResult, Locale, PlacedFinding, RunSummary } from '../engine/types';
import type { LocaleSetting } from '../l10n/format';
import { ALL_RULES } from '../rules/metadata';
import type { AnalyseTask, FileAnalysis } from './analyse-file';
import { configKey, ResultCache } from './cache';
import { discoverFiles, PathNotFoundError } from './files';
import { getFormatter } from './formatters';
import { analyseAll } from './pool';
import { parseSize } from './size';

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;
export const CACHE_FILE = '.policylintcache';

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
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FAILURE = 2;

/** Resolves and caches each folder's config, so a file's config is looked up once per folder. */
class ConfigResolver {
  private readonly lookups = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, PolicylintConfig>();

  constructor(private readonly fixed: string | false | undefined) {}

  forFile(file: string): { config: PolicylintConfig; file?: string } {
    if (this.fixed === false) return { config: {} };
    const configFile = this.fixed ?? findConfigFile(dirname(file), this.lookups);
    if (!configFile) return { config: {} };
    let config = this.loaded.get(configFile);
    if (!config) {
      config = loadConfigFile(configFile);
      this.loaded.set(configFile, config);
    }
    return { config, file: configFile };
  }
}

export function toDisplayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return (rel.startsWith('..') ? file : rel).split(sep).join('/');
}


export async function runLint(options: RunOptions): Promise<number> {
  const { cwd } = options;
  const resolver = new ConfigResolver(options.config === undefined ? undefined : options.config === false ? false : resolve(cwd, options.config));
  let formatter;
  try {
    formatter = getFormatter(options.format);
  } catch (e) {
    options.stderr(`policylint: ${(e as Error).message}\n`);
    return EXIT_FAILURE;
  }

  let files: string[];
  const configs = new Map<string, PolicylintConfig>();
  try {
    const rootConfig = resolver.forFile(resolve(cwd, 'x')).config;
    files = await discoverFiles(options.patterns, { cwd, ignore: rootConfig.ignore ?? [], useGitignore: true });
    for (const file of files) configs.set(file, resolver.forFile(file).config);
  } catch (e) {
    return reportFailure(e, options);
  }

  const cache = options.cache && !options.fix && !options.fixDryRun ? await ResultCache.load(resolve(cwd, options.cacheLocation ?? CACHE_FILE), options.toolVersion) : undefined;
  const analyses = new Map<string, FileAnalysis>();
  const skipped = new Map<string, string>();
  const tasks: AnalyseTask[] = [];
  const keys = new Map<string, string>();
  for (const file of files) {
    const display = toDisplayPath(cwd, file);
    const config = configs.get(file)!;
    const key = configKey(config, options.locale, display);
    keys.set(file, key);
    const hit = await cache?.lookup(file, key);
    if (hit) {
      analyses.set(file, hit);
      continue;
    }
    const maxBytes = config.maxFileSize !== undefined ? parseSize(config.maxFileSize) : DEFAULT_MAX_FILE_SIZE;
    tasks.push({ file, display, config, locale: options.locale, maxBytes, fix: options.fix, fixDryRun: options.fixDryRun });
  }

  let fixedFiles = 0;
  const outcomes = await analyseAll(tasks, options.threads);
  for (let i = 0; i < tasks.length; i++) {
    const task = tasks[i]!;
    const outcome = outcomes[i]!;
    for (const note of outcome.notes) options.stderr(`policylint: ${note}\n`);
    if (outcome.diff) options.stdout(outcome.diff);
    if (outcome.fixed) fixedFiles++;
    if (outcome.skipped !== undefined) skipped.set(task.file, outcome.skipped);
    if (outcome.analysis) {
      analyses.set(task.file, outcome.analysis);
      if (cache && outcome.hash) await cache.store(task.file, keys.get(task.file)!, outcome.hash, outcome.analysis);
    }
  }
  await cache?.save().catch((e: Error) => options.stderr(`policylint: could not write the cache: ${e.message}\n`));

  const index = new ProjectIndex();
  for (const file of files) {
    const a = analyses.get(file);
    if (a) index.add({ path: a.path, locale: a.locale, findings: a.findings, commitments: a.commitments }, configs.get(file));
  }
  const results: FileResult[] = files.map((file) => {
    const display = toDisplayPath(cwd, file);
    const a = analyses.get(file);
    if (!a) return { path: display, kind: null, language: 'en', findings: [], skipped: { reason: skipped.get(file) ?? 'not analysed' } };
    let findings = index.findings(a.path) as PlacedFinding[];
    if (options.quiet) findings = findings.filter((f) => f.severity === 'error');
    return { path: a.path, kind: a.kind, language: a.language, findings };
  });

  const summary = summarize(results);
  const linted = results.filter((r) => !r.skipped);
  const locale: Locale = options.locale === 'zh-CN' || options.locale === 'en' ? options.locale : linted.length > 0 && linted.every((r) => r.language === 'zh') ? 'zh-CN' : 'en';
  if (!options.fixDryRun) {
    options.stdout(formatter(results, summary, { rules: ALL_RULES.map((r) => ({ id: r.id, meta: r.meta })), locale, cwd, toolVersion: options.toolVersion, color: options.color }));
  }
  if (options.fix && fixedFiles > 0) options.stderr(`policylint: fixed ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}\n`);
  if (results.some((r) => r.findings.some((f) => f.ruleId === 'internal-error'))) return EXIT_FAILURE;
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

function reportFailure(e: unknown, options: RunOptions): number {
  if (e instanceof ConfigError) {
    const where = `${toDisplayPath(options.cwd, e.file)}:${e.line}:${e.column}`;
    options.stderr(`policylint: invalid configuration in ${where}: ${e.key ? `"${e.key}": ` : ''}${e.detail}\n`);
  } else if (e instanceof PathNotFoundError) {
    options.stderr(`policylint: ${e.message}\n`);
  } else {
    options.stderr(`policylint: ${(e as Error).stack ?? String(e)}\n`);
  }
  return EXIT_FAILURE;
}
