// One configuration file: parsed as JSON, JSONC or YAML and validated against
// schemas/policylintrc.schema.json (which files apply is cascade.ts's business).
// Config is data only. Every problem becomes a ConfigError that names the file,
// the line and the key, so the CLI can print it and the server can put it on
// the config file as a diagnostic.

import { readFileSync, statSync } from 'node:fs';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import { lazy } from './lazy';
import validateSchema from './generated/validate-config.js';
import { MAX_CONFIG_DEPTH, MAX_CONFIG_SIZE } from './limits';
import { checkGlobSafety, checkPatternSafety } from './safe-regex';
import type { PolicylintConfig } from './types';
import { didYouMean } from './suggest';
import schema from '../../../schemas/policylintrc.schema.json';

// The parsers load when a config file is read: most runs have none (see lazy.ts).
const jsonc = lazy('jsonc-parser', () => require('jsonc-parser') as typeof import('jsonc-parser'));
const yaml = lazy('yaml', () => require('yaml') as typeof import('yaml'));

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

/** Where a key path (`['rules', 'placeholder']`) is written in a config file; the nearest enclosing key when it is not. */
export type Locate = (path: (string | number)[]) => { line: number; column: number };

export interface ParsedConfig {
  config: PolicylintConfig;
  locate: Locate;
}

/** Parses and validates one config file's text. Throws ConfigError, and nothing else. */
export function parseConfigText(file: string, text: string): PolicylintConfig {
  return parseConfigTextWithPositions(file, text).config;
}

/** As parseConfigText, keeping where each key is written (for later checks and --print-config). */
export function parseConfigTextWithPositions(file: string, text: string): ParsedConfig {
  if (text.length > MAX_CONFIG_SIZE) {
    throw new ConfigError(file, 1, 1, undefined, `the file is too large (${text.length} characters; the limit is ${MAX_CONFIG_SIZE}). A configuration is a few settings: remove what is not one.`);
  }
  try {
    return parseAndValidate(file, text);
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    // A parser giving up on hostile input (an alias bomb, a stack overflow) is still a config
    // problem, never a crash of the run.
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new ConfigError(file, 1, 1, undefined, `cannot be read as configuration (${why}). Write the settings out plainly.`);
  }
}

function parseAndValidate(file: string, text: string): ParsedConfig {
  const isYaml = /\.ya?ml$/i.test(file);
  const { data, locate } = isYaml ? parseYaml(file, text) : parseJson(file, text);
  rejectPrototypeKeys(file, data, locate);
  if (!validateSchema(data)) {
    const error = validateSchema.errors![0]!;
    const path = error.instancePath.split('/').slice(1).map(unescapePointer);
    const extra = error.params.additionalProperty as string | undefined;
    const keyPath = extra !== undefined ? [...path, extra] : path;
    const at = locate(keyPath);
    const allowed = error.params.allowedValues as unknown[] | undefined;
    const given = valueAt(data, path);
    const hint =
      extra !== undefined
        ? didYouMean(extra, knownKeys(path))
        : allowed && typeof given === 'string'
          ? didYouMean(given, allowed.map(String))
          : '';
    const what = extra !== undefined ? `unknown ${path[0] === 'rules' && path.length === 1 ? 'rule id' : 'key'} "${extra}".${hint}` : `${error.message ?? 'invalid value'}${allowed ? `: ${allowed.join(', ')}` : ''}.${hint}`;
    throw new ConfigError(file, at.line, at.column, keyPath.join('.') || undefined, `${what} See ${path[0] === 'rules' ? 'docs/rules/' : 'docs/configuration.md'} for the allowed settings.`);
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
  return { config, locate };
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let v = data;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined;
  return v;
}

type SchemaNode = { properties?: Record<string, SchemaNode>; additionalProperties?: SchemaNode | boolean; items?: SchemaNode | SchemaNode[] };

/** The property names the schema knows at an object's path: what a misspelt key was likely meant to be. */
function knownKeys(path: (string | number)[]): string[] {
  let node: SchemaNode | undefined = schema as SchemaNode;
  for (const k of path) {
    if (!node) return [];
    if (typeof k === 'number') node = Array.isArray(node.items) ? node.items[0] : node.items;
    else node = node.properties?.[k] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
  }
  return Object.keys(node?.properties ?? {});
}

/**
 * `__proto__` is refused as a key anywhere, in JSON as in YAML: built into a plain object it
 * would become the object's prototype and change settings the file never names.
 */
function rejectPrototypeKeys(file: string, data: unknown, locate: Locate): void {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
      continue;
    }
    for (const key of Object.keys(value)) {
      const keyPath = [...path, key];
      if (key === '__proto__') {
        const at = locate(keyPath);
        throw new ConfigError(file, at.line, at.column, keyPath.join('.'), 'unknown key "__proto__". See schemas/policylintrc.schema.json for the allowed settings.');
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: keyPath });
    }
  }
}

/**
 * The deepest any setting goes is a handful of levels; a file nested far deeper is refused where
 * it passes the limit, before a recursive parser can run out of stack on it.
 */
function checkJsonNesting(file: string, text: string): void {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === '{' || c === '[') {
      if (++depth > MAX_CONFIG_DEPTH) {
        const at = lineColumn(text, i);
        throw new ConfigError(file, at.line, at.column, undefined, `nested deeper than ${MAX_CONFIG_DEPTH} levels. No setting goes that deep: remove the extra nesting.`);
      }
    } else if (c === '}' || c === ']') {
      depth--;
    }
  }
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
  checkJsonNesting(file, source);
  const { findNodeAtLocation, parseTree, printParseErrorCode } = jsonc();
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
        // Defined, not assigned: `out["__proto__"] = …` would set the prototype instead of a key.
        if (k && v) Object.defineProperty(out, String(k.value), { value: toValue(v), enumerable: true, writable: true, configurable: true });
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
  const { isMap, isSeq, LineCounter, parseDocument } = yaml();
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
  return loadConfigWithPositions(file).config;
}

/** Reads, parses and validates a config file, keeping where each key is written. Throws ConfigError. */
export function loadConfigWithPositions(file: string): ParsedConfig {
  let text: string;
  try {
    // Checked before reading, so a huge file named like a config is never pulled into memory.
    const { size } = statSync(file);
    if (size > MAX_CONFIG_SIZE) throw new ConfigError(file, 1, 1, undefined, `the file is too large (${size} bytes; the limit is ${MAX_CONFIG_SIZE}). A configuration is a few settings: remove what is not one.`);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new ConfigError(file, 1, 1, undefined, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)}).`);
  }
  return parseConfigTextWithPositions(file, text);
}
