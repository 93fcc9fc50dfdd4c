// A keystroke in the editor carries the commitments of the blocks it did not
// touch over from the last analysis (policy/commitment-reuse.ts). Here: that
// they are carried (the same records, moved), and that what decides how a
// block is read (a lead-in before a list, a table's header, the headings, a
// line added above) makes it read again, each step equal to a fresh analysis.

import { describe, expect, it, vi } from 'vitest';
import { EditorCache } from '../../server/src/engine/editor-cache';
import { createDocument } from '../../server/src/policy/document';
import { collectCommitments, type CommitmentRecord } from '../../server/src/policy/commitments';
import { CarriedBlocks, sameSections } from '../../server/src/policy/commitment-reuse';
import { changeBetween } from '../../server/src/engine/text-change';

const PATH = '/workspace/sla.md';

const TEXT = [
  '# 客户服务手册',
  '',
  '## 一、热线服务',
  '',
  '热线电话须在20秒内接通。',
  '',
  '投诉处理时限如下：',
  '',
  '- 一般投诉3个工作日内答复',
  '- 重大投诉24小时内答复',
  '',
  '## 二、在线服务',
  '',
  '| 优先级 | 首次响应 |',
  '| --- | --- |',
  '| P1 | 30分钟 |',
  '| P2 | 4小时 |',
  '',
  '在线客服须在60秒内响应。',
  '',
].join('\n');

/** What a record says, with its place: everything a fresh analysis must agree on. */
function plain(records: readonly CommitmentRecord[]) {
  return records.map((r) => JSON.parse(JSON.stringify(r)) as unknown);
}

function analyse(text: string, cache?: EditorCache): CommitmentRecord[] {
  return collectCommitments(createDocument(PATH, text, {}, cache));
}

function edit(text: string, needle: string, typed: string, remove = 0): string {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`no "${needle}" in the text`);
  return text.slice(0, at) + typed + text.slice(at + remove);
}

describe('commitments carried over a keystroke', () => {
  it('are the same records, moved, for the blocks the edit did not touch', () => {
    const cache = new EditorCache();
    const before = analyse(TEXT, cache);
    const online = before.find((r) => r.valueStart === TEXT.indexOf('60秒'))!;
    const typed = edit(TEXT, '热线电话', '全天');
    const after = analyse(typed, cache);
    expect(plain(after)).toEqual(plain(analyse(typed)));
    // The block after the edit was not read again: its record is the one object, two characters on.
    const moved = after.find((r) => r.valueStart === typed.indexOf('60秒'))!;
    expect(moved).toBe(online);
    expect(moved.valueStart).toBe(TEXT.indexOf('60秒') + 2);
  });

  it('are carried under headings the edit left alone, when it changed another heading', () => {
    const cache = new EditorCache();
    const before = analyse(TEXT, cache);
    const hotline = before.find((r) => r.valueStart === TEXT.indexOf('20秒'))!;
    const online = before.find((r) => r.valueStart === TEXT.indexOf('60秒'))!;
    const typed = edit(TEXT, '热线服务', '电话咨询', 2);
    const after = analyse(typed, cache);
    expect(plain(after)).toEqual(plain(analyse(typed)));
    // Under the edited heading the block was read again; under the other one it was carried, moved.
    expect(after.find((r) => r.valueStart === typed.indexOf('20秒'))).not.toBe(hotline);
    expect(after.find((r) => r.valueStart === typed.indexOf('60秒'))).toBe(online);
  });

  it.each([
    ['the lead-in loses its colon', (t: string) => edit(t, '如下：', '如下', 3)],
    ['a table header changes', (t: string) => edit(t, '首次响应', '解决时限', 4)],
    ['a heading changes', (t: string) => edit(t, '在线服务', '网络', 2)],
    ['a line is added above later blocks', (t: string) => edit(t, '热线电话', '\n')],
    ['a list item is typed into', (t: string) => edit(t, '重大投诉', '特别')],
    ['a line is deleted', (t: string) => edit(t, '- 一般投诉', '', '- 一般投诉3个工作日内答复\n'.length)],
    ['text is typed at the end', (t: string) => `${t}\n热线回访须在2个工作日内完成。\n`],
    // A sentence about every time of the document: the blocks before it are read again on its clock.
    ['a clock for the whole document is typed at the end', (t: string) => `${t}\n以上时限均按工作时间计算。\n`],
    ['the document is said to hold only targets', (t: string) => edit(t, '在线客服须', '以上响应时间仅作为目标，并不构成服务承诺。\n\n')],
  ])('equal a fresh analysis when %s', (_what, change) => {
    const cache = new EditorCache();
    analyse(TEXT, cache);
    let text = change(TEXT);
    expect(plain(analyse(text, cache))).toEqual(plain(analyse(text)));
    // And typing on from there.
    text = edit(text, '在线客服', '文');
    expect(plain(analyse(text, cache))).toEqual(plain(analyse(text)));
  });

  it("equal a fresh analysis when a heading added after a scale's levels tells two of them apart", () => {
    // "Medium" alone is the general level; beside "Normal" under the same scale heading, each is a level of its own.
    const levels = '# Prioritization Levels\n\n## Medium\n\nRespond in 4 business hours.\n\n## Urgent\n\nRespond in 1 hour.\n';
    const cache = new EditorCache();
    expect(analyse(levels, cache).map((r) => r.conditions)).toEqual([['general'], ['urgent']]);
    const typed = `${levels}\n## Normal\n\nRespond in 8 business hours.\n`;
    const after = analyse(typed, cache);
    expect(after.map((r) => r.conditions)).toEqual([['priority:medium'], ['urgent'], ['priority:normal']]);
    expect(plain(after)).toEqual(plain(analyse(typed)));
  });

  it('equal a fresh analysis when a glossary typed at the end defines a term the table above uses', () => {
    const table = '# Service levels\n\n| Response Head | Standard |\n| --- | --- |\n| Turn Around Time (TAT) | 2 hrs |\n';
    const cache = new EditorCache();
    expect(analyse(table, cache).map((r) => r.metric)).toEqual([undefined]);
    const typed = `${table}\n## Glossary\n\n| Term | Definition |\n| --- | --- |\n| TAT | The time between the report and the acknowledgment. |\n`;
    const after = analyse(typed, cache);
    expect(after.map((r) => r.metric)).toEqual(['acknowledge']);
    expect(plain(after)).toEqual(plain(analyse(typed)));
  });

  it('are carried over typing at the end of a numbered clause, which leaves the headings as they were', () => {
    let text = edit(edit(TEXT, '热线电话', '1. '), '在线客服', '1. ');
    const cache = new EditorCache();
    const online = analyse(text, cache).find((r) => r.valueStart === text.indexOf('60秒'))!;
    for (const typed of ['，', '节假日', '须在30秒内接通']) {
      text = edit(text, '\n\n投诉处理时限', typed);
      const after = analyse(text, cache);
      expect(plain(after)).toEqual(plain(analyse(text)));
      expect(after.find((r) => r.valueStart === text.indexOf('60秒'))).toBe(online);
    }
  });

  it('equal a fresh analysis when a cell of the last line is typed into, with a cell after it on that line', () => {
    // The last line has no line after it: the cell after the edit moved its columns, so it is read again.
    const table = '# 客户服务手册\n\n## 一、热线服务\n\n热线电话须在20秒内接通。\n\n| 渠道 | 响应 | 解决 |\n| --- | --- | --- |\n| 热线 | 30分钟 | 4小时 |';
    const cache = new EditorCache();
    analyse(table, cache);
    const typed = edit(table, '30分钟', '1');
    const after = analyse(typed, cache);
    expect(after.find((r) => r.valueStart === typed.indexOf('4小时'))?.valuePlace.column).toBe(16);
    expect(plain(after)).toEqual(plain(analyse(typed)));
  });

  // A section removed puts the ones after it under another parent, with the same names: their
  // blocks must be read under the new headings, not carried over as if nothing above had moved.
  it('are read again when a section after the edit comes under another parent', () => {
    const text = ['# 客户服务标准', '', '## 热线服务', '', '### 响应时限', '', '首次响应不超过2小时。', '', '## 在线服务', '', '### 响应时限', '', '首次响应不超过30分钟。', ''].join('\n');
    const cache = new EditorCache();
    const before = analyse(text, cache);
    const typed = edit(text, '## 在线服务', '', '## 在线服务\n\n'.length);
    const after = analyse(typed, cache);
    const fresh = analyse(typed);
    expect(plain(after)).toEqual(plain(fresh));
    // The record under the moved section reads its new parent's channel, not the old one.
    const moved = (records: CommitmentRecord[], t: string) => records.find((r) => r.valueStart === t.indexOf('30分钟'))!;
    expect(moved(after, typed).channel).not.toBe(moved(before, text).channel);
  });

  // A clause that stops being one (a character typed before its number) changes the children and
  // section ends of every entry that holds it, and not the heading of any line before it, nor
  // after it: only the lines between the clause before and the one after are looked at again.
  it('are looked up again only around an entry the edit removed', () => {
    const text = ['# 客户服务标准', '', '## 一、热线服务', '', '热线电话须在20秒内接通。', '', '1. 一般投诉3个工作日内答复', '2. 重大投诉24小时内答复', '3. 回访须在2个工作日内完成', '', '## 二、在线服务', '', '在线客服须在60秒内响应。', ''].join('\n');
    const cache = new EditorCache();
    const before = createDocument(PATH, text, {}, cache);
    collectCommitments(before);
    const typed = edit(text, '2. 重大', '文');
    const after = createDocument(PATH, typed, {}, cache);
    expect(after.outline.entries.length).toBe(before.outline.entries.length - 1);
    const { until, from } = sameSections(before.outline.entries, after, changeBetween(text, typed));
    expect(until).toBe(typed.indexOf('文2. '));
    expect(from).toBe(typed.indexOf('3. 回访'));
    expect(plain(collectCommitments(after))).toEqual(plain(analyse(typed)));
  });

  // A record carried over keeps the scope it was given, unless what settles scopes changed: a
  // promise for the rest of the time makes the normal regime ("工作日") part of another's scope.
  it('keep their scopes, and are settled again when a promise under another regime comes', () => {
    const text = ['# 客户服务标准', '', '## 热线服务', '', '工作日热线电话须在20秒内接通。', '', '## 在线服务', '', '在线客服须在60秒内响应。', ''].join('\n');
    const cache = new EditorCache();
    const hotline = (records: CommitmentRecord[], t: string) => records.find((r) => r.valueStart === t.indexOf('20秒'))!;
    const record = hotline(analyse(text, cache), text);
    const scope = record.scope;
    const typed = edit(text, '在线客服', '文');
    const after = analyse(typed, cache);
    expect(hotline(after, typed)).toBe(record);
    expect(record.scope).toBe(scope);
    // Records are changed in place: the record's scope as it was is a copy.
    const workday = { ...scope };
    const holidays = edit(typed, '## 在线服务', '节假日热线电话须在60秒内接通。\n\n');
    const settled = analyse(holidays, cache);
    expect(plain(settled)).toEqual(plain(analyse(holidays)));
    expect(hotline(settled, holidays)).toBe(record);
    expect(record.scope).not.toEqual(workday);
  });

  // The blocks after the edit that the parse says are the last ones, moved (engine/chunks.ts
  // blocksMovedFrom), are carried over whole: a keystroke in the middle of a long document looks
  // at the blocks between the edit and the next chunk one by one, not at the thousands after it.
  it('are carried over whole after the edit, not looked at block by block', () => {
    const chapter = TEXT.slice(TEXT.indexOf('## '));
    const long = `# 客户服务手册\n\n${Array.from({ length: 200 }, (_, i) => chapter.replace(/## (.)、/g, `## $1、（${i}）`)).join('\n')}`;
    const cache = new EditorCache();
    const before = analyse(long, cache);
    const oldIndex = vi.spyOn(CarriedBlocks.prototype, 'oldIndex');
    const typed = edit(long, '在线客服须在60秒内响应', '文', 0);
    const after = analyse(typed, cache);
    const blocks = createDocument(PATH, typed).md.prose.length;
    expect(oldIndex.mock.calls.length).toBeLessThan(blocks / 10);
    oldIndex.mockRestore();
    expect(plain(after)).toEqual(plain(analyse(typed)));
    expect(after.at(-1)).toBe(before.at(-1));
  });
});
