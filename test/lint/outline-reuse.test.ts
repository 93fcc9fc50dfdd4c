// The editor carries the findings of the rules that read only the outline over
// a keystroke that leaves the outline as it was (lint/outline-reuse.ts). Here:
// that it does carry them (the rule is not run again), that anything the rules
// read makes them run again, and that what is carried, fixes included, is what
// a fresh analysis finds.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EditorCache } from '../../server/src/engine/editor-cache';
import { lintText, type LintOptions } from '../../server/src/lint/linter';
import { changeBetween } from '../../server/src/engine/text-change';
import { RULES } from '../../server/src/rules';
import { defineRule, type DocumentRule } from '../../server/src/rules/contract';
import { REPO_ROOT } from '../helpers/cli';
import { testRuleMeta } from '../helpers/rule';

const PATH = '/workspace/handbook.md';

/** A rule that reads the outline only (or its titled entries), and counts how often it ran. */
function countingRule(reads: 'outline' | 'titles' = 'outline'): { rule: DocumentRule; runs: () => number } {
  let runs = 0;
  const rule = defineRule({
    id: `test-${reads}`,
    reads,
    meta: testRuleMeta({ heading: { en: 'heading {title}', 'zh-CN': '标题{title}' } }, 'suggestion'),
    check(context) {
      runs++;
      // Honest to what it declares: a rule that reads the titled entries reports only on them, and
      // of a numbered clause that names no section, a rule reads where it starts, not its text.
      for (const e of context.doc.outline.entries.filter((x) => reads === 'outline' || x.titleLike)) {
        const span = e.titleLike ? e.span : { start: e.span.start, end: e.titleSpan.start };
        context.report({ ...span, messageId: 'heading', data: { title: e.titleLike ? e.title : '' }, fixes: () => [{ kind: 'suggestion', title: 'x', edits: [{ ...e.titleSpan, text: e.title }] }] });
      }
    },
  }) as DocumentRule;
  return { rule, runs: () => runs };
}

const TEXT = ['# 客户服务手册', '', '<!-- 说明 -->', '', '## 一、总则', '', '本手册适用于全体客服人员。', '', '## 二、服务渠道', '', '热线电话须在20秒内接通。', ''].join('\n');

function insertAt(text: string, needle: string, typed: string): string {
  const at = text.indexOf(needle);
  return text.slice(0, at) + typed + text.slice(at);
}

describe('outline findings carried over a keystroke', () => {
  it('are carried over an edit in a paragraph, moved, and their fixes rebuilt for the new text', () => {
    const { rule, runs } = countingRule();
    const cache = new EditorCache();
    const options: LintOptions = { cache, rules: [rule] };
    lintText(PATH, TEXT, options);
    const typed = insertAt(TEXT, '本手册', '文');
    const carried = lintText(PATH, typed, options).findings;
    expect(runs()).toBe(1);
    const fresh = lintText(PATH, typed, { rules: [countingRule().rule] }).findings;
    expect(carried).toEqual(fresh);
    expect(carried.find((f) => f.data?.title === '服务渠道')!.start).toBe(typed.indexOf('二、服务渠道'));
    // Reading a carried finding's fixes runs the rule once on the new text.
    expect(carried.map((f) => f.fixes)).toEqual(fresh.map((f) => f.fixes));
    expect(runs()).toBe(2);
  });

  // Moved in place: the same objects, keystroke after keystroke, with fixes for the text of each.
  it('are the same findings, moved again at each keystroke, their fixes built for the text of the last', () => {
    const { rule } = countingRule();
    const cache = new EditorCache();
    const options: LintOptions = { cache, rules: [rule] };
    const first = lintText(PATH, TEXT, options).findings;
    const once = insertAt(TEXT, '本手册', '文');
    const carried = lintText(PATH, once, options).findings;
    const heading = carried.find((f) => f.data?.title === '服务渠道')!;
    expect(heading.fixes[0]!.edits[0]!.start).toBe(once.indexOf('服务渠道'));
    const twice = insertAt(once, '本手册', '字');
    const again = lintText(PATH, twice, options).findings;
    expect(again.find((f) => f.data?.title === '服务渠道')).toBe(heading);
    expect(heading.start).toBe(twice.indexOf('二、服务渠道'));
    expect(heading.fixes[0]!.edits[0]!.start).toBe(twice.indexOf('服务渠道'));
    expect(again).toEqual(lintText(PATH, twice, { rules: [countingRule().rule] }).findings);
    expect(again.map((f) => f.fixes)).toEqual(lintText(PATH, twice, { rules: [countingRule().rule] }).findings.map((f) => f.fixes));
    expect(first.length).toBe(again.length);
  });

  it.each([
    ['a heading is edited', (t: string) => insertAt(t, '服务渠道', '客户')],
    ['a line is added before a heading', (t: string) => insertAt(t, '本手册', '\n')],
    ['an inline comment is edited', (t: string) => insertAt(t, '说明', 'policylint-disable ')],
    ['a numbered line appears', (t: string) => insertAt(t, '本手册', '三、')],
  ])('run again when %s', (_what, edit) => {
    const { rule, runs } = countingRule();
    const options: LintOptions = { cache: new EditorCache(), rules: [rule] };
    lintText(PATH, TEXT, options);
    const edited = edit(TEXT);
    expect(lintText(PATH, edited, options).findings).toEqual(lintText(PATH, edited, { rules: [countingRule().rule] }).findings);
    expect(runs()).toBe(2);
  });

  it('of a rule that reads the titled entries only are carried over when a numbered clause goes', () => {
    const outline = countingRule('outline');
    const titles = countingRule('titles');
    const options: LintOptions = { cache: new EditorCache(), rules: [outline.rule, titles.rule] };
    const text = TEXT.replace('本手册适用于全体客服人员。', '1. 本手册适用于全体客服人员。\n2. 客服人员须持证上岗。');
    lintText(PATH, text, options);
    // The typed character makes the second item a continuation of the first: one numbered entry fewer, no title changed.
    const typed = insertAt(text, '2. 客服', '文');
    const carried = lintText(PATH, typed, options).findings;
    expect(outline.runs()).toBe(2);
    expect(titles.runs()).toBe(1);
    // Comparing reads the carried findings' fixes, which runs the rule once more to build them.
    expect(carried).toEqual(lintText(PATH, typed, { rules: [countingRule('outline').rule, countingRule('titles').rule] }).findings);
  });

  it('are carried over typing in a numbered clause that names no section, at its end too', () => {
    const { rule, runs } = countingRule();
    const options: LintOptions = { cache: new EditorCache(), rules: [rule] };
    let text = TEXT.replace('本手册适用于全体客服人员。', '1. 本手册适用于全体客服人员，包括外包团队与临时借调人员。\n2. 客服人员须持证上岗，并每年参加不少于两次的业务培训。');
    expect(lintText(PATH, text, options).findings.filter((f) => f.data?.title === '')).toHaveLength(2);
    for (const [needle, typed] of [['外包', '所有'], ['。\n2. 客服', '（含兼职）'], ['业务培训', '专项']]) {
      text = insertAt(text, needle!, typed!);
      const ran = runs();
      const carried = lintText(PATH, text, options).findings;
      expect(runs()).toBe(ran);
      // Comparing reads the carried findings' fixes, which runs the rule once more to build them.
      expect(carried).toEqual(lintText(PATH, text, { rules: [countingRule().rule] }).findings);
    }
  });

  it('run again under another config or locale', () => {
    const { rule, runs } = countingRule();
    const cache = new EditorCache();
    lintText(PATH, TEXT, { cache, rules: [rule], config: {} });
    lintText(PATH, insertAt(TEXT, '本手册', '文'), { cache, rules: [rule], config: {} });
    expect(runs()).toBe(2);
    const config = {};
    lintText(PATH, TEXT, { cache, rules: [rule], config });
    lintText(PATH, TEXT, { cache, rules: [rule], config, locale: 'en' });
    expect(runs()).toBe(4);
    lintText(PATH, insertAt(TEXT, '本手册', '文'), { cache, rules: [rule], config, locale: 'en' });
    expect(runs()).toBe(4);
  });

  it('equal a fresh analysis with the real rules on a document full of numbering and TOC findings', () => {
    const sample = readFileSync(join(REPO_ROOT, 'samples/clean/customer-service-handbook.md'), 'utf8');
    const body = sample.slice(sample.indexOf('\n## '));
    let text = sample + body.replace(/^## (.*)$/gm, '## $1（续）');
    const cache = new EditorCache();
    lintText(PATH, text, { cache });
    const at = text.indexOf('\n', text.length >> 1) + 1;
    for (const typed of ['文', '。', '2小时内', 'x']) {
      text = text.slice(0, at) + typed + text.slice(at);
      const carried = lintText(PATH, text, { cache }).findings;
      const fresh = lintText(PATH, text).findings;
      expect(carried.filter((f) => RULES.find((r) => r.id === f.ruleId)?.reads === 'outline').length).toBeGreaterThan(0);
      expect(carried).toEqual(fresh);
    }
  });

  it('run again after an edit in a stretch of text the rule read besides the outline (the clause where a number is missing)', () => {
    const text = ['# 热线管理办法', '', '第一条 服务对象有下列行为之一的，依法处理：', '', '（一）反复占用热线资源的；', '', '骚扰热线工作人员的；', '', '（三）扰乱热线工作秩序的。'].join('\n');
    const cache = new EditorCache();
    const numbering = (t: string, options: LintOptions = {}) => lintText(PATH, t, options).findings.filter((f) => f.ruleId === 'numbering').map((f) => f.messageId);
    expect(numbering(text, { cache })).toEqual(['unnumbered']);
    // The bare clause no longer ends as its neighbours do: the finding is the gap at （三）.
    const typed = text.replace('工作人员的；', '工作人员的；另见附件');
    expect(numbering(typed, { cache })).toEqual(['gap']);
    expect(numbering(typed, { cache })).toEqual(numbering(typed));
  });
});

describe('the change between two texts', () => {
  it('moves offsets after the change, keeps those before, and knows none at or inside it', () => {
    const change = changeBetween('abcdef', 'abXYdef');
    expect([0, 1, 2, 3, 4, 5, 6].map((o) => change.map(o))).toEqual([0, 1, undefined, undefined, 5, 6, 7]);
  });

  it('treats an insertion point as inside the change', () => {
    const change = changeBetween('abcd', 'abXcd');
    expect([1, 2, 3].map((o) => change.map(o))).toEqual([1, undefined, 4]);
  });

  it('is the identity for the same text, and finds changes across its compared blocks', () => {
    expect(changeBetween('same', 'same').map(4)).toBe(4);
    const long = 'a'.repeat(70_000) + 'b'.repeat(70_000);
    const edited = long.slice(0, 65_600) + 'Z' + long.slice(65_600);
    const change = changeBetween(long, edited);
    expect(change.map(65_599)).toBe(65_599);
    expect(change.map(65_600)).toBeUndefined();
    expect(change.map(65_601)).toBe(65_602);
    expect(change.map(140_000)).toBe(140_001);
  });
});
