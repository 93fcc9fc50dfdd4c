// The --cache file (.policylintcache). An entry is valid for a file's content
// hash, the config that applies to it and the tool version. Like git's index,
// an unchanged size and mtime let us trust the stored hash without reading the
// file; otherwise the file is read and hashed, and a touched-but-identical file
// still hits. The cache stores results only, never anything that runs.

import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { dirname } from 'node:path';
import type { FileAnalysis } from './analyse-file';

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

const serialised = new WeakMap<object, string>();

/** A file's cache key part for its config and options; a config is serialised once, not once per file. */
export function configKey(config: object, locale: string | undefined, display: string): string {
  let json = serialised.get(config);
  if (json === undefined) serialised.set(config, (json = JSON.stringify(config)));
  return createHash('sha256').update(JSON.stringify([json, locale ?? 'auto', display])).digest('hex');
}

export class ResultCache {
  private dirty = false;
  private readonly seen = new Set<string>();

  private constructor(
    private readonly location: string,
    private readonly data: CacheFile,
  ) {}

  /** Loads the cache; a missing, corrupt or other-version cache is simply empty. */
  static async load(location: string, version: string): Promise<ResultCache> {
    try {
      const data = JSON.parse(await fsp.readFile(location, 'utf8')) as CacheFile;
      if (data.format === FORMAT && data.version === version && data.entries && typeof data.entries === 'object') {
        return new ResultCache(location, data);
      }
    } catch {
      // No cache yet, or unreadable: start empty.
    }
    return new ResultCache(location, { format: FORMAT, version, entries: {} });
  }

  /** The cached analysis of `file`, if its content and config are unchanged. */
  async lookup(file: string, key: string): Promise<FileAnalysis | undefined> {
    this.seen.add(file);
    const entry = this.data.entries[file];
    if (!entry || entry.key !== key) return undefined;
    let stat;
    try {
      stat = await fsp.stat(file);
    } catch {
      return undefined;
    }
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
    // Temporary file and rename: a run killed half-way never leaves a torn cache.
    const temp = `${this.location}.${process.pid}.tmp`;
    await fsp.writeFile(temp, JSON.stringify(this.data));
    await fsp.rename(temp, this.location);
  }
}
