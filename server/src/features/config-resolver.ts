// Which settings apply to a document: the config cascade (config/cascade.ts) from the
// workspace root down to its folder, exactly as the CLI's ConfigResolver (cli/pipeline.ts)
// resolves it, with the same checks. Unlike the CLI, a broken config file must not stop the
// editor: the document is linted with no config, and the error is kept so that
// config-diagnostics.ts can show it on the config file itself.

import { dirname, join } from 'node:path';
import { ConfigCascade, type EffectiveConfig } from '../config/cascade';
import { ConfigError } from '../config/load';
import type { PolicylintConfig } from '../config/types';
import { checkConfigVocabulary } from '../policy/config-vocabulary';
import { isFilePath } from './uri';

export interface ResolvedConfig {
  config: PolicylintConfig;
  /** The nearest config file that took part. */
  file?: string;
  error?: ConfigError;
}

const EMPTY: ResolvedConfig = { config: {} };

export class ServerConfigResolver {
  private cascade = new ConfigCascade(undefined, checkConfigVocabulary);
  private explicit = new Map<string, ConfigCascade>();
  private loaded = new Map<string, ResolvedConfig>();
  /** Bumped when any config file may have changed; analyses made before are stale. */
  generation = 0;

  /**
   * `folders` are the workspace folders; a document that is not a file uses the first one's config.
   * `explicit` is the policylint.configFile setting, already resolved: it replaces the lookup, like the CLI's --config.
   */
  forPath(path: string, folders: readonly string[], explicit?: string): ResolvedConfig {
    if (explicit) return this.resolve(`explicit\u0000${explicit}`, () => this.explicitCascade(explicit).forDir(dirname(explicit)));
    const dir = isFilePath(path) ? dirname(path) : folders[0];
    if (dir === undefined) return EMPTY;
    return this.resolve(dir, () => this.cascade.forDir(dir));
  }

  /** The policylint.configFile setting: that file (and what it extends) for every document, as the CLI's --config. */
  private explicitCascade(file: string): ConfigCascade {
    let cascade = this.explicit.get(file);
    if (!cascade) {
      cascade = new ConfigCascade(file, checkConfigVocabulary);
      this.explicit.set(file, cascade);
    }
    return cascade;
  }

  private resolve(key: string, effective: () => EffectiveConfig): ResolvedConfig {
    let resolved = this.loaded.get(key);
    if (!resolved) {
      try {
        const found = effective();
        resolved = found.files.length === 0 ? EMPTY : { config: found.config, file: found.files.at(-1) };
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        resolved = { config: {}, file: e.file, error: e };
      }
      this.loaded.set(key, resolved);
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
    for (const r of this.loaded.values()) if (r.error) out.set(r.error.file, r.error);
    return out;
  }

  invalidate(): void {
    this.cascade = new ConfigCascade(undefined, checkConfigVocabulary);
    this.explicit = new Map();
    this.loaded = new Map();
    this.generation++;
  }
}
