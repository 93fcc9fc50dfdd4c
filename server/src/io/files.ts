import { type Dirent, promises as fsp, readdir as fsReaddir, realpath as fsRealpath, realpathSync } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { convertPathToPattern, escapePath, glob, isDynamicPattern } from 'tinyglobby';

export interface DiscoverOptions {
  cwd: string;
  /** Globs from the config, relative to cwd. */
  ignore: string[];
  useGitignore: boolean;
  /** Follow symlinks that lead out of the folders being linted (never into /proc, /sys or /dev). */
  followSymlinks?: boolean;
  /** Told about each symlink the walk does not follow, with why. */
  onSkip?: (path: string, reason: string) => void;
}

/** Pseudo-file systems: endless or device files, never documents. No walk enters them. */
const SYSTEM_FOLDERS = ['/proc', '/sys', '/dev'];

/** Whether `p` is `folder` or inside it (both absolute and resolved). */
export function isInside(p: string, folder: string): boolean {
  const rel = path.relative(folder, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The folders a run works in, as real paths: the working folder, each folder named on the
 * command line, and the folder of each file named there. The walk does not leave them through
 * a symlink (unless told to), and --fix writes nothing outside them.
 */
export async function workspaceRoots(patterns: string[], cwdIn: string): Promise<string[]> {
  const cwd = path.resolve(cwdIn);
  const roots = new Set<string>();
  const add = async (p: string) => roots.add(await fsp.realpath(p).catch(() => p));
  await add(cwd);
  for (const pattern of patterns) {
    const abs = path.resolve(cwd, pattern);
    const st = await statOrNull(abs);
    if (st?.isDirectory()) await add(abs);
    else if (st) await add(path.dirname(abs));
  }
  return [...roots];
}

export const DEFAULT_PATTERNS = ['**/*.{md,docx}'];
/** What the language server indexes: it lints text an editor shows, so Word files are the CLI's alone. */
export const MARKDOWN_PATTERNS = ['**/*.md'];

/** Never worth walking into, whatever the config or .gitignore says; ~$x.docx is the lock file Word keeps beside an open document. */
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**', '**/~$*.docx'];

/** Thrown when a path named on the command line does not exist. */
export class PathNotFoundError extends Error {
  constructor(readonly pattern: string) {
    super(`No such file or directory: ${pattern}`);
    this.name = 'PathNotFoundError';
  }
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

async function statOrNull(p: string) {
  try {
    return await fsp.stat(p);
  } catch {
    return null;
  }
}

interface GitignoreLayer {
  /** Absolute folder holding the .gitignore. */
  dir: string;
  ig: Ignore;
}

async function loadGitignores(cwd: string, extraIgnore: string[]): Promise<GitignoreLayer[]> {
  const found = await glob(['**/.gitignore'], {
    cwd,
    absolute: true,
    dot: true,
    followSymbolicLinks: false,
    ignore: [...ALWAYS_IGNORED, ...extraIgnore],
  });
  const layers: GitignoreLayer[] = [];
  for (const file of found) {
    let text: string;
    try {
      text = await fsp.readFile(file, 'utf8');
    } catch {
      continue; // an unreadable .gitignore is git's problem, not a reason to stop linting
    }
    layers.push({ dir: path.dirname(path.resolve(file)), ig: ignore().add(text) });
  }
  // Shallow to deep, so a nested file's rules (including `!` re-includes) win,
  // the way git applies them.
  layers.sort((a, b) => a.dir.split(path.sep).length - b.dir.split(path.sep).length);
  return layers;
}

function gitIgnored(file: string, layers: GitignoreLayer[]): boolean {
  let ignored = false;
  for (const { dir, ig } of layers) {
    const rel = path.relative(dir, file);
    // The ignore package rejects paths that leave its folder; such a
    // .gitignore has no say over this file anyway.
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) continue;
    const r = ig.test(toPosix(rel));
    if (r.ignored) ignored = true;
    else if (r.unignored) ignored = false;
  }
  return ignored;
}

/**
 * With symlinks followed, one file can turn up under several names (a link to
 * it, or a loop that walks the same folder again). Linting it twice would
 * double its findings and make --fix write it twice, so each real file keeps
 * one name: the shallowest, then the first in sort order.
 */
function dedupeByRealPath(files: string[]): string[] {
  const byReal = new Map<string, string>();
  for (const file of files) {
    let real: string;
    try {
      // The same realpath(3) as fs.promises.realpath, without a thread-pool round trip per file
      // (awaited one by one, those were a third of a cached run over 684 files).
      real = realpathSync.native(file);
    } catch {
      real = file;
    }
    const kept = byReal.get(real);
    if (kept === undefined || preferred(file, kept)) byReal.set(real, file);
  }
  return [...byReal.values()];
}

function preferred(a: string, b: string): boolean {
  const da = a.split(path.sep).length;
  const db = b.split(path.sep).length;
  return da !== db ? da < db : a < b;
}

/**
 * fdir resolves each symlink it meets with fs.realpath and skips the link when that fails, so a
 * realpath that refuses is how the walk is kept inside the workspace (and out of /proc).
 */
function guardedRealpath(roots: string[], opts: DiscoverOptions, walk: { symlinks: number }) {
  return (p: string, callback: (err: NodeJS.ErrnoException | null, resolved?: string) => void) => {
    walk.symlinks++;
    fsRealpath(p, (err, real) => {
      if (err) return callback(err);
      const reason = SYSTEM_FOLDERS.some((f) => isInside(real, f))
        ? `it leads into ${real}, a system folder`
        : !opts.followSymlinks && !roots.some((r) => isInside(real, r))
          ? `it leads to ${real}, outside the folders being linted (--follow-symlinks follows it)`
          : undefined;
      if (reason === undefined) return callback(null, real);
      opts.onSkip?.(p, reason);
      callback(Object.assign(new Error(`not following ${p}: ${reason}`), { code: 'ELOOP' }));
    });
  };
}

/** A walk that starts at or above /proc, /sys or /dev (a run from `/`) finds them empty. */
function guardedReaddir(dir: string, options: { withFileTypes: true }, callback: (err: NodeJS.ErrnoException | null, entries?: Dirent[]) => void): void {
  const abs = path.resolve(dir);
  if (SYSTEM_FOLDERS.some((f) => isInside(abs, f))) {
    callback(null, []);
    return;
  }
  fsReaddir(abs, options, callback);
}

/**
 * `drafts` or `drafts/` in the config means the folder and everything in it,
 * as in a .gitignore. tinyglobby only prunes such a folder while crawling from
 * above it, not when a file inside it is named directly, so the `/**` form is
 * added explicitly.
 */
function expandIgnoreGlobs(globs: string[]): string[] {
  const out: string[] = [];
  for (const raw of globs) {
    let g = raw.trim().replace(/^\.\//, '');
    while (g.endsWith('/')) g = g.slice(0, -1);
    if (g === '') continue;
    out.push(g);
    if (!g.endsWith('/**')) out.push(`${g}/**`);
  }
  return out;
}

/**
 * Turns command-line paths and globs into the sorted list of files to lint.
 * Explicitly named files go through the same ignore rules as globbed ones, as
 * in ESLint, so a pre-commit hook that passes every staged file still skips
 * ignored ones.
 */
export async function discoverFiles(patterns: string[], opts: DiscoverOptions): Promise<string[]> {
  const cwd = path.resolve(opts.cwd);
  const requested = patterns.length > 0 ? patterns : DEFAULT_PATTERNS;
  const globs: string[] = [];
  const explicit: string[] = [];

  for (const pattern of requested) {
    const abs = path.resolve(cwd, pattern);
    // Tried literally first: a file may well be called "[draft] policy.md".
    const st = await statOrNull(abs);
    if (st?.isDirectory()) {
      globs.push(`${convertPathToPattern(abs)}/**/*.{md,docx}`);
    } else if (st) {
      explicit.push(abs);
    } else if (isDynamicPattern(pattern)) {
      globs.push(pattern);
    } else {
      throw new PathNotFoundError(pattern);
    }
  }

  const configIgnore = expandIgnoreGlobs(opts.ignore);
  const roots = await workspaceRoots(patterns, cwd);
  const walk = { symlinks: 0 };
  // The .gitignore files are found by a walk of their own; it runs while the documents' walk
  // does (both wait on the file system). Its failure is reported where it is awaited below.
  const gitignores = opts.useGitignore ? loadGitignores(cwd, configIgnore) : undefined;
  gitignores?.catch(() => {});
  const globbed =
    globs.length === 0
      ? []
      : await glob(globs, {
          cwd,
          absolute: true,
          // Followed so linked folders inside the workspace are linted; fdir stops at a link back
          // into its own ancestors, and the duplicates that leaves are merged below. A link is
          // followed only where linkAllowed says.
          followSymbolicLinks: true,
          fs: { realpath: guardedRealpath(roots, opts, walk) as never, readdir: guardedReaddir as never },
          ignore: [...ALWAYS_IGNORED, ...configIgnore],
        });

  let candidates = [...globbed.map((f) => path.resolve(f))];
  if (explicit.length > 0) {
    for (const file of await withoutIgnored(cwd, explicit, [...ALWAYS_IGNORED, ...configIgnore])) candidates.push(file);
  }

  if (gitignores) {
    const layers = await gitignores;
    if (layers.length > 0) candidates = candidates.filter((f) => !gitIgnored(f, layers));
  }

  // One file under two names takes a symlink on the way or two starting points (fdir asks
  // guardedRealpath about every symlink it meets); with neither, each path is its own file.
  const distinct = [...new Set(candidates)];
  const unique = explicit.length === 0 && globs.length <= 1 && walk.symlinks === 0 ? distinct : dedupeByRealPath(distinct);
  return unique.sort();
}

/**
 * Keeps the explicitly named files that the ignore globs would not exclude.
 * tinyglobby is asked to glob each file's own (escaped) path, so the matching
 * is exactly the one that globbed files get.
 */
async function withoutIgnored(cwd: string, files: string[], ignoreGlobs: string[]): Promise<string[]> {
  const kept: string[] = [];
  for (const file of files) {
    const hit = await glob([escapePath(toPosix(path.relative(cwd, file)))], {
      cwd,
      absolute: true,
      dot: true,
      followSymbolicLinks: true,
      expandDirectories: false,
      ignore: ignoreGlobs,
    });
    if (hit.length > 0) kept.push(file);
  }
  return kept;
}
