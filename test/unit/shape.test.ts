// shape.ts answers "does it fit?" twice: a quick yes/no (test) and, only when that says no,
// the explanation with the path. The two must agree: every field of a real cached analysis,
// given a value of the wrong kind, is refused, and the message names that field.

import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { FILE_ANALYSIS } from '../../server/src/cli/shape';
import { REPO_ROOT, runCli } from '../helpers/cli';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value inside `v`, with the value. */
function* leaves(v: Json, at: (string | number)[] = []): Generator<[(string | number)[], Json]> {
  if (at.length > 0) yield [at, v];
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield* leaves(v[i]!, [...at, i]);
  else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) yield* leaves(v[k]!, [...at, k]);
}

function replaced(v: Json, path: (string | number)[], value: Json): Json {
  const copy = structuredClone(v) as Record<string | number, Json>;
  let parent = copy;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, Json>;
  parent[path.at(-1)!] = value;
  return copy as Json;
}

const shown = (path: (string | number)[]) => path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');

it('refuses a wrong value in any field of a cached analysis, naming the field', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'policylint-shape-'));
  cpSync(join(REPO_ROOT, 'samples/defects'), dir, { recursive: true });
  await runCli(['--cache', '--format', 'json'], dir);
  const { entries } = JSON.parse(readFileSync(join(dir, '.policylintcache'), 'utf8')) as { entries: Record<string, { analysis: Json }> };
  let checked = 0;
  for (const { analysis } of Object.values(entries)) {
    expect(FILE_ANALYSIS(analysis, 'a')).toBeUndefined();
    for (const [path, value] of leaves(analysis)) {
      // A free-form record (finding data) takes text or numbers; an object where text belongs is wrong everywhere.
      const wrong: Json = typeof value === 'object' && value !== null ? 'not this' : { not: 'this' };
      const problem = FILE_ANALYSIS(replaced(analysis, path, wrong), 'a');
      expect(problem, `a${shown(path)}`).toBeDefined();
      expect(problem!.startsWith(`a${shown(path)} `), problem).toBe(true);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(500);
});
