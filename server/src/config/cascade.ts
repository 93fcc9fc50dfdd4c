// Which settings apply to a document: every config file from the workspace root down to the
// document's folder, merged in that order (a nearer file wins key by key), each one after
// the files it `extends`. The workspace root is the nearest folder whose config says
// `root: true`, else the top of the git repository; without either, every config up to
// the file system's root takes part. The CLI and the editor both resolve configs here.

import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAMES, ConfigError, loadConfigWithPositions, type Locate } from './load';
import type { PolicylintConfig } from './types';

/** Keys that describe the file itself, never inherited by the files below it. */
const OWN_KEYS = new Set(['$schema', 'root', 'extends']);
const MAX_EXTENDS_DEPTH = 8;

/** A check of what the config names (rule ids are the schema's; topic ids and commitment keys are the domain's). */
export type ConfigCheck = (config: PolicylintConfig, known: { topics: ReadonlySet<string> }) => { path: (string | number)[]; message: string } | undefined;

export interface EffectiveConfig {
  config: PolicylintConfig;
  /** The files that took part, in the order they were merged (extended files before their extender). */
  files: string[];
  /** For each setting (a dotted key path down to a value), the file it came from. */
  sources: Map<string, string>;
}

interface Layer {
  file: string;
  config: PolicylintConfig;
  locate: Locate;
}

const EMPTY: EffectiveConfig = { config: {}, files: [], sources: new Map() };

export class ConfigCascade {
  private readonly configInDir = new Map<string, string | undefined>();
  private readonly layers = new Map<string, Layer[]>();
  private readonly byDir = new Map<string, EffectiveConfig>();
  private readonly roots = new Map<string, string | undefined>();

  /**
   * `fixed`: one config file for every document (`--config`), `false` for none, undefined to
   * search. `check` runs on each file's own settings, so an error names the file that has it.
   */
  constructor(
    private readonly fixed?: string | false,
    private readonly check?: ConfigCheck,
  ) {}

  /** The effective config of a document (or of a folder: pass `join(folder, 'x')`). Throws ConfigError. */
  forFile(file: string): EffectiveConfig {
    return this.forDir(dirname(resolve(file)));
  }

  forDir(dir: string): EffectiveConfig {
    if (this.fixed === false) return EMPTY;
    let hit = this.byDir.get(dir);
    if (!hit) {
      const files = this.fixed !== undefined ? [this.fixed] : this.chain(dir);
      const layers = files.flatMap((f) => this.expand(f, []));
      if (this.check) checkLayers(layers, this.check);
      hit = merge(layers);
      this.byDir.set(dir, hit);
    }
    return hit;
  }

  /**
   * The workspace root for documents in `dir`: the nearest folder at or above it whose config
   * says `root: true` or that is the top of a git repository; undefined when there is none.
   */
  workspaceRoot(dir: string): string | undefined {
    const start = resolve(dir);
    if (this.roots.has(start)) return this.roots.get(start);
    let root: string | undefined;
    for (let current = start; ; current = dirname(current)) {
      const config = this.fixed === undefined ? this.configFileIn(current) : undefined;
      if ((config && this.expand(config, []).at(-1)!.config.root === true) || existsSync(join(current, '.git'))) {
        root = current;
        break;
      }
      if (dirname(current) === current) break;
    }
    this.roots.set(start, root);
    return root;
  }

  /** Config files from the workspace root down to `dir`. */
  private chain(dir: string): string[] {
    const files: string[] = [];
    for (let current = resolve(dir); ; current = dirname(current)) {
      const config = this.configFileIn(current);
      if (config) {
        files.unshift(config);
        if (this.expand(config, []).at(-1)!.config.root === true) break;
      }
      if (existsSync(join(current, '.git')) || dirname(current) === current) break;
    }
    return files;
  }

  private configFileIn(dir: string): string | undefined {
    if (this.configInDir.has(dir)) return this.configInDir.get(dir);
    const hit = CONFIG_FILE_NAMES.map((n) => join(dir, n)).find((p) => existsSync(p) && statSync(p).isFile());
    this.configInDir.set(dir, hit);
    return hit;
  }

  /** A file and what it extends, as layers in merge order. */
  private expand(file: string, stack: string[]): Layer[] {
    const cached = this.layers.get(file);
    if (cached) return cached;
    const { config, locate } = loadConfigWithPositions(file);
    const out: Layer[] = [];
    const parents = config.extends === undefined ? [] : Array.isArray(config.extends) ? config.extends : [config.extends];
    parents.forEach((relative, i) => {
      const at = locate(Array.isArray(config.extends) ? ['extends', i] : ['extends']);
      const key = Array.isArray(config.extends) ? `extends.${i}` : 'extends';
      const target = resolve(dirname(file), relative);
      if (!/\.(jsonc?|ya?ml)$/i.test(target)) throw new ConfigError(file, at.line, at.column, key, `"${relative}" is not a config file: name a .json, .jsonc, .yaml or .yml file.`);
      if (!existsSync(target) || !statSync(target).isFile()) throw new ConfigError(file, at.line, at.column, key, `cannot find "${relative}" (looked for ${target}). Paths are relative to this file.`);
      if (stack.includes(target) || target === file) throw new ConfigError(file, at.line, at.column, key, `"${relative}" extends this file again (a cycle). Remove one of the two.`);
      if (stack.length >= MAX_EXTENDS_DEPTH) throw new ConfigError(file, at.line, at.column, key, `extends go deeper than ${MAX_EXTENDS_DEPTH} files. Flatten them.`);
      for (const layer of this.expand(target, [...stack, file])) out.push(layer);
    });
    out.push({ file, config, locate });
    this.layers.set(file, out);
    return out;
  }
}

/**
 * Checks each file's own settings, knowing every topic the whole chain defines (a folder may
 * require a topic its parent's config defines); an error names the file that has the mistake.
 */
function checkLayers(layers: readonly Layer[], check: ConfigCheck): void {
  const topics = new Set<string>();
  for (const l of layers) for (const t of Object.keys(l.config.topics ?? {})) topics.add(t);
  for (const layer of layers) {
    const problem = check(layer.config, { topics });
    if (problem) {
      const at = layer.locate(problem.path);
      throw new ConfigError(layer.file, at.line, at.column, problem.path.join('.'), problem.message);
    }
  }
}

/** Merges layers in order: objects key by key, arrays and values replaced whole. */
export function merge(layers: readonly { file: string; config: PolicylintConfig }[]): EffectiveConfig {
  const config: Record<string, unknown> = {};
  const sources = new Map<string, string>();
  const files: string[] = [];
  for (const layer of layers) {
    if (!files.includes(layer.file)) files.push(layer.file);
    for (const [key, value] of Object.entries(layer.config)) {
      if (OWN_KEYS.has(key)) continue;
      config[key] = mergeValue(config[key], value, key, layer.file, sources);
    }
  }
  return { config: config as PolicylintConfig, files, sources };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function mergeValue(base: unknown, over: unknown, path: string, file: string, sources: Map<string, string>): unknown {
  if (!isPlainObject(over)) {
    for (const k of [...sources.keys()]) if (k.startsWith(`${path}.`)) sources.delete(k);
    sources.set(path, file);
    return over;
  }
  const out: Record<string, unknown> = isPlainObject(base) ? { ...base } : {};
  if (!isPlainObject(base)) for (const k of [...sources.keys()]) if (k === path) sources.delete(k);
  for (const [k, v] of Object.entries(over)) {
    Object.defineProperty(out, k, { value: mergeValue(Object.hasOwn(out, k) ? out[k] : undefined, v, `${path}.${k}`, file, sources), enumerable: true, writable: true, configurable: true });
  }
  if (Object.keys(over).length === 0 && !isPlainObject(base)) sources.set(path, file);
  return out;
}
