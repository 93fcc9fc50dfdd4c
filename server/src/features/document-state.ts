// What the server knows of one document, and what the open documents and the
// disk index share to keep those states: kept apart from both so neither
// imports the other.

import { maxFileSize } from '../config/limits';
import { CONFIG_FILE_NAMES } from '../config/load';
import type { PolicylintConfig } from '../config/types';
import type { LineIndex } from '../engine/position';
import type { Locale } from '../engine/types';
import type { LintOptions, LintResult } from '../lint/linter';
import type { Project } from '../lint/project';
import type { ResolvedConfig } from './config-resolver';
import type { WorkspaceFolders } from './folders';
import type { Logger } from './guard';
import type { Settings, SettingsStore } from './settings';

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

const BASENAMES = new Set(CONFIG_FILE_NAMES);

export function isConfigFile(uriOrPath: string): boolean {
  const name = uriOrPath.slice(Math.max(uriOrPath.lastIndexOf('/'), uriOrPath.lastIndexOf('\\')) + 1);
  return BASENAMES.has(name);
}

export function maxBytesOf(config: PolicylintConfig): number {
  return maxFileSize(config);
}

export function lintOptions(config: PolicylintConfig, settings: Settings): LintOptions {
  // `auto` defers to the config's locale, exactly as the CLI without --locale does.
  return { config, locale: settings.locale === 'auto' ? undefined : settings.locale };
}

/** What the open documents and the disk index share: the analyses, and how a document is configured. */
export interface WorkspaceCore {
  readonly project: Project;
  /** Every document the Project knows, open or read from disk, by path. */
  readonly states: Map<string, DocumentState>;
  readonly folders: WorkspaceFolders;
  readonly settings: SettingsStore;
  readonly log: Logger;
  /** Open in the editor: the editor's text wins over the disk's. */
  isOpen(path: string): boolean;
  configFor(path: string, settings: Settings): ResolvedConfig;
  ignoredBySetting(path: string, settings: Settings): boolean;
  /** The settings and config generations an analysis is made with. */
  stamp(): string;
  /** Tells the listeners that these paths' analyses changed. */
  emit(paths: string[]): void;
}
