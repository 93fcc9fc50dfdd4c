// The editor's incremental parse (chunks + cache) must give exactly what a
// whole parse gives, or the editor and the CLI would disagree. The same check
// over real regulations is in test/corpus-chunks.test.ts.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkBoundaries } from '../../server/src/engine/chunks';
import { EditorCache } from '../../server/src/engine/editor-cache';
import { LineIndex } from '../../server/src/engine/position';
import { REPO_ROOT } from '../helpers/cli';
import { findings, view } from '../helpers/parse-view';

const samples = readdirSync(join(REPO_ROOT, 'samples/clean')).filter((f) => f.endsWith('.md')).map((f) => join(REPO_ROOT, 'samples/clean', f));
// Documents big enough to be cut, with a table, a code fence, a comment and front matter in the way.
const big = readFileSync(samples[0]!, 'utf8').repeat(6);
const tricky = `---\nkind: handbook\n---\n# 手册\n\n${'内容。\n\n'.repeat(400)}\`\`\`\n\n# 不是标题\n\n\`\`\`\n\n<!--\n\n# 注释里\n\n-->\n\n| a | b |\n| - | - |\n\n| 热线 | 20秒 |\n\n- 列表\n\n  继续\n\n${'正文。\n\n'.repeat(400)}`;

describe('incremental parsing', () => {
  it('cuts large documents into several chunks', () => {
    expect(chunkBoundaries(big, new LineIndex(big)).length).toBeGreaterThan(3);
  });

  const quotes = '> 引用【公司名称】。\n\n正文。\n\n> 引用\n续行\n> - 列表\n\n>> 嵌套\n\n'.repeat(300);
  const cases: [string, string][] = [['big', big], ['tricky', tricky], ['quotes', quotes], ...samples.map((f): [string, string] => [f.split('/').pop()!, readFileSync(f, 'utf8')])];
  it.each(cases)(
    '%s parses the same in chunks',
    (_name, text) => {
      const cache = new EditorCache();
      expect(view(text, cache)).toEqual(view(text));
      expect(findings(text, cache)).toEqual(findings(text));
    },
  );

  it('gives the same result after edits, reusing the cache', () => {
    const cache = new EditorCache();
    let text = big;
    for (const [at, insert] of [[100, '文'], [Math.floor(big.length / 2), '\n\n## 新章节\n\n内容XX小时\n'], [big.length - 50, '```'], [10, '\n\n']] as const) {
      text = text.slice(0, at) + insert + text.slice(at);
      expect(view(text, cache)).toEqual(view(text));
      expect(findings(text, cache)).toEqual(findings(text));
    }
  });
});
