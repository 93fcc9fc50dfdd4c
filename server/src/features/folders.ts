// The workspace folders and which of their files policylint lints: every
// Markdown file the CLI would find from the folder (discoverFiles, with the
// folder config's `ignore` globs and .gitignore), so the editor and a CLI run
// over the folder see the same set of documents.

import { sep } from 'node:path';
import { discoverFiles, MARKDOWN_PATTERNS } from '../io/files';
import type { ServerConfigResolver } from './config-resolver';
import { systemFolderGlobs } from './index-budget';
import { isFilePath } from './uri';

export class WorkspaceFolders {
  private folders: string[] = [];
  /** Files the last indexing found (after ignore rules). */
  private discovered = new Set<string>();
  private readonly ignoredCache = new Map<string, Promise<boolean>>();

  constructor(private readonly configs: ServerConfigResolver) {}

  get paths(): readonly string[] {
    return this.folders;
  }

  set(folders: string[]): void {
    this.folders = folders.filter(isFilePath);
    this.ignoredCache.clear();
  }

  /** The innermost workspace folder containing the path. */
  folderOf(path: string): string | undefined {
    let best: string | undefined;
    for (const f of this.folders) {
      const inside = path === f || path.startsWith(f.endsWith(sep) ? f : f + sep);
      if (inside && (!best || f.length > best.length)) best = f;
    }
    return best;
  }

  /** Path relative to its workspace folder, with forward slashes (for display). */
  displayPath(path: string): string {
    const folder = this.folderOf(path);
    if (!folder) return path;
    return path.slice(folder.length).replace(/^[\\/]+/, '').split(sep).join('/') || path;
  }

  /** Every Markdown file of one folder that the CLI would lint. */
  async discover(folder: string): Promise<string[]> {
    const ignore = [...(this.configs.forFolder(folder).config.ignore ?? []), ...systemFolderGlobs(folder)];
    return discoverFiles(MARKDOWN_PATTERNS, { cwd: folder, ignore, useGitignore: true });
  }

  /** Records the result of a full indexing pass. */
  indexed(found: Set<string>): void {
    this.discovered = found;
    this.ignoredCache.clear();
  }

  isDiscovered(path: string): boolean {
    return this.discovered.has(path);
  }

  /** A file created or deleted outside the editor. */
  fileAdded(path: string): void {
    this.discovered.add(path);
  }

  fileRemoved(path: string): void {
    this.discovered.delete(path);
    this.ignoredCache.delete(path);
  }

  /** Whether a file is excluded by its folder's ignore globs or .gitignore, as the CLI would exclude it when named. */
  isIgnored(path: string): Promise<boolean> {
    if (!isFilePath(path) || this.discovered.has(path)) return Promise.resolve(false);
    const folder = this.folderOf(path);
    if (!folder) return Promise.resolve(false);
    let pending = this.ignoredCache.get(path);
    if (!pending) {
      const ignore = this.configs.forFolder(folder).config.ignore ?? [];
      pending = discoverFiles([path], { cwd: folder, ignore, useGitignore: true }).then(
        (found) => found.length === 0,
        () => false, // deleted meanwhile, or unreadable: lint what the editor shows
      );
      this.ignoredCache.set(path, pending);
    }
    return pending;
  }
}
