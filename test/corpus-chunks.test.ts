// Real documents nobody wrote for this project, parsed as the editor and the
// CLI parse them (in chunks, plain prose built directly) and by one whole
// remark parse: the results must be the same, for every corpus file.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EditorCache } from '../server/src/engine/editor-cache';
import { CORPUS, HAS_CORPUS } from './helpers/cli';
import { findings, view } from './helpers/parse-view';

const files = HAS_CORPUS
  ? readdirSync(CORPUS, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.md'))
      .sort()
  : [];

describe.skipIf(!HAS_CORPUS)('incremental parsing of the corpus', () => {
  it.each(files)('%s parses the same in chunks and by the plain-prose path', (name) => {
    const text = readFileSync(join(CORPUS, name), 'utf8');
    expect(view(text, new EditorCache())).toEqual(view(text));
  });

  // Findings too, on a sample: lintText parses in chunks either way, so this checks that the cache changes nothing.
  it.each(files.filter((_, i) => i % 6 === 0))('%s gives the same findings with the editor cache', (name) => {
    const text = readFileSync(join(CORPUS, name), 'utf8');
    expect(findings(text, new EditorCache())).toEqual(findings(text));
  });
});
