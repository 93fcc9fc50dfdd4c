// The server's model of the workspace: the open documents (incremental sync),
// the Project that holds every document's analysis (open ones from the editor
// buffer, the rest of the workspace folders read from disk), and when to
// analyse what. Every feature reads documents through here.
//
// Open documents keep their full LintResult (features need the outline);
// documents read from disk keep only their findings, commitments and line
// index, so a large workspace stays small in memory.

import { FileChangeType, TextDocuments, type CancellationToken, type FileEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { maxFileSize } from '../config/limits';
import { EditorCache } from '../engine/editor-cache';
import { readTextFile } from '../io/write';
import { CONFIG_FILE_NAMES } from '../config/load';
import type { PolicylintConfig } from '../config/types';
import type { LintOptions, LintResult } from '../lint/linter';
import { LineIndex } from '../engine/position';
import { analyseText, Project } from '../lint/project';
import type { Locale } from '../engine/types';
import { ServerConfigResolver } from './config-resolver';
import { IndexBudget, isSystemFolder, type IndexProgress } from './index-budget';
import { WorkspaceFolders } from './folders';
import { describeError, type Logger } from './guard';
import { debounceDelay, Debouncer, throwIfCancelled, yieldToEventLoop } from './scheduler';
import { configFileSetting, ignoredBySetting, type Settings, type SettingsStore } from './settings';
import { isFilePath, pathToUri, uriToPath } from './uri';

export interface DocumentState {
  uri: string;
  path: string;
  /** The editor's version; null for a document read from disk. */
  version: number | null;
  /** For an open document: how many edits it had when analysed (a client may reuse a version number). */
  edit?: number;
  lines: LineIndex;
  /** Only for open documents. */
  result?: LintResult;
  config: PolicylintConfig;
  settings: Settings;
  locale: Locale;
  /** Set when the document was not linted. */
  skipped?: { reason: 'too-large'; limit: number } | { reason: 'ignored' };
  /** Settings and config generations the analysis was made with. */
  stamp: string;
  durationMs: number;
}

/** Paths whose analysis changed (analysed, re-read, removed). */
export type ChangeListener = (paths: string[]) => void;

const INDEX_BATCH = 16;
const BASENAMES = new Set(CONFIG_FILE_NAMES);

export function isConfigFile(uriOrPath: string): boolean {
  const name = uriOrPath.slice(Math.max(uriOrPath.lastIndexOf('/'), uriOrPath.lastIndexOf('\\')) + 1);
  return BASENAMES.has(name);
}

function maxBytesOf(config: PolicylintConfig): number {
  return maxFileSize(config);
}

function lintOptions(config: PolicylintConfig, settings: Settings): LintOptions {
  // `auto` defers to the config's locale, exactly as the CLI without --locale does.
  return { config, locale: settings.locale === 'auto' ? undefined : settings.locale };
}

export class Workspace {
  readonly project = new Project();
  private readonly editorCache = new EditorCache();
  /** Bumped when a file is deleted, so a disk read begun before the deletion is dropped. */
  private readonly diskGeneration = new Map<string, number>();
  readonly documents = new TextDocuments(TextDocument);
  readonly configs = new ServerConfigResolver();
  readonly debouncer: Debouncer;
  private readonly states = new Map<string, DocumentState>();
  private readonly folders: WorkspaceFolders;
  /** Opened, and the change event TextDocuments fires for the opening not yet seen. */
  private readonly opening = new Set<string>();
  /** Edits per open document. The version alone cannot tell text apart: a client may send a didChange that keeps it. */
  private readonly edits = new Map<string, number>();
  /** Open documents by path, and the version last saved (what onSave mode lints). */
  private readonly openPaths = new Map<string, string>();
  private readonly savedVersion = new Map<string, number>();
  private readonly listeners: ChangeListener[] = [];
  private indexGeneration = 0;
  private indexing: Promise<void> = Promise.resolve();
  private indexingNow = false;
  /** Starts the editor's progress report for an indexing pass (set by the server when the client supports it). */
  startProgress?: () => Promise<IndexProgress>;
  /** Disk reads started outside indexing (a closed file going back to disk, watched-file events). */
  private readonly pendingLoads = new Set<Promise<unknown>>();

  constructor(
    readonly settings: SettingsStore,
    private readonly log: Logger,
    /** Push clients need the server to analyse on change; pull clients ask when they want results. */
    private readonly analyseOnChange: boolean,
  ) {
    this.debouncer = new Debouncer((e) => log.error(`policylint: analysis failed: ${describeError(e)}`));
    this.folders = new WorkspaceFolders(this.configs);
    this.documents.onDidOpen((e) => {
      this.opening.add(e.document.uri);
      this.edits.set(e.document.uri, 0);
      this.savedVersion.set(e.document.uri, e.document.version);
      this.openPaths.set(uriToPath(e.document.uri), e.document.uri);
      this.schedule(e.document.uri, 0);
    });
    this.documents.onDidChangeContent((e) => {
      // TextDocuments fires this for didOpen as well; only real edits count here, whatever their version.
      if (this.opening.delete(e.document.uri)) return;
      this.edits.set(e.document.uri, (this.edits.get(e.document.uri) ?? 0) + 1);
      this.changed(e.document.uri);
    });
    this.documents.onDidSave((e) => this.saved(e.document.uri));
    this.documents.onDidClose((e) => this.closed(e.document.uri));
  }

  onDidChange(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  get workspaceFolders(): readonly string[] {
    return this.folders.paths;
  }

  get isIndexing(): boolean {
    return this.indexingNow;
  }

  uriOf(path: string): string {
    return this.states.get(path)?.uri ?? pathToUri(path);
  }

  /** The state of any document the Project knows, open or not, without analysing. */
  stateOf(path: string): DocumentState | undefined {
    return this.states.get(path);
  }

  /** Open Markdown documents (config files are open documents too, but not linted). */
  openUris(): string[] {
    return this.documents.keys().filter((u) => !isConfigFile(u));
  }

  /** Documents read from disk and not open. */
  diskStates(): DocumentState[] {
    return [...this.states.values()].filter((s) => s.version === null);
  }

  /**
   * The analysis of an open document at its current version, analysing now if
   * it is stale. Yields first so queued edits and cancellations are seen.
   */
  async fresh(uri: string, token?: CancellationToken): Promise<DocumentState | undefined> {
    await yieldToEventLoop();
    throwIfCancelled(token);
    if (isConfigFile(uri) || !this.documents.get(uri)) return undefined;
    const path = uriToPath(uri);
    const settings = await this.settings.get(uri);
    const ignored = (await this.folders.isIgnored(path)) || this.ignoredBySetting(path, settings);
    throwIfCancelled(token);
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const state = this.states.get(path);
    if (state && this.isCurrent(state, doc) && state.stamp === this.stamp()) return state;
    return this.analyseOpen(doc, settings, ignored);
  }

  /** What diagnostics and the status bar show: the current version, or with policylint.run = onSave the saved one. */
  async current(uri: string, token?: CancellationToken): Promise<DocumentState | undefined> {
    const settings = await this.settings.get(uri);
    return settings.run === 'onSave' ? this.lastOrFresh(uri, token) : this.fresh(uri, token);
  }

  /** With policylint.run = onSave: the analysis of the last saved version, or a later one. */
  async lastOrFresh(uri: string, token?: CancellationToken): Promise<DocumentState | undefined> {
    const state = this.states.get(uriToPath(uri));
    const saved = this.savedVersion.get(uri) ?? 0;
    if (state && state.version !== null && state.version >= saved && state.stamp === this.stamp()) return state;
    return this.fresh(uri, token);
  }

  private isCurrent(state: DocumentState, doc: TextDocument): boolean {
    return state.version === doc.version && state.edit === this.edits.get(doc.uri);
  }

  private stamp(): string {
    return `${this.settings.generation}.${this.configs.generation}`;
  }

  /** The config a document is linted with: policylint.configFile when set, else the nearest file. */
  private configFor(path: string, settings: Settings) {
    return this.configs.forPath(path, this.folders.paths, configFileSetting(settings, this.folders.folderOf(path) ?? this.folders.paths[0]));
  }

  private ignoredBySetting(path: string, settings: Settings): boolean {
    return ignoredBySetting(settings, path, this.folders.folderOf(path));
  }

  private analyseOpen(doc: TextDocument, settings: Settings, ignored: boolean): DocumentState {
    const started = performance.now();
    const path = uriToPath(doc.uri);
    const { config } = this.configFor(path, settings);
    const text = doc.getText();
    const base = { uri: doc.uri, path, version: doc.version, edit: this.edits.get(doc.uri), config, settings, stamp: this.stamp() };
    let state: DocumentState;
    const limit = maxBytesOf(config);
    if (ignored || Buffer.byteLength(text, 'utf8') > limit) {
      this.project.remove(path);
      const skipped = ignored ? ({ reason: 'ignored' } as const) : ({ reason: 'too-large', limit } as const);
      // Not parsed, so its language is unknown: English, the fallback, unless the setting says otherwise.
      state = { ...base, lines: new LineIndex(text), locale: settings.locale === 'zh-CN' ? 'zh-CN' : 'en', skipped, durationMs: 0 };
    } else {
      // Open documents share the editor cache, so a keystroke re-parses only the chunk it touched.
      const result = this.project.update(path, text, { ...lintOptions(config, settings), cache: this.editorCache });
      state = { ...base, lines: result.doc.lines, result, locale: result.locale, durationMs: performance.now() - started };
    }
    this.states.set(path, state);
    this.emit([path]);
    return state;
  }

  private schedule(uri: string, delay: number): void {
    if (isConfigFile(uri)) return;
    this.debouncer.schedule(uri, delay, () => this.fresh(uri));
  }

  private changed(uri: string): void {
    if (!this.analyseOnChange) return;
    const settingsKnown = this.states.get(uriToPath(uri))?.settings;
    if (settingsKnown?.run === 'onSave') return;
    this.schedule(uri, debounceDelay(this.states.get(uriToPath(uri))?.durationMs));
  }

  private saved(uri: string): void {
    if (isConfigFile(uri)) {
      this.configChanged();
      return;
    }
    const version = this.documents.get(uri)?.version;
    if (version !== undefined) this.savedVersion.set(uri, version);
    const state = this.states.get(uriToPath(uri));
    const doc = this.documents.get(uri);
    if (!state || !doc || !this.isCurrent(state, doc)) this.schedule(uri, 0);
  }

  private closed(uri: string): void {
    this.debouncer.cancel(uri);
    this.opening.delete(uri);
    this.edits.delete(uri);
    this.savedVersion.delete(uri);
    const path = uriToPath(uri);
    this.openPaths.delete(path);
    if (isConfigFile(uri)) return;
    this.states.delete(path);
    // A workspace file goes back to what is on disk (unsaved edits are gone); anything else leaves the Project.
    if (this.folders.isDiscovered(path)) {
      this.track(this.loadFromDisk(path).then(() => this.emit([path])));
    } else {
      this.project.remove(path);
      this.emit([path]);
    }
  }

  private emit(paths: string[]): void {
    for (const l of this.listeners) {
      try {
        l(paths);
      } catch (e) {
        this.log.error(`policylint: change listener failed: ${describeError(e)}`);
      }
    }
  }

  // --- workspace folders --------------------------------------------------

  setFolders(folders: string[]): void {
    this.folders.set(folders);
    this.reindex();
  }

  /** Resolves when the current indexing pass and any pending disk reads are complete. */
  async whenIndexed(token?: CancellationToken): Promise<void> {
    for (;;) {
      const pass = this.indexing;
      await Promise.all([pass, ...this.pendingLoads]);
      throwIfCancelled(token);
      if (pass === this.indexing && this.pendingLoads.size === 0) return;
    }
  }

  private track(work: Promise<unknown>): void {
    const tracked = work.catch((e: unknown) => this.log.error(`policylint: reading a workspace file failed: ${describeError(e)}`)).finally(() => this.pendingLoads.delete(tracked));
    this.pendingLoads.add(tracked);
  }

  /** (Re)reads every Markdown file of the workspace folders into the Project, in batches so requests are served meanwhile. */
  reindex(): void {
    const generation = ++this.indexGeneration;
    this.indexingNow = true;
    this.indexing = this.index(generation)
      .catch((e: unknown) => this.log.error(`policylint: indexing the workspace failed: ${describeError(e)}`))
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
      for (const folder of this.folders.paths) {
        if (isSystemFolder(folder)) {
          this.log.warn(`policylint: not indexing ${folder}: a system folder, not documents`);
          continue;
        }
        let files: string[] = [];
        try {
          files = await this.folders.discover(folder);
        } catch (e) {
          this.log.warn(`policylint: cannot list ${folder}: ${describeError(e)}`);
        }
        for (let i = 0; i < files.length; i++) {
          if (generation !== this.indexGeneration) return;
          if (budget.exhausted) {
            this.log.warn(`policylint: stopped indexing at ${budget.describe()}; ${files.length - i} files of ${folder} and any later folders are not indexed. Open a smaller folder.`);
            break;
          }
          found.add(files[i]!);
          try {
            budget.spend(await this.loadFromDisk(files[i]!));
          } catch (e) {
            // One file that cannot be read or analysed must not stop the others.
            this.log.warn(`policylint: skipped ${files[i]}: ${describeError(e)}`);
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
    const removed = [...this.states.values()].filter((s) => s.version === null && !found.has(s.path)).map((s) => s.path);
    for (const path of removed) {
      this.states.delete(path);
      this.project.remove(path);
    }
    this.folders.indexed(found);
    this.log.info(`policylint: indexed ${found.size} Markdown files in ${this.folders.paths.length} workspace folder(s)`);
    this.emit([...found, ...removed]);
  }

  /** Analyses a workspace file from disk, unless it is open (then the editor's text wins). Returns the bytes read (0 when nothing was). */
  private async loadFromDisk(path: string): Promise<number> {
    // A deletion while we wait must win over a read that started before it.
    const generation = this.diskGeneration.get(path) ?? 0;
    const settings = await this.settings.get(pathToUri(this.folders.folderOf(path) ?? path));
    if (this.ignoredBySetting(path, settings)) return 0;
    const { config } = this.configFor(path, settings);
    if (this.openPaths.has(path)) return 0;
    const read = await readTextFile(path, maxBytesOf(config));
    if (this.openPaths.has(path)) return 0; // opened while reading: the editor's text wins
    if ((this.diskGeneration.get(path) ?? 0) !== generation) return 0; // deleted while reading
    if (!read.ok) {
      this.log.info(`policylint: skipped ${path}: ${read.reason}`);
      this.states.delete(path);
      this.project.remove(path);
      return 0;
    }
    const started = performance.now();
    const { analysis, result } = analyseText(path, read.text, lintOptions(config, settings));
    this.project.add(analysis, config);
    this.states.set(path, {
      uri: pathToUri(path),
      path,
      version: null,
      lines: result.doc.lines,
      config,
      settings,
      locale: result.locale,
      stamp: this.stamp(),
      durationMs: performance.now() - started,
    });
    return read.text.length;
  }

  // --- changes from outside -------------------------------------------------

  /** workspace/didChangeWatchedFiles: Markdown files edited elsewhere, config files, .gitignore. */
  filesChanged(changes: FileEvent[]): void {
    this.track(this.applyFileChanges(changes));
  }

  private async applyFileChanges(changes: FileEvent[]): Promise<void> {
    if (changes.some((c) => isConfigFile(c.uri) || c.uri.endsWith('/.gitignore'))) {
      this.configChanged();
      return;
    }
    const touched: string[] = [];
    for (const change of changes) {
      const path = uriToPath(change.uri);
      if (!isFilePath(path) || this.openPaths.has(path) || !this.folders.folderOf(path)) continue;
      if (change.type === FileChangeType.Deleted) {
        this.diskGeneration.set(path, (this.diskGeneration.get(path) ?? 0) + 1);
        this.folders.fileRemoved(path);
        this.states.delete(path);
        this.project.remove(path);
      } else {
        if (!this.folders.isDiscovered(path)) {
          this.folders.fileRemoved(path); // a new file: forget any cached verdict and ask again
          if (await this.folders.isIgnored(path)) continue;
          this.folders.fileAdded(path);
        }
        await this.loadFromDisk(path);
      }
      touched.push(path);
    }
    if (touched.length > 0) this.emit(touched);
  }

  /** A config file changed: every analysis may be stale. */
  configChanged(): void {
    this.configs.invalidate();
    this.reanalyseAll();
  }

  /** Settings changed (locale, enable…): analyses are stale. */
  settingsChanged(payload: unknown): void {
    this.settings.changed(payload);
    this.reanalyseAll();
  }

  private reanalyseAll(): void {
    this.reindex();
    for (const uri of this.openUris()) this.schedule(uri, 0);
  }

  /** Where a folder-relative display path is wanted (hover links, SLA table). */
  displayPath(path: string): string {
    return this.folders.displayPath(path);
  }

  dispose(): void {
    this.debouncer.dispose();
    this.indexGeneration++;
  }
}
