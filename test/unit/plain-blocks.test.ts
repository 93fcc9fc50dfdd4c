// The plain-prose fast path against a whole remark parse. What the parse gives
// (headings, prose with its map back to the source, list items, comments,
// markup lines, front matter) must be identical for any text, so fast-check
// builds documents from the markup that could fool the path: block markers,
// inline markup, HTML blocks that span blank lines, setext underlines,
// definitions, trailing spaces, odd whitespace and line endings. The same
// comparison over the samples is here, and over every corpus file in
// test/corpus-chunks.test.ts.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EditorCache } from '../../server/src/engine/editor-cache';
import { parseWhole } from '../../server/src/engine/markdown';
import { parseWithPlainBlocks } from '../../server/src/engine/plain-blocks';
import { LineIndex } from '../../server/src/engine/position';
import { REPO_ROOT } from '../helpers/cli';
import { view } from '../helpers/parse-view';

const SEED = 20261201;
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);

const PLAIN = ['第一条 为规范服务，制定本制度。', '热线电话须在20秒内接通。', '2024年1月1日起施行', '1.5小时内答复', '　　第二条 缩进的条文', 'We reply within 2 days!', 'a > b, c ~ d', '9:00~18:00', '#hashtag', '第三条\t内容', '（一）受理', '😀', '\u200B零宽'];
const HEADINGS = ['# 客户服务手册', '## 第一章 总则', '###### 六级', '####### 七个', '#\t制表符', '# 结尾 #', '# 两个空格  ', '#', '   # 缩进', '    # 代码', '## a # b'];
const BLOCKS = ['- 列表', '- **粗体**', '-  两个空格', '-\t制表', '- ', '-', '1.', '- 1. 嵌套', '- # 标题', '+ 加号二', '3) 第三', '999999999. 大', '1234567890. 太大', '* 星号', '+ 加号', '1. 第一', '1) 第一', '2. 第二', '10. 十', '  - 二级', '    缩进代码', '\t制表缩进', '> 引用', '>> 嵌套', '> - 引用列表', '===', '---', '***', '___', '- - -', ':--', '| a | b |', '| - | - |', 'a | b', '--|--'];
const FENCES = ['```', '```md', '~~~', '````', '  ```', '    ```', '> ```'];
const HTML = ['<!-- 注释 -->', '<!-- INFO END -->', '<!-- a --> 文字 <!-- b -->', '<!-- x --><table><tr><td>20秒</td></tr></table>', '<!-->', '<!--->', '<!---->', ' <!-- 缩进 -->', '文字<!-- 行内 -->', '<!--', '-->', '文字 <!-- 行内', '<pre>', '</pre>', '<script>', '</script>', '<style>x</style>', '<?php', '?>', '<!DOCTYPE html>', '<!X', '<![CDATA[', ']]>', '<div>', '</div>', '<table><tr><td>20秒</td></tr></table>', '<br>', '- <pre>'];
const INLINE = ['**粗体**', '*强调*', '_下划线_', '`代码`', '[链接](http://x)', '![图](x.png)', '[a]: http://x', '[a]', '[a][]', '[a\\]b]: http://x', '见 [a\\]b] 条', '[&auml;]: /u', '[&auml;]', '[Foo  Bar]: /u', '[foo bar]', '[ü]', '&amp;', '&', '\\*转义', '结尾两空格  ', '结尾反斜杠\\', '结尾制表\t', '<http://x>', 'a@b.com', '【公司名称】', '____'];
const FRONT = ['---\nkind: handbook\n---', '---\ntitle: 承诺书\n', '---\n段落\n---', '...'];
const ODD = ['\u0000', '\uFEFF', '\u3000', '\u00A0', '\u2028', '\u0085', '\f', '\v', '\r', '\t', ' ', '   '];

const line = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...PLAIN) },
  { weight: 3, arbitrary: fc.constantFrom(...HEADINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...BLOCKS) },
  { weight: 2, arbitrary: fc.constantFrom(...FENCES) },
  { weight: 2, arbitrary: fc.constantFrom(...HTML) },
  { weight: 2, arbitrary: fc.constantFrom(...INLINE) },
  { weight: 1, arbitrary: fc.constantFrom(...FRONT) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...PLAIN, ...INLINE, ...ODD), { minLength: 1, maxLength: 4 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  // A run of list items of one marker, mostly plain, sometimes not.
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom('- ', '* ', '+ ', '1. ', '1) ', '2. ', '0. '), fc.array(fc.constantFrom(...PLAIN.slice(0, 6), '**粗**', ' 缩进', '- 嵌套'), { minLength: 1, maxLength: 4 }))
      .map(([marker, items]) => items.map((item) => marker + item).join('\n')),
  },
);
const eol = fc.constantFrom('\n', '\n', '\n\n', '\n\n', '\r\n', '\r\n\r\n', '\r', '\n  \n', '\n\t\n', '\n\u3000\n');
const documentText = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(line, eol), { maxLength: 40 }), fc.boolean())
  .map(([bom, parts, endsWithBreak]) => {
    const text = (bom ? '\uFEFF' : '') + parts.map(([l, e]) => l + e).join('');
    return endsWithBreak ? text : text.replace(/[\r\n]+$/, '');
  });

const samples = readdirSync(join(REPO_ROOT, 'samples'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));

describe('the plain-prose fast path', () => {
  it('gives what a whole remark parse gives, for generated documents', () => {
    fc.assert(
      fc.property(documentText, (text) => {
        expect(view(text, new EditorCache())).toEqual(view(text));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('gives the same for generated documents long enough to be cut into chunks', () => {
    fc.assert(
      fc.property(fc.array(documentText, { minLength: 2, maxLength: 6 }), (parts) => {
        const text = parts.map((p) => `${p}\n\n${PLAIN.join('\n\n').repeat(4)}\n\n`).join('');
        expect(view(text, new EditorCache())).toEqual(view(text));
      }),
      { seed: SEED, numRuns: Math.ceil(RUNS / 8) },
    );
  });

  // Found by the properties above; kept as plain cases.
  it.each([
    ['two byte-order marks', `\uFEFF\uFEFF第一条 为规范服务。\n\n${'正文。\n\n'.repeat(500)}`],
    ['a list after a BOM, continued after a blank line', '\uFEFF* 第一条\n续行\n\t\n* 第二条'],
    ['an unclosed fence in a list item, then prose', '- 列表\n    ```\n\n第一条 为规范'],
    ['a comment that may close itself, then a fence', '<!--->\n```\n<!-- 注释 -->\n第一条\n\n第二条'],
  ])('gives the same for %s', (_name, text) => {
    expect(view(text, new EditorCache())).toEqual(view(text));
  });

  it.each(samples)('gives the same for samples/%s', (name) => {
    const text = readFileSync(join(REPO_ROOT, 'samples', name), 'utf8');
    expect(view(text, new EditorCache())).toEqual(view(text));
  });

  // Which parts remark is given: none for plain prose and plain headings, and
  // the other blocks in runs, so that a list keeps its continuation lines, each
  // with the line after it (what remark needs to see to end it there).
  const remarkParts: [string, string, string[]][] = [
    ['plain prose and headings', '# 手册\n\n第一条 内容。\n续行。\n## 第二章\n第二条 内容。\n', []],
    ['a list between paragraphs', '第一条 内容。\n\n- 一\n- 二\n\n  续\n\n第二条 内容。\n', ['- 一\n- 二\n\n  续\n\n第二条 内容。']],
    ['tight lists between paragraphs', '正文。\n\n- 一\n- 二\n\n正文。\n\n1. 甲\n2. 乙\n\n正文。\n', []],
    ['an ordered list that starts at 3', '正文。\n\n3. 丙\n4. 丁\n', ['3. 丙\n4. 丁\n']],
    ['a list the next block continues', '- 一\n- 二\n\n  续\n', ['- 一\n- 二\n\n  续\n']],
    ['two blocks of one loose list', '- 一\n\n- 二\n', ['- 一\n\n- 二\n']],
    ['one-line comments', '<!-- 说明 -->\n\n正文。\n<!-- policylint-disable-line -->\n', []],
    ['a table and a comment in a quote', '正文。\n\n| a | b |\n| - | - |\n\n> <!-- 引用 -->\n', ['| a | b |\n| - | - |\n\n> <!-- 引用 -->\n']],
    ['a fence with blank lines and prose inside', '正文。\n\n```\n\n不是正文\n\n```\n\n正文。\n', ['```\n\n不是正文\n\n```\n\n正文。']],
    ['a setext heading', '标题\n===\n\n正文。\n', ['标题\n===\n\n正文。']],
    ['front matter', '---\nkind: sla\n---\n\n正文。\n', ['---\nkind: sla\n---\n\n正文。']],
    ['a definition anywhere', '正文。\n\n[a]: http://x\n', ['正文。\n\n[a]: http://x\n']],
  ];
  it.each(remarkParts)('gives remark only the blocks that need it: %s', (_name, text, expected) => {
    const parts: string[] = [];
    const parsed = parseWithPlainBlocks(text, new LineIndex(text), (part, lines, atStart) => {
      parts.push(part);
      return parseWhole(part, lines, atStart);
    });
    expect(parts).toEqual(expected);
    expect(view(text)).toMatchObject({ prose: parsed.prose.map((b) => ({ kind: b.kind, span: b.span, text: b.text })) });
  });
});
