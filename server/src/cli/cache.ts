// The --cache file (.policylintcache). An entry is valid for a file's content
// hash, the config that applies to it and the tool version. Like git's index,
// an unchanged size and mtime let us trust the stored hash without reading the
// file; otherwise the file is read and hashed, and a touched-but-identical file
// still hits. The cache stores results only, never anything that runs.
//
// The file may come from elsewhere (a CI cache restored for a pull request), so
// nothing in it is trusted: an entry of the wrong shape, or one that describes
// another path than the file it is stored under, is a miss and is rewritten.
// A cache is only as trustworthy as whoever wrote it: an entry of the right
// shape for the right content is believed, so do not share one across a trust
// boundary.

import { createHash, randomBytes } from 'node:crypto';
import { promises as fsp, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { FileAnalysis } from './analyse-file';
import { FILE_ANALYSIS, num, object, str } from './shape';

const FORMAT = 1;

interface CacheEntry {
  size: number;
  mtimeMs: number;
  hash: string;
  key: string;
  analysis: FileAnalysis;
}

interface CacheFile {
  format: number;
  version: string;
  entries: Record<string, CacheEntry>;
}

const ENTRY = object({ size: num, mtimeMs: num, hash: str, key: str, analysis: FILE_ANALYSIS });

const digests = new WeakMap<object, Map<string, string>>();

/**
 * A file's cache key part for its config and options. The config and options are hashed once
 * per config, not once per file (684 hashes were a tenth of a cached run); the file's display
 * path is appended as it is.
 */
export function configKey(config: object, locale: string | undefined, display: string): string {
  let byLocale = digests.get(config);
  if (byLocale === undefined) digests.set(config, (byLocale = new Map()));
  const options = locale ?? 'auto';
  let digest = byLocale.get(options);
  if (digest === undefined) byLocale.set(options, (digest = createHash('sha256').update(JSON.stringify([JSON.stringify(config), options])).digest('hex')));
  return `${digest}:${display}`;
}

export class ResultCache {
  private dirty = false;
  private readonly seen = new Set<string>();

  private constructor(
    private readonly location: string,
    private readonly data: CacheFile,
  ) {}

  /** Loads the cache; a missing, corrupt, other-version or not-a-regular-file cache is simply empty. */
  static async load(location: string, version: string): Promise<ResultCache> {
    try {
      // A device (/dev/zero) or a folder is never read, let alone replaced later.
      // Synchronous on purpose here and in lookup: one stat per file through the thread pool
      // costs a round trip each, which is most of a fully cached run.
      if (statSync(location).isFile()) {
        const data = JSON.parse(readFileSync(location, 'utf8')) as Partial<CacheFile> | null;
        if (data && data.format === FORMAT && data.version === version && data.entries && typeof data.entries === 'object' && !Array.isArray(data.entries)) {
          // Null prototype: a file named "__proto__" or "constructor" is just a key.
          return new ResultCache(location, { format: FORMAT, version, entries: Object.assign(Object.create(null) as Record<string, CacheEntry>, data.entries) });
        }
      }
    } catch {
      // No cache yet, or unreadable: start empty.
    }
    return new ResultCache(location, { format: FORMAT, version, entries: Object.create(null) as Record<string, CacheEntry> });
  }

  /**
   * The cached analysis of `file` (shown as `display`), if its content and config are unchanged.
   * An entry of the wrong shape, or describing another path, is dropped as a miss.
   */
  async lookup(file: string, key: string, display: string): Promise<FileAnalysis | undefined> {
    this.seen.add(file);
    const entry = this.data.entries[file];
    if (entry === undefined) return undefined;
    if (ENTRY(entry, 'entry') !== undefined || entry.analysis.path !== display) {
      delete this.data.entries[file];
      this.dirty = true;
      return undefined;
    }
    if (entry.key !== key) return undefined;
    let stat;
    try {
      stat = statSync(file, { throwIfNoEntry: false });
    } catch {
      return undefined;
    }
    if (stat === undefined) return undefined;
    if (stat.size === entry.size && stat.mtimeMs === entry.mtimeMs) return entry.analysis;
    if (stat.size !== entry.size) return undefined;
    const hash = createHash('sha256').update(await fsp.readFile(file)).digest('hex');
    if (hash !== entry.hash) return undefined;
    entry.mtimeMs = stat.mtimeMs;
    this.dirty = true;
    return entry.analysis;
  }

  async store(file: string, key: string, hash: string, analysis: FileAnalysis): Promise<void> {
    this.seen.add(file);
    try {
      const stat = await fsp.stat(file);
      this.data.entries[file] = { size: stat.size, mtimeMs: stat.mtimeMs, hash, key, analysis };
      this.dirty = true;
    } catch {
      // The file vanished since it was read; nothing to cache.
    }
  }

  /** Writes the cache when it changed, dropping files this run did not see only if they no longer exist. */
  async save(): Promise<void> {
    for (const file of Object.keys(this.data.entries)) {
      if (this.seen.has(file)) continue;
      try {
        await fsp.access(file);
      } catch {
        delete this.data.entries[file];
        this.dirty = true;
      }
    }
    if (!this.dirty) return;
    await fsp.mkdir(dirname(this.location), { recursive: true });
    // Only a regular file is replaced: a cache location that names a device (/dev/null), a
    // folder or a symlink is left alone.
    const existing = await fsp.lstat(this.location).catch(() => undefined);
    if (existing && !existing.isFile()) throw new Error(`${this.location} is not a regular file; not replacing it`);
    // Temporary file and rename: a run killed half-way never leaves a torn cache. The
    // temporary file sits beside the cache and is removed whatever happens.
    const temp = join(dirname(this.location), `.${basename(this.location)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await fsp.writeFile(temp, JSON.stringify(this.data), { flag: 'wx' });
      await fsp.rename(temp, this.location);
    } finally {
      await fsp.rm(temp, { force: true }).catch(() => undefined);
    }
  }
}
