// The client's `policylint.*` settings, per resource. Fetched with
// workspace/configuration when the client supports it (VS Code does), else
// taken from initializationOptions and didChangeConfiguration (simpler clients).

import { isAbsolute, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, type PolicylintSettings } from '../protocol';
import type { Logger } from './guard';

export type Settings = PolicylintSettings;

/** Accepts whatever a client sends; anything malformed falls back to the default. */
export function normalizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const hints = (r.inlayHints && typeof r.inlayHints === 'object' ? r.inlayHints : {}) as Record<string, unknown>;
  const lens = (r.codeLens && typeof r.codeLens === 'object' ? r.codeLens : {}) as Record<string, unknown>;
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    locale: r.locale === 'zh-CN' || r.locale === 'en' || r.locale === 'auto' ? r.locale : DEFAULT_SETTINGS.locale,
    run: r.run === 'onSave' || r.run === 'onType' ? r.run : DEFAULT_SETTINGS.run,
    inlayHints: { enable: typeof hints.enable === 'boolean' ? hints.enable : DEFAULT_SETTINGS.inlayHints.enable },
    codeLens: { enable: typeof lens.enable === 'boolean' ? lens.enable : DEFAULT_SETTINGS.codeLens.enable },
    configFile: typeof r.configFile === 'string' ? r.configFile.trim() : DEFAULT_SETTINGS.configFile,
    ignore: Array.isArray(r.ignore) ? r.ignore.filter((g): g is string => typeof g === 'string' && g.trim() !== '') : DEFAULT_SETTINGS.ignore,
  };
}

export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  private global: Settings;
  /** Bumped on every change, so analyses made with older settings are known to be stale. */
  generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly pullsConfiguration: boolean,
    initial: unknown,
    private readonly log: Logger,
  ) {
    this.global = normalizeSettings(initial);
  }

  get(scopeUri: string | undefined): Promise<Settings> {
    if (!this.pullsConfiguration) return Promise.resolve(this.global);
    const key = scopeUri ?? '';
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.connection.workspace.getConfiguration({ scopeUri, section: 'policylint' }).then(normalizeSettings, (e: unknown) => {
        this.log.warn(`policylint: could not read settings (${String(e)}); using defaults`);
        return this.global;
      });
      this.cache.set(key, pending);
    }
    return pending;
  }

  /** workspace/didChangeConfiguration: with pull support the payload is only a signal. */
  changed(payload: unknown): void {
    this.cache.clear();
    this.generation++;
    if (!this.pullsConfiguration) {
      const p = payload as { settings?: { policylint?: unknown } } | undefined;
      if (p?.settings?.policylint !== undefined) this.global = normalizeSettings(p.settings.policylint);
    }
  }
}

/** policylint.configFile as a path: absolute as given, relative to the document's workspace folder; undefined when unset or unresolvable. */
export function configFileSetting(settings: Settings, folder: string | undefined): string | undefined {
  if (!settings.configFile) return undefined;
  if (isAbsolute(settings.configFile)) return settings.configFile;
  return folder === undefined ? undefined : join(folder, settings.configFile);
}

/** policylint.ignore: .gitignore-style patterns relative to the document's workspace folder. */
export function ignoredBySetting(settings: Settings, path: string, folder: string | undefined): boolean {
  if (settings.ignore.length === 0 || folder === undefined || path === folder) return false;
  let matcher = compiledIgnores.get(settings.ignore);
  if (!matcher) {
    matcher = ignore().add(settings.ignore);
    compiledIgnores.set(settings.ignore, matcher);
  }
  return matcher.ignores(relative(folder, path).split(sep).join('/'));
}

// Asked on every request and for every file indexed; a settings change brings a new array.
const compiledIgnores = new WeakMap<readonly string[], Ignore>();
