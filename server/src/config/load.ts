// Configuration files: found by walking up from a document's folder, parsed as
// JSON, JSONC or YAML, and validated against schemas/policylintrc.schema.json.
// Config is data only. Every problem becomes a ConfigError that names the file,
// the line and the key, so the CLI can print it and the server can put it on
// the config file as a diagnostic.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import validateSchema from './generated/validate-config.js';
import { checkGlobSafety, checkPatternSafety } from './safe-regex';
import type { PolicylintConfig } from './types';

export const CONFIG_FILE_NAMES = ['.policylintrc.json', '.policylintrc.jsonc', '.policylintrc.yaml', '.policylintrc.yml'];

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly key: string | undefined,
    readonly detail: string,
  ) {
    super(`${file}:${line}:${column}: ${key ? `"${key}": ` : ''}${detail}`);
    this.name = 'ConfigError';
  }
}

export interface LoadedConfig {
  file?: string;
  config: PolicylintConfig;
}

type Locate = (path: (string | number)[]) => { line: number; column: number };

/** Parses and validates one config file's text. Throws ConfigError. */
export function parseConfigText(file: string, text: string): PolicylintConfig {
  const isYaml = /\.ya?ml$/i.test(file);
  const { data, locate } = isYaml ? parseYaml(file, text) : parseJson(file, text);
  if (!validateSchema(data)) {
    const error = validateSchema.errors![0]!;
    const path = error.instancePath.split('/').slice(1).map(unescapePointer);
    const extra = error.params.additionalProperty as string | undefined;
    const keyPath = extra !== undefined ? [...path, extra] : path;
    const at = locate(keyPath);
    const allowed = error.params.allowedValues as unknown[] | undefined;
    const what = extra !== undefined ? `unknown key "${extra}"` : `${error.message ?? 'invalid value'}${allowed ? `: ${allowed.join(', ')}` : ''}`;
    throw new ConfigError(file, at.line, at.column, keyPath.join('.') || undefined, `${what}. See schemas/policylintrc.schema.json for the allowed settings.`);
  }
  const config = data as PolicylintConfig;
  (config.placeholders?.patterns ?? []).forEach((pattern, i) => {
    const problem = checkPatternSafety(pattern);
    if (problem) {
      const at = locate(['placeholders', 'patterns', i]);
      throw new ConfigError(file, at.line, at.column, `placeholders.patterns.${i}`, problem);
    }
  });
  (config.ignore ?? []).forEach((glob, i) => {
    const problem = checkGlobSafety(glob);
    if (problem) {
      const at = locate(['ignore', i]);
      throw new ConfigError(file, at.line, at.column, `ignore.${i}`, problem);
    }
  });
  return config;
}

function unescapePointer(s: string): string | number {
  const v = s.replace(/~1/g, '/').replace(/~0/g, '~');
  return /^\d+$/.test(v) ? Number(v) : v;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: [...text.slice(last + 1, offset)].length + 1 };
}

function parseJson(file: string, text: string): { data: unknown; locate: Locate } {
  const errors: ParseError[] = [];
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const tree = parseTree(source, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !tree) {
    const e = errors[0];
    const at = lineColumn(source, e?.offset ?? 0);
    throw new ConfigError(file, at.line, at.column, undefined, `syntax error: ${e ? printParseErrorCode(e.error) : 'empty file'}. Fix the JSON syntax.`);
  }
  const locate: Locate = (path) => {
    let node: JsonNode | undefined;
    for (let n = path.length; n >= 0 && !node; n--) node = findNodeAtLocation(tree, path.slice(0, n));
    // For a key, point at the property name rather than its value.
    const target = node?.parent?.type === 'property' ? node.parent : node;
    return lineColumn(source, target?.offset ?? 0);
  };
  return { data: toValue(tree), locate };
}

function toValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (k && v) out[String(k.value)] = toValue(v);
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(toValue);
    default:
      return node.value;
  }
}

function parseYaml(file: string, text: string): { data: unknown; locate: Locate } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const at = lineCounter.linePos(error.pos[0]);
    throw new ConfigError(file, at.line, at.col, undefined, `syntax error: ${error.message.split('\n')[0]}. Fix the YAML syntax.`);
  }
  const locate: Locate = (path) => {
    for (let n = path.length; n >= 0; n--) {
      const parentPath = path.slice(0, Math.max(0, n - 1));
      const parent = n === 0 ? doc.contents : doc.getIn(parentPath, true);
      if (n > 0 && isMap(parent)) {
        const pair = parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === path[n - 1]);
        const range = (pair?.key as { range?: number[] } | null)?.range;
        if (range) return toPos(lineCounter.linePos(range[0]!));
      } else if (n > 0 && isSeq(parent)) {
        const item = parent.items[path[n - 1] as number] as { range?: number[] } | undefined;
        if (item?.range) return toPos(lineCounter.linePos(item.range[0]!));
      }
    }
    return { line: 1, column: 1 };
  };
  return { data: doc.toJS() ?? {}, locate };
}

function toPos(p: { line: number; col: number }): { line: number; column: number } {
  return { line: p.line, column: p.col };
}

export function loadConfigFile(file: string): PolicylintConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(file, 1, 1, undefined, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)}).`);
  }
  return parseConfigText(file, text);
}

/** The nearest config file at or above `dir`, or undefined. */
export function findConfigFile(dir: string, cache?: Map<string, string | undefined>): string | undefined {
  const visited: string[] = [];
  let current = resolve(dir);
  let found: string | undefined;
  for (;;) {
    if (cache?.has(current)) {
      found = cache.get(current);
      break;
    }
    visited.push(current);
    const hit = CONFIG_FILE_NAMES.map((n) => join(current, n)).find((p) => existsSync(p) && statSync(p).isFile());
    if (hit) {
      found = hit;
      break;
    }
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const v of visited) cache?.set(v, found);
  return found;
}
