// The editor's incremental parse (chunks + cache) must give exactly what a
// whole parse gives, or the editor and the CLI would disagree. The same check
// over real regulations is in test/corpus-chunks.test.ts.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChunkCache, chunkBoundaries, emptyParse, parseInChunks, type ChunkParse } from '../../server/src/engine/chunks';
import { blocksMovedFrom, byChunk, type ChunkMemo } from '../../server/src/engine/chunk-shares';
import type { ProseBlock } from '../../server/src/engine/parsed-markdown';
import { parseMarkdown } from '../../server/src/engine/markdown';
import { EditorCache } from '../../server/src/engine/editor-cache';
import { LineIndex } from '../../server/src/engine/position';
import { spanningLines } from '../../server/src/engine/spanning';
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

  // A reference in one chunk to a definition in another, the label written with an escape or an entity.
  const filler = '第一条 为规范服务，制定本制度。\n\n'.repeat(150);
  it.each([
    ['an escaped label', `[a\\]b]: http://x\n\n${filler}见 [a\\]b] 条。\n`],
    ['an entity in the label', `[&auml;]: http://x\n\n${filler}见 [&auml;] 条。\n`],
    ['a label of another case and spacing', `[Foo  Bar]: http://x\n\n${filler}见 [foo bar] 条。\n`],
  ])('resolves a reference across chunks: %s', (_name, text) => {
    expect(chunkBoundaries(text, new LineIndex(text)).length).toBeGreaterThan(1);
    expect(view(text, new EditorCache())).toEqual(view(text));
  });

  // Texts that hold the characters a cache key could be made of must not be taken for another context's chunk.
  it.each([
    ['U+0000', (p: string) => [`${p}Z\n`, `${p}\u0000${p}Z\n`]],
    ['U+0001 and a definition', (p: string) => [`[a]: http://x\n\n${p}[a] 见。\n`, `${p}A\u0001[a] 见。\n`]],
  ] as const)('keeps cached chunks apart when the text holds %s', (_name, make) => {
    const cache = new EditorCache();
    for (const text of make(`${'第'.repeat(2100)}\n\n`)) expect(view(text, cache)).toEqual(view(text));
  });

  // Cutting afresh at each keystroke ties every cut to all the text before it (each is counted from
  // the one before): one character typed moved 148 of this handbook's 191 chunks, and re-parsed them.
  describe('a keystroke re-parses only the chunks around it', () => {
    const body = big.slice(big.indexOf('\n## '));
    let long = big;
    for (let i = 2; long.length < 400_000; i++) long += body.replace(/^## (.*)$/gm, `## $1（续${i}）`);
    const lines = long.split('\n');
    const places = Array.from({ length: 39 }, (_, k) => lines.slice(0, Math.floor((lines.length * (k + 1)) / 40)).join('\n').length + 1 + (k % 5));

    it('moves no cut far from the keystroke', () => {
      let worst = 0;
      for (const at of places) {
        const chunks = new ChunkCache();
        const cut = (t: string) => {
          const index = new LineIndex(t);
          const cuts = chunks.cutsFor('handbook.md', t, index, spanningLines(t, index));
          return cuts.map((s, i) => t.slice(s, cuts[i + 1] ?? t.length));
        };
        let text = long;
        let before = new Set(cut(text));
        for (let n = 0; n < 40; n++) {
          text = text.slice(0, at) + (n % 2 ? 'x' : '文') + text.slice(at);
          const now = cut(text);
          worst = Math.max(worst, now.filter((c) => !before.has(c)).length);
          before = new Set(now);
        }
      }
      expect(worst).toBeLessThanOrEqual(3);
    });

    it('parses the same as a whole parse while typing, new paragraphs and fences included', () => {
      const cache = new EditorCache();
      let text = long.slice(0, 150_000);
      const edits = places.filter((at) => at < 140_000).slice(0, 8).flatMap((at, k) => [[at, '文'], [at, k % 3 ? '\n\n新段落。\n\n' : '\n\n```\n']] as const);
      for (const [at, insert] of edits) {
        text = text.slice(0, at) + insert + text.slice(at);
        expect(view(text, cache, 'handbook.md')).toEqual(view(text));
      }
    });
  });

  it('gives the same result after edits, reusing the cache', () => {
    const cache = new EditorCache();
    let text = big;
    for (const [at, insert] of [[100, '文'], [Math.floor(big.length / 2), '\n\n## 新章节\n\n内容XX小时\n'], [big.length - 50, '```'], [10, '\n\n']] as const) {
      text = text.slice(0, at) + insert + text.slice(at);
      expect(view(text, cache, 'x.md')).toEqual(view(text));
      expect(findings(text, cache)).toEqual(findings(text));
    }
  });

  // A keystroke leaves every chunk but the one it is in as it was: their last parses are taken by
  // where they stand, not looked up by their text (which hashes the whole document again). So even
  // a cache too small to keep any chunk parses only the chunk the edit is in.
  it('parses only the chunk a keystroke is in, whatever the cache keeps', () => {
    const cache = new ChunkCache(1);
    let parses = 0;
    const parse: ChunkParse = (_text, lines) => {
      parses++;
      return emptyParse(lines.lineCount);
    };
    parseInChunks(big, new LineIndex(big), cache, parse, 'x.md');
    expect(parses).toBeGreaterThan(3);
    parses = 0;
    const at = big.indexOf('。', Math.floor(big.length / 2)) + 1;
    const text = `${big.slice(0, at)}文${big.slice(at)}`;
    parseInChunks(text, new LineIndex(text), cache, parse, 'x.md');
    expect(parses).toBe(1);
  });

  it('gives the same result from the last parse as from a whole one', () => {
    const cache = new ChunkCache(1);
    const before = parseMarkdown(big, new LineIndex(big), cache, 'x.md');
    let text = big;
    for (const typed of ['文', '\n\n## 新章节\n', '```']) {
      const at = text.indexOf('。', Math.floor(text.length / 3)) + 1;
      text = `${text.slice(0, at)}${typed}${text.slice(at)}`;
      const after = parseMarkdown(text, new LineIndex(text), cache, 'x.md');
      expect(view(text, { chunks: cache } as EditorCache, 'x.md')).toEqual(view(text));
      expect(after.prose[0]).toBe(before.prose[0]);
    }
  });

  // What the commitments carry over whole (policy/commitment-reuse.ts takeTail) rests on this.
  it('tells which blocks after the edit are the last parse\'s, moved', () => {
    const cache = new ChunkCache();
    const before = parseMarkdown(big, new LineIndex(big), cache, 'x.md');
    const at = big.indexOf('。', Math.floor(big.length / 2)) + 1;
    const text = `${big.slice(0, at)}文字${big.slice(at)}`;
    const after = parseMarkdown(text, new LineIndex(text), cache, 'x.md');
    const moved = blocksMovedFrom(after)!;
    expect(moved.last).toBe(before);
    expect(after.prose[moved.from]!.span.start).toBeGreaterThan(at + 2);
    expect(after.prose.slice(0, moved.from).filter((b) => b.span.start > at).length).toBeLessThan(100);
    expect(after.prose.length - moved.from).toBe(before.prose.length - moved.lastFrom);
    expect(after.prose.length - moved.from).toBeGreaterThan(after.prose.length / 4);
    after.prose.slice(moved.from).forEach((b, k) => {
      const old = before.prose[moved.lastFrom + k]!;
      expect([b.text, b.kind, b.inList, b.inQuote, b.cell, b.span.start, b.span.end]).toEqual([old.text, old.kind, old.inList, old.inQuote, old.cell, old.span.start + 2, old.span.end + 2]);
    });
    // Typed into the last chunk: none is.
    const atEnd = `${text}\n文`;
    expect(blocksMovedFrom(parseMarkdown(atEnd, new LineIndex(atEnd), cache, 'x.md'))).toBeUndefined();
  });

  // What the rules and the commitments read block by block without positions (blanks, vague
  // wording, grid labels, the priority scale) is kept with each chunk's parse.
  it('computes again only the chunk a keystroke is in, by chunk', () => {
    const cache = new ChunkCache();
    const memo: ChunkMemo<string[]> = new WeakMap();
    let computed = 0;
    const texts = (prose: readonly ProseBlock[]) => {
      computed++;
      return prose.map((b) => b.text);
    };
    const before = parseMarkdown(big, new LineIndex(big), cache, 'x.md');
    const chunks = byChunk(before, memo, texts);
    // The sample repeated gives repeated chunks: one parse each, computed once.
    expect(computed).toBe(new Set(chunks.map((c) => c.share.parsed)).size);
    expect(chunks.flatMap((c) => c.value)).toEqual(before.prose.map((b) => b.text));
    computed = 0;
    const at = big.indexOf('。', Math.floor(big.length / 2)) + 1;
    const text = `${big.slice(0, at)}文${big.slice(at)}`;
    const after = parseMarkdown(text, new LineIndex(text), cache, 'x.md');
    const again = byChunk(after, memo, texts);
    expect(computed).toBe(1);
    expect(again.flatMap((c) => c.value)).toEqual(after.prose.map((b) => b.text));
    expect(again.flatMap((c) => c.share.prose)).toEqual(after.prose);
    // A parse not made in chunks is one share, worked out each time.
    computed = 0;
    const whole = emptyParse(1);
    expect(byChunk(whole, memo, texts).map((c) => c.share.prose)).toEqual([whole.prose]);
    byChunk(whole, memo, texts);
    expect(computed).toBe(2);
  });
});
