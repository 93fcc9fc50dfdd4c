// The workspace folders' documents read from disk: indexing them (in batches,
// within a file and byte budget, with progress), re-reading what changed on
// disk, and what goes back to disk when an open document is closed. Documents
// read from disk keep only their findings, commitments and line index, so a
// large workspace stays small in memory.

import { FileChangeType, type CancellationToken, type FileEvent } from 'vscode-languageserver/node';
import { readTextFile } from '../io/write';
import { analyseText } from '../lint/project';
import { isConfigFile, lintOptions, maxBytesOf, type WorkspaceCore } from './document-state';
import { describeError } from './guard';
import { IndexBudget, isSystemFolder, type IndexProgress } from './index-budget';
import { throwIfCancelled, yieldToEventLoop } from './scheduler';
import { isFilePath, pathToUri, uriToPath } from './uri';

const INDEX_BATCH = 16;

export class DiskIndex {
  /** Bumped when a file is deleted, so a disk read begun before the deletion is dropped. */
  private readonly diskGeneration = new Map<string, number>();
  private indexGeneration = 0;
  private indexing: Promise<void> = Promise.resolve();
  indexingNow = false;
  /** Starts the editor's progress report for an indexing pass (set by the server when the client supports it). */
  startProgress?: () => Promise<IndexProgress>;
  /** Disk reads started outside indexing (a closed file going back to disk, watched-file events). */
  private readonly pendingLoads = new Set<Promise<unknown>>();

  constructor(
    private readonly core: WorkspaceCore,
    /** Called when config files or .gitignore changed: every analysis may be stale. */
    private readonly onConfigChanged: () => void,
  ) {}

  /** Resolves when the current indexing pass and any pending disk reads are complete. */
  async whenIndexed(token?: CancellationToken): Promise<void> {
    for (;;) {
      const pass = this.indexing;
      await Promise.all([pass, ...this.pendingLoads]);
      throwIfCancelled(token);
      if (pass === this.indexing && this.pendingLoads.size === 0) return;
    }
  }

  /** An open document was closed: a workspace file goes back to what is on disk (unsaved edits are gone). */
  reloadClosed(path: string): void {
    this.track(this.loadFromDisk(path).then(() => this.core.emit([path])));
  }

  /** workspace/didChangeWatchedFiles: Markdown files edited elsewhere, config files, .gitignore. */
  filesChanged(changes: FileEvent[]): void {
    this.track(this.applyFileChanges(changes));
  }

  private track(work: Promise<unknown>): void {
    const tracked = work.catch((e: unknown) => this.core.log.error(`policylint: reading a workspace file failed: ${describeError(e)}`)).finally(() => this.pendingLoads.delete(tracked));
    this.pendingLoads.add(tracked);
  }

  /** (Re)reads every Markdown file of the workspace folders into the Project, in batches so requests are served meanwhile. */
  reindex(): void {
    const generation = ++this.indexGeneration;
    this.indexingNow = true;
    this.indexing = this.index(generation)
      .catch((e: unknown) => this.core.log.error(`policylint: indexing the workspace failed: ${describeError(e)}`))
      .finally(() => {
        if (generation === this.indexGeneration) this.indexingNow = false;
      });
  }

  private async index(generation: number): Promise<void> {
    const found = new Set<string>();
    const budget = new IndexBudget();
    const progress = await this.startProgress?.().catch(() => undefined);
    try {
      let done = 0;
      for (const folder of this.core.folders.paths) {
        if (isSystemFolder(folder)) {
          this.core.log.warn(`policylint: not indexing ${folder}: a system folder, not documents`);
          continue;
        }
        let files: string[] = [];
        try {
          files = await this.core.folders.discover(folder);
        } catch (e) {
          this.core.log.warn(`policylint: cannot list ${folder}: ${describeError(e)}`);
        }
        for (let i = 0; i < files.length; i++) {
          if (generation !== this.indexGeneration) return;
          if (budget.exhausted) {
            this.core.log.warn(`policylint: stopped indexing at ${budget.describe()}; ${files.length - i} files of ${folder} and any later folders are not indexed. Open a smaller folder.`);
            break;
          }
          found.add(files[i]!);
          try {
            budget.spend(await this.loadFromDisk(files[i]!));
          } catch (e) {
            // One file that cannot be read or analysed must not stop the others.
            this.core.log.warn(`policylint: skipped ${files[i]}: ${describeError(e)}`);
            budget.spend(0);
          }
          done++;
          if (i % INDEX_BATCH === INDEX_BATCH - 1) {
            progress?.report(Math.floor((100 * (i + 1)) / files.length), `${done} files`);
            await yieldToEventLoop();
          }
        }
      }
    } finally {
      progress?.done();
    }
    if (generation !== this.indexGeneration) return;
    const removed = [...this.core.states.values()].filter((s) => s.version === null && !found.has(s.path)).map((s) => s.path);
    for (const path of removed) {
      this.core.states.delete(path);
      this.core.project.remove(path);
    }
    this.core.folders.indexed(found);
    this.core.log.info(`policylint: indexed ${found.size} Markdown files in ${this.core.folders.paths.length} workspace folder(s)`);
    this.core.emit([...found, ...removed]);
  }

  /** Analyses a workspace file from disk, unless it is open (then the editor's text wins). Returns the bytes read (0 when nothing was). */
  async loadFromDisk(path: string): Promise<number> {
    // A deletion while we wait must win over a read that started before it.
    const generation = this.diskGeneration.get(path) ?? 0;
    const settings = await this.core.settings.get(pathToUri(this.core.folders.folderOf(path) ?? path));
    if (this.core.ignoredBySetting(path, settings)) return 0;
    const { config } = this.core.configFor(path, settings);
    if (this.core.isOpen(path)) return 0;
    const read = await readTextFile(path, maxBytesOf(config));
    if (this.core.isOpen(path)) return 0; // opened while reading: the editor's text wins
    if ((this.diskGeneration.get(path) ?? 0) !== generation) return 0; // deleted while reading
    if (!read.ok) {
      this.core.log.info(`policylint: skipped ${path}: ${read.reason}`);
      this.core.states.delete(path);
      this.core.project.remove(path);
      return 0;
    }
    const started = performance.now();
    const { analysis, result } = analyseText(path, read.text, lintOptions(config, settings));
    this.core.project.add(analysis, config);
    this.core.states.set(path, {
      uri: pathToUri(path),
      path,
      version: null,
      lines: result.doc.lines,
      config,
      settings,
      locale: result.locale,
      stamp: this.core.stamp(),
      durationMs: performance.now() - started,
    });
    return read.text.length;
  }

  private async applyFileChanges(changes: FileEvent[]): Promise<void> {
    if (changes.some((c) => isConfigFile(c.uri) || c.uri.endsWith('/.gitignore'))) {
      this.onConfigChanged();
      return;
    }
    const touched: string[] = [];
    for (const change of changes) {
      const path = uriToPath(change.uri);
      if (!isFilePath(path) || this.core.isOpen(path) || !this.core.folders.folderOf(path)) continue;
      if (change.type === FileChangeType.Deleted) {
        this.diskGeneration.set(path, (this.diskGeneration.get(path) ?? 0) + 1);
        this.core.folders.fileRemoved(path);
        this.core.states.delete(path);
        this.core.project.remove(path);
      } else {
        if (!this.core.folders.isDiscovered(path)) {
          this.core.folders.fileRemoved(path); // a new file: forget any cached verdict and ask again
          if (await this.core.folders.isIgnored(path)) continue;
          this.core.folders.fileAdded(path);
        }
        await this.loadFromDisk(path);
      }
      touched.push(path);
    }
    if (touched.length > 0) this.core.emit(touched);
  }

  dispose(): void {
    this.indexGeneration++;
  }
}
