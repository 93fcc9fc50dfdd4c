// After a keystroke the editor moves the last outline instead of building it
// again, when the edit leaves its structure as it was (engine/outline-moved.ts).
// Each case edits a long handbook once: the outline must equal a fresh build,
// and it must have been moved (its entries before the edit are the last
// outline's objects) exactly when the case says so.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../server/src/engine/document';
import { EditorCache } from '../../server/src/engine/editor-cache';
import type { Outline } from '../../server/src/engine/outline';
import { sameEntries, sameTitledEntries } from '../../server/src/engine/outline-change';
import { outlineMovedFrom } from '../../server/src/engine/outline-moved';
import { changeBetween } from '../../server/src/engine/text-change';
import { forgetDocument } from '../../server/src/lint/project';
import { REPO_ROOT } from '../helpers/cli';

const PATH = '/workspace/handbook.md';

/** The handbook with its chapters twice more: its table of contents at the top, most of its lines far below it. */
const HANDBOOK = (() => {
  const sample = readFileSync(join(REPO_ROOT, 'samples/clean/customer-service-handbook.md'), 'utf8');
  const body = sample.slice(sample.indexOf('\n## '));
  return sample + body.replace(/^## (.*)$/gm, '## $1（续）') + body.replace(/^## (.*)$/gm, '## $1（再续）');
})();

/** `text` with `typed` put at `offset` of the first `needle` after `from`, replacing `remove` characters. */
function edit(needle: string, typed: string, { offset = 0, remove = 0, from = '（续）' } = {}): (text: string) => string {
  return (text) => {
    const at = text.indexOf(needle, text.indexOf(from)) + offset;
    if (at < offset || text.indexOf(from) < 0) throw new Error(`no "${needle}" after "${from}" in the handbook`);
    return text.slice(0, at) + typed + text.slice(at + remove);
  };
}

function plain(outline: Outline) {
  return {
    entries: outline.entries.map((e) => ({ ...e, marker: e.marker && { ...e.marker } })),
    toc: outline.toc,
    children: outline.entries.map((e) => outline.childrenOf(e.index).map((c) => c.index)),
    roots: outline.childrenOf(-1).map((c) => c.index),
  };
}

const sentence = '客户';
const clause = '一般工单';

/** Each case edits the handbook (`edit`), or edits it once more after that (`then`): the outline after the last edit is checked. */
const CASES: { name: string; edit: (text: string) => string; then?: (text: string) => string; moved: boolean }[] = [
  { name: 'a character typed in a paragraph', edit: edit(sentence, '文'), moved: true },
  { name: 'a character typed in a numbered clause', edit: edit(clause, '文', { offset: 2 }), moved: true },
  { name: 'a heading renamed', edit: edit('## 第', '新', { offset: 8 }), moved: true },
  { name: 'a line broken in two', edit: edit(sentence, '\n', { offset: 1 }), moved: true },
  { name: 'a blank line added before a heading', edit: edit('\n## 第', '\n'), moved: true },
  { name: 'a character replaced', edit: edit(sentence, '顾', { remove: 1 }), moved: true },
  { name: 'a paragraph deleted', edit: edit('外包服务供应商', '', { remove: '外包服务供应商代表公司向客户提供服务的，应在服务合同中约定其遵守本手册。\n\n'.length }), moved: true },
  { name: 'a word typed on a new line under a paragraph', edit: edit('### 1.3', '文\n\n'), moved: true },
  { name: 'the one paragraph of a section deleted', edit: edit('公司秉持', '', { remove: [...'公司秉持“客户至上、专业高效、言出必行”的服务理念，以可衡量的服务承诺接受客户监督。客户服务人员应做到首问负责、限时办结、闭环管理，不推诿、不拖延、不敷衍。\n\n'].length }), moved: true },
  { name: 'a body typed under the last heading, at the end', edit: (t) => `${t}\n## 附则\n`, then: (t) => `${t}\n本规范自发布之日起施行。`, moved: true },
  { name: 'a heading added', edit: edit('\n## 第', '\n## 新的一章\n'), moved: true },
  { name: 'a list item turned into a continuation line', edit: edit('\n2. ', '文', { offset: 1 }), moved: true },
  { name: 'a clause numbered', edit: edit(sentence, '\n（一）'), moved: true },
  { name: 'a chapter made one level deeper', edit: edit('\n## 第', '#', { offset: 1 }), moved: true },
  { name: 'a section numbered in another style', edit: edit('### 2.1 ', '### 二、', { remove: 8 }), moved: true },
  { name: 'the first number of a list deleted (its later items join the paragraph)', edit: edit('\n1. ', '', { offset: 1, remove: 3 }), moved: false },
  { name: 'a setext underline typed under a paragraph', edit: edit(sentence, '\n---\n', { offset: 4 }), moved: false },
  { name: 'a code fence opened', edit: edit('\n## 第', '\n```\n'), moved: false },
  { name: 'a character typed where the table of contents is looked for', edit: edit('目录', '文', { from: '' }), moved: false },
];

describe('the outline after a keystroke', () => {
  it.each(CASES)('$name', ({ edit: apply, then, moved }) => {
    const cache = new EditorCache();
    const start = then ? apply(HANDBOOK) : HANDBOOK;
    const before = parseDocument(PATH, start, {}, cache).outline;
    const text = (then ?? apply)(start);
    expect(text).not.toBe(start);
    const after = parseDocument(PATH, text, {}, cache).outline;
    expect(plain(after)).toEqual(plain(parseDocument(PATH, text).outline));
    expect(after.entries.some((e, i) => e === before.entries[i])).toBe(moved);
    // What moving it told of the two outlines is what comparing them entry by entry says.
    const told = outlineMovedFrom(after);
    expect(told === undefined).toBe(!moved);
    const change = changeBetween(start, text);
    if (told?.sameTitles !== undefined) expect(told.sameTitles).toBe(sameTitledEntries(before.entries, after.entries, change));
    if (told?.sameEntries !== undefined) expect(told.sameEntries).toBe(sameEntries(before.entries, after.entries, change));
  });

  // What the commitments read of it: whether every line stands under headings that read as before.
  it.each([
    ['a line broken in two', edit(sentence, '\n', { offset: 1 }), true],
    ['a character typed in a numbered clause', edit(clause, '文', { offset: 2 }), true],
    ['a heading renamed', edit('## 第', '新', { offset: 8 }), false],
    ['a heading added', edit('\n## 第', '\n## 新的一章\n'), false],
  ] as const)('names every section as before after %s: %s', (_name, apply, named) => {
    const cache = new EditorCache();
    const before = parseDocument(PATH, HANDBOOK, {}, cache).outline;
    const after = parseDocument(PATH, apply(HANDBOOK), {}, cache).outline;
    const moved = outlineMovedFrom(after);
    expect(moved?.from === before.entries && moved.sectionsNamed).toBe(named);
  });

  // Re-nesting from the edit on stops at the first entry after it when the entries open there
  // are the ones open before: the rest nests as it did, and is moved (its children kept).
  it('moves the rest of a re-nested outline once it nests as before', () => {
    const cache = new EditorCache();
    const before = parseDocument(PATH, HANDBOOK, {}, cache).outline;
    const text = edit('### 2.1 ', '### 二、', { remove: 8 })(HANDBOOK);
    const after = parseDocument(PATH, text, {}, cache).outline;
    expect(plain(after)).toEqual(plain(parseDocument(PATH, text).outline));
    expect(outlineMovedFrom(after)?.sectionsNamed).toBe(false);
    let last = after.entries.length - 1;
    while (after.entries[last]!.children.length === 0) last--;
    expect(after.entries[last]!.children).toBe(before.entries[last]!.children);
  });

  it('is the last one again when the text comes back', () => {
    const cache = new EditorCache();
    const first = parseDocument(PATH, HANDBOOK, {}, cache).outline;
    const typed = edit(sentence, '文')(HANDBOOK);
    parseDocument(PATH, typed, {}, cache);
    const back = parseDocument(PATH, HANDBOOK, {}, cache).outline;
    expect(plain(back)).toEqual(plain(first));
    expect(parseDocument(PATH, HANDBOOK, {}, cache).outline).toBe(back);
  });

  it('is built afresh once the document was closed', () => {
    const cache = new EditorCache();
    const before = parseDocument(PATH, HANDBOOK, {}, cache).outline;
    forgetDocument(cache, PATH);
    const after = parseDocument(PATH, edit(sentence, '文')(HANDBOOK), {}, cache).outline;
    expect(after.entries.some((e, i) => e === before.entries[i])).toBe(false);
  });
});
