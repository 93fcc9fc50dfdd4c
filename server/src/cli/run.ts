// One CLI run: find files, resolve each file's config, lint (and fix), and
// collect results for a formatter. Returns an exit code; never throws for bad
// input: config errors and unreadable files become messages.

import { dirname, relative, resolve, sep } from 'node:path';
import { ConfigError, findConfigFile, loadConfigFile } from '../config/load';
import type { PolicylintConfig } from '../config/types';
import { fixText, lintText, type LintResult } from '../engine/linter';
import type { FileResult, Locale, PlacedFinding, RunSummary } from '../engine/types';
import type { LocaleSetting } from '../l10n/format';
import { RULES } from '../rules';
import { unifiedDiff } from './diff';
import { discoverFiles, PathNotFoundError } from './files';
import { getFormatter } from './formatters';
import { parseSize } from './size';
import { FileChangedError, readTextFile, writeFileAtomic } from './write';

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

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

export function placeFindings(result: LintResult): PlacedFinding[] {
  return result.findings.map((f) => ({ ...f, ...result.doc.lines.toPlace(f), fixable: f.fixes.some((x) => x.kind === 'fix') }));
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
  let rootConfig: PolicylintConfig;
  try {
    rootConfig = resolver.forFile(resolve(cwd, 'x')).config;
    files = await discoverFiles(options.patterns, { cwd, ignore: rootConfig.ignore ?? [], useGitignore: true });
  } catch (e) {
    return reportFailure(e, options);
  }

  const results: FileResult[] = [];
  let fixedFiles = 0;
  for (const file of files) {
    const display = toDisplayPath(cwd, file);
    let config: PolicylintConfig;
    try {
      config = resolver.forFile(file).config;
    } catch (e) {
      return reportFailure(e, options);
    }
    const maxBytes = config.maxFileSize !== undefined ? parseSize(config.maxFileSize) : DEFAULT_MAX_FILE_SIZE;
    const read = await readTextFile(file, maxBytes);
    if (!read.ok) {
      options.stderr(`policylint: skipped ${display}: ${read.reason}\n`);
      results.push({ path: display, kind: null, language: 'en', findings: [], skipped: { reason: read.reason } });
      continue;
    }
    const lintOptions = { config, locale: options.locale };
    let result: LintResult;
    if (options.fix || options.fixDryRun) {
      const fixed = fixText(display, read.text, lintOptions);
      result = fixed.result;
      if (fixed.text !== read.text) {
        if (options.fixDryRun) {
          options.stdout(unifiedDiff(display, read.text, fixed.text));
        } else {
          try {
            await writeFileAtomic(file, fixed.text, read.bytes);
            fixedFiles++;
          } catch (e) {
            const why = e instanceof FileChangedError ? 'the file changed while it was being linted; run again' : (e as Error).message;
            options.stderr(`policylint: did not write fixes to ${display}: ${why}\n`);
            result = lintText(display, read.text, lintOptions);
          }
        }
      }
    } else {
      result = lintText(display, read.text, lintOptions);
    }
    let findings = placeFindings(result);
    if (options.quiet) findings = findings.filter((f) => f.severity === 'error');
    results.push({ path: display, kind: result.doc.kind ?? null, language: result.doc.language, findings });
  }

  const summary = summarize(results);
  const locale: Locale = options.locale === 'zh-CN' || options.locale === 'en' ? options.locale : results.length > 0 && results.every((r) => r.language === 'zh') ? 'zh-CN' : 'en';
  if (!options.fixDryRun) {
    options.stdout(formatter(results, summary, { rules: RULES.map((r) => ({ id: r.id, meta: r.meta })), locale, cwd, toolVersion: options.toolVersion, color: options.color }));
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
