// The server's model of the workspace: the open documents (incremental sync)
// and when to analyse them, over the Project that holds every document's
// analysis: open ones from the editor buffer, the rest of the workspace folders
// read from disk by the disk index (disk-index.ts). Every feature reads
// documents through here. Open documents keep their full LintResult (features
// need the outline).

import { TextDocuments, type CancellationToken, type FileEvent } from 'vscode-languageserver/node';
import { EditorCache } from '../engine/editor-cache';
import { forgetDocument, Project } from '../lint/project';
import { ServerConfigResolver } from './config-resolver';
import { DiskIndex } from './disk-index';
import { EDITOR_DOCUMENTS, type EditorDocument } from './editor-document';
import { isConfigFile, lintOptions, maxBytesOf, type ChangeListener, type DocumentState, type WorkspaceCore } from './document-state';
import { WorkspaceFolders } from './folders';
import { describeError, type Logger } from './guard';
import type { IndexProgress } from './index-budget';
import { debounceDelay, Debouncer, throwIfCancelled, yieldToEventLoop } from './scheduler';
import { configFileSetting, ignoredBySetting, type Settings, type SettingsStore } from './settings';
import { pathToUri, uriToPath } from './uri';

export { isConfigFile, type ChangeListener, type DocumentState } from './document-state';

export class Workspace implements WorkspaceCore {
  readonly project = new Project();
  private readonly editorCache = new EditorCache();
  readonly documents = new TextDocuments(EDITOR_DOCUMENTS);
  readonly configs = new ServerConfigResolver();
  readonly debouncer: Debouncer;
  readonly states = new Map<string, DocumentState>();
  readonly folders: WorkspaceFolders;
  private readonly disk: DiskIndex;
  /** Opened, and the change event TextDocuments fires for the opening not yet seen. */
  private readonly opening = new Set<string>();
  /** Edits per open document. The version alone cannot tell text apart: a client may send a didChange that keeps it. */
  private readonly edits = new Map<string, number>();
  /** Open documents by path, and the version last saved (what onSave mode lints). */
  private readonly openPaths = new Map<string, string>();
  private readonly savedVersion = new Map<string, number>();
  private readonly listeners: ChangeListener[] = [];

  constructor(
    readonly settings: SettingsStore,
    readonly log: Logger,
    /** Push clients need the server to analyse on change; pull clients ask when they want results. */
    private readonly analyseOnChange: boolean,
  ) {
    this.debouncer = new Debouncer((e) => log.error(`policylint: analysis failed: ${describeError(e)}`));
    this.folders = new WorkspaceFolders(this.configs);
    this.disk = new DiskIndex(this, () => this.configChanged());
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
    return this.disk.indexingNow;
  }

  /** Starts the editor's progress report for an indexing pass (set by the server when the client supports it). */
  set startProgress(start: (() => Promise<IndexProgress>) | undefined) {
    this.disk.startProgress = start;
  }

  isOpen(path: string): boolean {
    return this.openPaths.has(path);
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

  private isCurrent(state: DocumentState, doc: EditorDocument): boolean {
    return state.version === doc.version && state.edit === this.edits.get(doc.uri);
  }

  stamp(): string {
    return `${this.settings.generation}.${this.configs.generation}`;
  }

  /** The config a document is linted with: policylint.configFile when set, else the nearest file. */
  configFor(path: string, settings: Settings) {
    return this.configs.forPath(path, this.folders.paths, configFileSetting(settings, this.folders.folderOf(path) ?? this.folders.paths[0]));
  }

  ignoredBySetting(path: string, settings: Settings): boolean {
    return ignoredBySetting(settings, path, this.folders.folderOf(path));
  }

  private analyseOpen(doc: EditorDocument, settings: Settings, ignored: boolean): DocumentState {
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
      state = { ...base, lines: doc.lines, locale: settings.locale === 'zh-CN' ? 'zh-CN' : 'en', skipped, durationMs: 0 };
    } else {
      // Open documents share the editor cache, so a keystroke re-parses only the chunk it touched.
      const result = this.project.update(path, text, { ...lintOptions(config, settings), cache: this.editorCache, lines: doc.lines });
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
    forgetDocument(this.editorCache, path);
    // A workspace file goes back to what is on disk (unsaved edits are gone); anything else leaves the Project.
    if (this.folders.isDiscovered(path)) {
      this.disk.reloadClosed(path);
    } else {
      this.project.remove(path);
      this.emit([path]);
    }
  }

  emit(paths: string[]): void {
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
  whenIndexed(token?: CancellationToken): Promise<void> {
    return this.disk.whenIndexed(token);
  }

  /** (Re)reads every Markdown file of the workspace folders into the Project. */
  reindex(): void {
    this.disk.reindex();
  }

  // --- changes from outside -------------------------------------------------

  /** workspace/didChangeWatchedFiles: Markdown files edited elsewhere, config files, .gitignore. */
  filesChanged(changes: FileEvent[]): void {
    this.disk.filesChanged(changes);
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
    this.disk.dispose();
  }
}
