// The layers of ARCHITECTURE.md, checked on the real import graph: type
// imports, re-exports and dynamic imports count. A layer may import only the
// layers listed for it, so knowledge flows one way and the CLI and the editor
// share everything below them.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/cli';

/** Each layer and the layers it may import (itself always allowed). Mirrors ARCHITECTURE.md's picture. */
export const LAYERS: Record<string, readonly string[]> = {
  config: [],
  engine: ['config'],
  io: ['config'],
  l10n: ['config', 'engine'],
  policy: ['config', 'engine', 'l10n'],
  rules: ['config', 'engine', 'l10n', 'policy'],
  lint: ['config', 'engine', 'l10n', 'policy', 'rules'],
  docs: ['config', 'engine', 'l10n', 'policy', 'rules', 'lint'],
  cli: ['config', 'engine', 'io', 'l10n', 'policy', 'rules', 'lint'],
  protocol: [],
  server: ['config', 'engine', 'io', 'l10n', 'policy', 'rules', 'lint', 'protocol'],
  client: ['protocol'],
};

/** Packages that speak LSP or VS Code: only the front ends may use them. */
const EDITOR_PACKAGES = /^(vscode|vscode-languageserver|vscode-languageclient|vscode-languageserver-[\w-]+|vscode-jsonrpc)(\/|$)/;
const EDITOR_LAYERS = new Set(['server', 'client', 'protocol']);

function layerOf(file: string): string {
  const rel = relative(REPO_ROOT, file).split('\\').join('/');
  if (rel.startsWith('client/src/')) return 'client';
  const m = /^server\/src\/([^/]+)/.exec(rel);
  if (!m) throw new Error(`${rel} is outside the layered source`);
  const top = m[1]!;
  if (top === 'protocol.ts') return 'protocol';
  if (top === 'features' || top === 'server.ts' || top === 'main.ts' || top === 'main-browser.ts') return 'server';
  if (top.endsWith('.ts')) throw new Error(`${rel}: a file at the top of server/src needs a layer`);
  if (!(top in LAYERS)) throw new Error(`server/src/${top}/ is not a known layer: add it to LAYERS and ARCHITECTURE.md`);
  return top;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

// Static imports and re-exports (type-only included), and import('…') expressions.
const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'";]*?\sfrom\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

export function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

function resolveLocal(from: string, spec: string, known: Set<string>): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) if (known.has(candidate)) return candidate;
  // Generated code (the compiled config validator) is plain JavaScript next to its layer.
  return undefined;
}

const files = [...sourceFiles(join(REPO_ROOT, 'server/src')), ...sourceFiles(join(REPO_ROOT, 'client/src'))];
const known = new Set(files);
const graph = new Map(files.map((f) => [f, importsOf(f)] as const));
const rel = (f: string) => relative(REPO_ROOT, f).split('\\').join('/');

/** Strongly connected components with more than one file (Tarjan), each a cycle of imports. */
function cycles(edges: Map<string, string[]>): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) === order.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) out.push(component.map(rel).sort());
    }
  };
  for (const v of edges.keys()) if (!order.has(v)) visit(v);
  return out;
}

describe('architecture', () => {
  it('reads the imports it checks', () => {
    // A guard for the checker itself: if the pattern stopped matching, every check below would pass vacuously.
    const linterImports = [...graph.entries()].filter(([f]) => rel(f).startsWith('server/src/lint/')).flatMap(([, imports]) => imports);
    expect(linterImports.some((s) => s.startsWith('../rules'))).toBe(true);
    expect(importsOf(join(REPO_ROOT, 'server/src/rules/contract.ts')).some((s) => s.startsWith('../engine/'))).toBe(true);
  });

  it('every import points down the layers', () => {
    const wrong: string[] = [];
    for (const [file, imports] of graph) {
      const from = layerOf(file);
      for (const spec of imports) {
        const target = resolveLocal(file, spec, known);
        if (target) {
          const to = layerOf(target);
          if (to !== from && !LAYERS[from]!.includes(to)) wrong.push(`${rel(file)} (${from}) imports ${rel(target)} (${to})`);
        } else if (EDITOR_PACKAGES.test(spec) && !EDITOR_LAYERS.has(from)) {
          wrong.push(`${rel(file)} (${from}) imports ${spec}: only the server and the client speak LSP`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no import cycles, type imports included', () => {
    const edges = new Map([...graph].map(([f, imports]) => [f, imports.map((s) => resolveLocal(f, s, known)).filter((t): t is string => t !== undefined)] as const));
    expect(cycles(edges)).toEqual([]);
  });

  it('ARCHITECTURE.md lists the same layers', () => {
    const doc = readFileSync(join(REPO_ROOT, 'ARCHITECTURE.md'), 'utf8');
    const section = /## Layers\n([\s\S]*?)\n## /.exec(doc)?.[1] ?? '';
    const documented = new Map<string, string[]>();
    for (const m of section.matchAll(/^\| `([\w]+)` \| ([^|]*) \|/gm)) {
      documented.set(m[1]!, m[2]!.trim() === '—' ? [] : [...m[2]!.matchAll(/`([\w]+)`/g)].map((x) => x[1]!));
    }
    expect(Object.fromEntries(documented)).toEqual(Object.fromEntries(Object.entries(LAYERS).map(([k, v]) => [k, [...v]])));
  });
});
