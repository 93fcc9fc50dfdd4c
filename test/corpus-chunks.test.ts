// Real regulations nobody wrote for this project, parsed in chunks (as the
// editor and the CLI do) and whole: the results must be the same.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EditorCache } from '../server/src/engine/editor-cache';
import { CORPUS, HAS_CORPUS } from './helpers/cli';
import { findings, view } from './helpers/parse-view';

describe.skipIf(!HAS_CORPUS)('incremental parsing of zh-regulations', () => {
  const files = HAS_CORPUS ? readdirSync(join(CORPUS, 'zh-regulations')).slice(0, 120) : [];
  it.each(files)('%s parses the same in chunks', (name) => {
    const text = readFileSync(join(CORPUS, 'zh-regulations', name), 'utf8');
    const cache = new EditorCache();
    expect(view(text, cache)).toEqual(view(text));
    expect(findings(text, cache)).toEqual(findings(text));
  });
});
