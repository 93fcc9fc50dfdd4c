// The part of a run that lint and `policylint sla` share: find the files,
// resolve each one's config, take what the cache has, analyse the rest (in
// worker threads when there are many), and index the results as a workspace.
// Throws ConfigError or PathNotFoundError; the caller reports them.

import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ConfigCascade, type EffectiveConfig } from '../config/cascade';
import { checkConfigVocabulary } from '../policy/config-vocabulary';
import type { PolicylintConfig } from '../config/types';
import { ProjectIndex } from '../lint/project-index';
import type { LocaleSetting } from '../l10n/format';
import type { AnalyseTask, FileAnalysis, InlineConfigMode } from './analyse-file';
import { configKey, ResultCache } from './cache';
import { discoverFiles, workspaceRoots } from '../io/files';
import { visibleControls } from './formatters/escape';
import { analyseAll } from './pool';
import { maxFileSize } from '../config/limits';

export { DEFAULT_MAX_FILE_SIZE } from '../config/limits';
export const CACHE_FILE = '.policylintcache';

export interface PipelineOptions {
  patterns: string[];
  cwd: string;
  /** A config file to use for every document; `false` for none; undefined to search. */
  config?: string | false;
  locale?: LocaleSetting;
  fix: boolean;
  fixDryRun: boolean;
  cache?: boolean;
  cacheLocation?: string;
  threads?: number;
  /** Walk through symlinks that lead out of the linted folders (--fix still writes nothing there). */
  followSymlinks?: boolean;
  toolVersion: string;
  /** Extract commitments from every document, not only service policies (the SLA table). */
  allCommitments: boolean;
  /** Lint only this deterministic share of the files (CI matrix). */
  shard?: Shard;
  /** false: read no other file of the workspace for the cross-document checks. */
  workspace?: boolean;
  /** Told how many files are to be analysed, then as each one is done (progress on a terminal). */
  progress?: Progress;
  /** Lint this text (from stdin) as the file at this path, instead of any file the patterns name. */
  stdin?: { text: string; path: string };
  /** false: a glob or folder that finds nothing is no error (--no-error-on-unmatched-pattern). */
  errorOnUnmatchedPattern?: boolean;
  /** Inline disable comments: applied, ignored, or handed back for the CLI to apply and report. */
  inlineConfig?: InlineConfigMode;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface Progress {
  start(files: number): void;
  tick(): void;
  done(): void;
}

export interface Shard {
  index: number;
  total: number;
}

/** Which shard a file belongs to: by a hash of its path, so adding a file moves no other file. */
export function shardOf(display: string, total: number): number {
  return (parseInt(createHash('sha1').update(display).digest('hex').slice(0, 8), 16) % total) + 1;
}

export interface PipelineResult {
  files: string[];
  configs: Map<string, PolicylintConfig>;
  analyses: Map<string, FileAnalysis>;
  skipped: Map<string, string>;
  fixedFiles: number;
  /** Files whose fixes --fix could not write. */
  unwrittenFiles: number;
  /** Documents that could not be read at all (a damaged or encrypted Word file). */
  unreadableFiles: number;
  /** Files the patterns found, before sharding: 0 means there was nothing to lint. */
  discovered: number;
  /** Every file the patterns found, before sharding (a shard's output lists them for merge). */
  discoveredFiles: string[];
  /** The rest of the workspace, read for the cross-document checks and not reported. */
  contextFiles: string[];
  /** Globs and folders on the command line that found no file. */
  unmatched: string[];
  /** Milliseconds per phase, in order (--stats). */
  timings: [phase: string, ms: number][];
  index: ProjectIndex;
}

/**
 * Each document's effective config: the cascade from the workspace root down to its folder
 * (config/cascade.ts), resolved once per folder; the language server resolves it the same way.
 */
export class ConfigResolver {
  readonly cascade: ConfigCascade;

  constructor(fixed: string | false | undefined) {
    this.cascade = new ConfigCascade(fixed, checkConfigVocabulary);
  }

  forFile(file: string): { config: PolicylintConfig; file?: string; effective: EffectiveConfig } {
    const effective = this.cascade.forFile(file);
    return { config: effective.config, ...(effective.files.length > 0 ? { file: effective.files.at(-1) } : {}), effective };
  }
}

export function toDisplayPath(cwd: string, file: string): string {
  const rel = plainRelative(cwd, file) ?? relative(cwd, file);
  return (rel.startsWith('..') ? file : rel).split(sep).join('/');
}

/** A `.` or `..` segment, a doubled or final separator: what path.relative would normalise first. */
const UNNORMALISED = /\/\.{1,2}(?:\/|$)|\/\/|\/$/;
let normalisedCwd: { cwd: string; ok: boolean } | undefined;

/**
 * path.relative for the common case, a file inside the working folder, both absolute and
 * already normalised (as discovery gives them): the rest of the file's path. Undefined for
 * anything else. A run shows every file's path several times, and path.relative normalises
 * both paths each time.
 */
function plainRelative(cwd: string, file: string): string | undefined {
  if (sep !== '/') return undefined;
  if (normalisedCwd?.cwd !== cwd) normalisedCwd = { cwd, ok: cwd.startsWith('/') && resolve(cwd) === cwd };
  if (!normalisedCwd.ok || file.length <= cwd.length + 1 || !file.startsWith(cwd)) return undefined;
  if (cwd !== '/' && file.charCodeAt(cwd.length) !== 47) return undefined;
  const rest = file.slice(cwd === '/' ? 1 : cwd.length + 1);
  return rest.startsWith('/') || UNNORMALISED.test(`/${rest}`) ? undefined : rest;
}

/**
 * Where the cache lives. A location that names a folder (an existing one, one written with a
 * final slash, or the empty string, which is the working folder) holds `.policylintcache`, as
 * ESLint does; otherwise the temporary file would land beside that folder, outside it.
 */
async function cacheFile(cwd: string, location: string | undefined): Promise<string> {
  if (location === undefined) return resolve(cwd, CACHE_FILE);
  const resolved = resolve(cwd, location);
  if (location === '' || /[\\/]$/.test(location)) return join(resolved, CACHE_FILE);
  const st = await stat(resolved).catch(() => undefined);
  return st?.isDirectory() ? join(resolved, CACHE_FILE) : resolved;
}

export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const { cwd } = options;
  const timings: [string, number][] = [];
  let clock = performance.now();
  const lap = (phase: string) => {
    const now = performance.now();
    timings.push([phase, now - clock]);
    clock = now;
  };
  const resolver = new ConfigResolver(options.config === undefined ? undefined : options.config === false ? false : resolve(cwd, options.config));
  const rootConfig = resolver.forFile(resolve(cwd, 'x')).config;
  const shard = options.shard;
  const discoverOptions = {
    cwd,
    ignore: rootConfig.ignore ?? [],
    useGitignore: true,
    followSymlinks: options.followSymlinks,
    onSkip: (link: string, reason: string) => options.stderr(`policylint: ${visibleControls(`not following ${toDisplayPath(cwd, link)}: ${reason}`)}\n`),
  };
  const stdinFile = options.stdin ? resolve(cwd, options.stdin.path) : undefined;
  const discovered = stdinFile ? [stdinFile] : await discoverFiles(options.patterns, discoverOptions);
  // With several patterns, each one must find something (as ESLint checks); one that finds nothing is usually a typo.
  const unmatched: string[] = [];
  if (!stdinFile && options.errorOnUnmatchedPattern !== false && options.patterns.length > 1) {
    for (const pattern of options.patterns) {
      const st = await stat(resolve(cwd, pattern)).catch(() => undefined);
      if (st?.isFile()) continue;
      if ((await discoverFiles([pattern], { ...discoverOptions, onSkip: () => {} })).length === 0) unmatched.push(pattern);
    }
  }
  const roots = await workspaceRoots(options.patterns, cwd);
  lap('discover');
  const files = shard ? discovered.filter((f) => shardOf(toDisplayPath(cwd, f), shard.total) === shard.index) : discovered;
  // A shard sees only its share by design; `policylint merge` brings the workspace together.
  const context = shard || options.workspace === false ? [] : await workspaceContext(files, resolver, options);
  const configs = new Map<string, PolicylintConfig>();
  for (const file of [...files, ...context]) configs.set(file, resolver.forFile(file).config);
  lap('workspace and configs');

  const useCache = options.cache && !options.fix && !options.fixDryRun;
  const cache = useCache ? await ResultCache.load(await cacheFile(cwd, options.cacheLocation), options.toolVersion) : undefined;
  const analyses = new Map<string, FileAnalysis>();
  const skipped = new Map<string, string>();
  const tasks: AnalyseTask[] = [];
  const keys = new Map<string, string>();
  const reported = new Set(files);
  for (const file of [...files, ...context]) {
    const display = toDisplayPath(cwd, file);
    const config = configs.get(file)!;
    const isContext = !reported.has(file);
    const key = configKey(config, `${options.locale ?? 'auto'}|${options.allCommitments ? 'all' : 'policy'}|${options.inlineConfig ?? 'on'}`, display);
    keys.set(file, key);
    const hit = file === stdinFile ? undefined : await cache?.lookup(file, key, display);
    if (hit) {
      analyses.set(file, hit);
      continue;
    }
    const maxBytes = maxFileSize(config);
    // Context files and text from stdin are read, never written.
    const fix = options.fix && !isContext && file !== stdinFile;
    const fixDryRun = options.fixDryRun && !isContext;
    const text = file === stdinFile ? { text: options.stdin!.text } : {};
    tasks.push({ file, display, roots, config, locale: options.locale, maxBytes, fix, fixDryRun, allCommitments: options.allCommitments, inlineConfig: options.inlineConfig ?? 'on', ...text });
  }
  lap('cache');

  let fixedFiles = 0;
  let unwrittenFiles = 0;
  let unreadableFiles = 0;
  options.progress?.start(tasks.length);
  const outcomes = await analyseAll(tasks, options.threads, () => options.progress?.tick());
  options.progress?.done();
  lap(`analyse (${tasks.length} file${tasks.length === 1 ? '' : 's'}, ${files.length + context.length - tasks.length} cached)`);
  for (let i = 0; i < tasks.length; i++) {
    const task = tasks[i]!;
    const outcome = outcomes[i]!;
    // What goes wrong with a file only read for context (binary, too large) is not this run's business.
    if (!reported.has(task.file)) {
      if (outcome.analysis) analyses.set(task.file, outcome.analysis);
      if (cache && outcome.hash && outcome.analysis) await cache.store(task.file, keys.get(task.file)!, outcome.hash, outcome.analysis);
      continue;
    }
    for (const note of outcome.notes) options.stderr(`policylint: ${visibleControls(note)}\n`);
    if (outcome.diff) options.stdout(outcome.diff);
    if (outcome.fixed) fixedFiles++;
    if (outcome.unwritten) unwrittenFiles++;
    if (outcome.unreadable) unreadableFiles++;
    if (outcome.skipped !== undefined) skipped.set(task.file, outcome.skipped);
    if (outcome.analysis) {
      analyses.set(task.file, outcome.analysis);
      if (cache && outcome.hash && task.text === undefined) await cache.store(task.file, keys.get(task.file)!, outcome.hash, outcome.analysis);
    }
  }
  await cache?.save().catch((e: Error) => options.stderr(`policylint: could not write the cache: ${e.message}\n`));

  const index = new ProjectIndex();
  for (const file of [...files, ...context]) {
    const a = analyses.get(file);
    if (a) index.add({ path: a.path, locale: a.locale, findings: a.findings, commitments: a.commitments, disables: a.disables, ...(a.manual ? { manual: a.manual } : {}), ...(a.legalLimits ? { legalLimits: a.legalLimits } : {}) }, configs.get(file));
  }
  lap('index');
  return { files, configs, analyses, skipped, fixedFiles, unwrittenFiles, unreadableFiles, discovered: discovered.length, discoveredFiles: discovered, contextFiles: context, unmatched, timings, index };
}

/**
 * The rest of the workspace of the files being reported: every Markdown file under each one's
 * workspace root (the nearest `root: true` config, else the git repository's top), after
 * .gitignore and that root's config `ignore`. A run over a few files then sees the same
 * conflicts as a run over the whole set. With no workspace root the files named are the
 * workspace: nothing else is read.
 */
async function workspaceContext(files: string[], resolver: ConfigResolver, options: PipelineOptions): Promise<string[]> {
  const roots = new Set<string>();
  for (const file of files) {
    const root = resolver.cascade.workspaceRoot(dirname(file));
    if (root) roots.add(root);
  }
  const named = new Set(files);
  const context = new Set<string>();
  for (const root of roots) {
    const found = await discoverFiles([], { cwd: root, ignore: resolver.forFile(join(root, 'x')).config.ignore ?? [], useGitignore: true, followSymlinks: options.followSymlinks });
    for (const f of found) if (!named.has(f)) context.add(f);
  }
  return [...context].sort();
}
