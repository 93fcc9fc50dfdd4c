// Which .policylintrc applies to a document: the nearest one at or above its
// folder, exactly as the CLI's ConfigResolver (cli/run.ts) finds it, with the
// same loader. Unlike the CLI, a broken config file must not stop the editor:
// the document is linted with no config, and the error is kept so that
// config-diagnostics.ts can show it on the config file itself.

import { dirname, join } from 'node:path';
import { ConfigError, findConfigFile, loadConfigFile } from '../config/load';
import type { PolicylintConfig } from '../config/types';
import { isFilePath } from './uri';

export interface ResolvedConfig {
  config: PolicylintConfig;
  file?: string;
  error?: ConfigError;
}

const EMPTY: ResolvedConfig = { config: {} };

export class ServerConfigResolver {
  private lookups = new Map<string, string | undefined>();
  private loaded = new Map<string, ResolvedConfig>();
  /** Bumped when any config file may have changed; analyses made before are stale. */
  generation = 0;

  /**
   * `folders` are the workspace folders; a document that is not a file uses the first one's config.
   * `explicit` is the policylint.configFile setting, already resolved: it replaces the lookup, like the CLI's --config.
   */
  forPath(path: string, folders: readonly string[], explicit?: string): ResolvedConfig {
    if (explicit) return this.load(explicit);
    const dir = isFilePath(path) ? dirname(path) : folders[0];
    if (dir === undefined) return EMPTY;
    const file = findConfigFile(dir, this.lookups);
    if (!file) return EMPTY;
    return this.load(file);
  }

  private load(file: string): ResolvedConfig {
    let resolved = this.loaded.get(file);
    if (!resolved) {
      try {
        resolved = { config: loadConfigFile(file), file };
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        resolved = { config: {}, file, error: e };
      }
      this.loaded.set(file, resolved);
    }
    return resolved;
  }

  /** The config for a workspace folder itself (its `ignore` globs decide what is indexed). */
  forFolder(folder: string): ResolvedConfig {
    return this.forPath(join(folder, 'x'), [folder]);
  }

  /** Config files that failed to load, by path. */
  errors(): Map<string, ConfigError> {
    const out = new Map<string, ConfigError>();
    for (const [file, r] of this.loaded) if (r.error) out.set(file, r.error);
    return out;
  }

  invalidate(): void {
    this.lookups = new Map();
    this.loaded = new Map();
    this.generation++;
  }
}
