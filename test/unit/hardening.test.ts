// Hostile input at the engine's level (issue 18): what must hold however
// large or deep a document is. CLI-level cases are in test/reliability.test.ts,
// growth in time in test/linear-time.test.ts.

import { describe, expect, it, vi } from 'vitest';
import type { AnalyseOutcome, AnalyseTask } from '../../server/src/cli/analyse-file';
import { analyseAll, threadCount } from '../../server/src/cli/pool';
import { OutlineMemo } from '../../server/src/engine/outline';
import { lintText } from '../../server/src/lint/linter';
import { createDocument } from '../../server/src/policy/document';
import { isSectionLevel } from '../../server/src/engine/outline';

const task = (name: string): AnalyseTask => ({ file: name, display: name, config: {}, maxBytes: 1e7, fix: false, fixDryRun: false, roots: [] });

describe('isolation', () => {
  it('a file whose analysis overflows the stack becomes one internal-error finding; the others keep their results', async () => {
    const healthy = (t: AnalyseTask): AnalyseOutcome => ({
      display: t.display,
      notes: [],
      analysis: { path: t.display, kind: null, kindSource: 'none', language: 'en', locale: 'en', findings: [], commitments: [], disables: [] },
    });
    const analyse = async (t: AnalyseTask) => {
      if (t.display === 'deep.md') throw new RangeError('Maximum call stack size exceeded');
      return healthy(t);
    };
    const outcomes = await analyseAll([task('a.md'), task('deep.md'), task('b.md')], 1, undefined, analyse);
    expect(outcomes.map((o) => o.analysis?.path)).toEqual(['a.md', 'deep.md', 'b.md']);
    expect(outcomes[0]!.analysis!.findings).toEqual([]);
    expect(outcomes[1]!.analysis!.findings.map((f) => f.ruleId)).toEqual(['internal-error']);
    expect(outcomes[1]!.analysis!.findings[0]!.message).toContain('RangeError');
    expect(outcomes[2]!.analysis!.findings).toEqual([]);
  });

  it.each([
    ['blockquotes', '>'.repeat(20_000) + ' 本说明适用于【公司名称】。\n'],
    ['lists', '- '.repeat(10_000) + '本说明适用于【公司名称】。\n'],
    ['mixed', '> - '.repeat(5_000) + '本说明适用于【公司名称】。\n'],
  ])('a nest of %s thousands deep is linted, its placeholder found', (_name, text) => {
    const ids = lintText('deep.md', text).findings.map((f) => f.ruleId);
    expect(ids).not.toContain('internal-error');
    expect(ids).toContain('document-limit');
    expect(ids).toContain('placeholder');
  });
});

describe('threads', () => {
  it('never more than the cores, and no more than the files keep busy', () => {
    expect(threadCount(64, 1000, 2)).toBe(2);
    expect(threadCount(undefined, 1000, 8)).toBe(8);
    // 30 files keep three threads busy (twelve files a thread); a request for none still gets one.
    expect(threadCount(8, 30, 8)).toBe(3);
    expect(threadCount(0, 30, 8)).toBe(1);
  });

  it('unasked, no more threads than the size of the files pays for; asked, as many as asked', () => {
    const MB = 1024 * 1024;
    expect(threadCount(undefined, 684, 2, 11 * MB)).toBe(1);
    expect(threadCount(undefined, 684, 2, 40 * MB)).toBe(2);
    expect(threadCount(undefined, 684, 8, 40 * MB)).toBe(2);
    expect(threadCount(2, 684, 2, 11 * MB)).toBe(2);
  });
});

describe('editor cache', () => {
  it("keeps no long line's outline reading, and forgets all readings once over its budget", () => {
    const memo = new OutlineMemo(1000);
    const read = () => 1 as const;
    memo.remember(memo.plain, '客服'.repeat(4096), read);
    expect(memo.plain.size).toBe(0);
    for (let i = 0; i < 40; i++) memo.remember(memo.plain, `第${i}条 服务热线全天开放`, read);
    expect(memo.plain.size).toBe(40);
    memo.trim();
    expect(memo.plain.size).toBe(0);
  });
});

describe('outline', () => {
  it('isSectionLevel agrees with counting siblings by hand', () => {
    const text = ['# 手册', '一、总则', '内容。', '二、渠道', '（一）身份证明', '（二）订单编号', '三、附则', '内容。'].join('\n\n') + '\n';
    const doc = createDocument('x.md', text, {});
    const levels = doc.outline.entries.map((e) => `${e.title}:${isSectionLevel(doc.outline, e)}`);
    expect(levels).toEqual(['手册:true', '总则:true', '渠道:true', '身份证明:false', '订单编号:false', '附则:true']);
  });
});

describe('front matter the YAML parser warns about', () => {
  it('prints no Node warning (the finding says what is wrong)', () => {
    const emitWarning = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    try {
      const doc = createDocument('a.md', '---\ntitle: x\n**author: someone\n---\n\n# 客户服务手册\n');
      expect(doc.frontMatterError?.message).toMatch(/map/i);
      expect(emitWarning).not.toHaveBeenCalled();
    } finally {
      emitWarning.mockRestore();
    }
  });
});
