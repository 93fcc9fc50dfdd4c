// toDisplayPath takes a shortcut for a normalised file inside a normalised working folder;
// whatever the paths, it must say what path.relative says.

import fc from 'fast-check';
import { posix, relative, sep } from 'node:path';
import { expect, it } from 'vitest';
import { toDisplayPath } from '../../server/src/cli/pipeline';

const reference = (cwd: string, file: string) => {
  const rel = relative(cwd, file);
  return (rel.startsWith('..') ? file : rel).split(sep).join('/');
};

it('shows every path as path.relative does', () => {
  const segment = fc.constantFrom('a', 'b', '规章', '.', '..', '', '..a', '.b', 'a.md', '..md');
  const path = fc.array(segment, { maxLength: 5 }).map((s) => `/${s.join('/')}`);
  let inside = 0;
  fc.assert(
    fc.property(path, path, fc.boolean(), (cwd, rest, nested) => {
      const file = nested ? `${cwd}${cwd.endsWith('/') ? '' : '/'}${rest.slice(1)}` : rest;
      if (!posix.relative(cwd, file).startsWith('..')) inside++;
      expect(toDisplayPath(cwd, file)).toBe(reference(cwd, file));
    }),
    { numRuns: 3000, seed: 14 },
  );
  expect(inside).toBeGreaterThan(500);
  expect(toDisplayPath('/work/docs', '/work/docs/zh/a.md')).toBe('zh/a.md');
  expect(toDisplayPath('/', '/a/b.md')).toBe('a/b.md');
});
