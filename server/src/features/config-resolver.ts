// Which settings apply to a document: the config cascade (config/cascade.ts) from the
// workspace root down to its folder, exactly as the CLI's ConfigResolver (cli/pipeline.ts)
// resolves it, with the same checks. Unlike the CLI, a broken config file must not stop the
// editor: the document is linted with no config, and the error is kept so that
// config-diagnostics.ts can show it on the config file itself.

import { dirname, join } from 'node:path';
import { ConfigCascade } from '../config/cascade';
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
  private loaded = new Map<string, ResolvedConfig>();
  /** Bumped when any config file may have changed; analyses made before are stale. */
  generation = 0;

  /** `folders` are the workspace folders; a document that is not a file uses the first one's config. */
  forPath(path: string, folders: readonly string[]): ResolvedConfig {
    const dir = isFilePath(path) ? dirname(path) : folders[0];
    if (dir === undefined) return EMPTY;
    let resolved = this.loaded.get(dir);
    if (!resolved) {
      try {
        const effective = this.cascade.forDir(dir);
        resolved = effective.files.length === 0 ? EMPTY : { config: effective.config, file: effective.files.at(-1) };
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        resolved = { config: {}, file: e.file, error: e };
      }
      this.loaded.set(dir, resolved);
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
    this.loaded = new Map();
    this.generation++;
  }
}
