// Property tests: for any text, the engine doesn't throw, every range lies in
// the document, and fixes are safe (non-overlapping, idempotent, nothing
// outside them touched). The seed is fixed so a failure can be replayed; fast-check
// prints it with the counterexample.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDocument } from '../../server/src/policy/document';
import { applyEdits, selectAutofixes } from '../../server/src/engine/edits';
import { fixText, lintText, INTERNAL_ERROR_RULE } from '../../server/src/lint/linter';

const SEED = 20261123;
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

const FRAGMENTS = [
  '# 客户服务手册', '## 第一章 总则', '### 1.1 服务宗旨', '一、总则', '二、服务渠道', '四、附则', '（一）热线', '(二)邮件', '（1）回访',
  '1、受理', '1. 记录', '1.1 热线', '1.3 邮件', '第一条 为规范服务', '第一条 重复', '第三条 内容', '目录', '目 录', '第一章 总则……1',
  '热线电话须在20秒内接通。', '邮件咨询工作日12小时内回复，节假日顺延。', '一般投诉5个工作日内办结，重大投诉24小时内启动调查。',
  '客户满意度不低于90%。', '服务时间：周一至周五 9:00-18:00', '7×24小时', '请在__________小时内响应。', '【公司名称】', '[Company]', '{{company}}',
  'XX小时内', '××公司', 'TBD', '待补充', '（  ）', '承诺人签名：______', '签订日期：____年__月__日', '我们会尽快处理。',
  'Chat requests are answered within 60 seconds.', 'We acknowledge tickets within 1 business day.', '## Complaints', '## Privacy',
  '| 渠道 | 时限 |', '| --- | --- |', '| 热线 | 20秒 |', '```', '    indented code', '> 引用', '- 列表', '* [ ] task', '---', '***', '___',
  '<!-- policylint-disable placeholder -->', '<!-- policylint-enable -->', '<!-- policylint-disable-next-line -->', '<div>', '</div>',
  '[link](http://x)', '![img](x.png)', '`code`', '**粗体**', '\\_\\_\\_', '&amp;', '---\nkind: handbook\n---', '---\nkind: [x\n---',
];
const ODD = ['\u0000', '\uFEFF', '\u200B', '\u200F', '\u202E', '\uD800', '\uDC00', '\t', '\u3000', '😀', '\r'];

const line = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...ODD, ...FRAGMENTS), { maxLength: 6 }).map((a) => a.join('')) },
);
const eol = fc.constantFrom('\n', '\r\n', '\r', '\n\n');
const documentText = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(line, eol), { maxLength: 40 }))
  .map(([bom, parts]) => (bom ? '\uFEFF' : '') + parts.map(([l, e]) => l + e).join(''));

function checkDocument(text: string): void {
  const { doc, findings } = lintText('fuzz.md', text);
  for (const f of findings) {
    expect(f.ruleId).not.toBe(INTERNAL_ERROR_RULE);
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeGreaterThanOrEqual(f.start);
    expect(f.end).toBeLessThanOrEqual(text.length);
    for (const r of f.related) expect(r.end).toBeLessThanOrEqual(text.length);
    for (const fix of f.fixes) {
      const sorted = [...fix.edits].sort((a, b) => a.start - b.start);
      sorted.forEach((e, i) => {
        expect(e.start).toBeGreaterThanOrEqual(0);
        expect(e.end).toBeLessThanOrEqual(text.length);
        if (i > 0) expect(e.start).toBeGreaterThanOrEqual(sorted[i - 1]!.end);
      });
    }
  }
  doc.outline.entries.forEach((e, i) => {
    expect(e.span.end).toBeLessThanOrEqual(text.length);
    expect(e.parent).toBeLessThan(i);
    expect(e.depth).toBeGreaterThanOrEqual(1);
  });
}

describe('engine properties', () => {
  it('never throws, and every range lies inside the document', () => {
    fc.assert(fc.property(documentText, checkDocument), { seed: SEED, numRuns: RUNS });
  });

  it('automatic fixes touch only their edits and are idempotent', () => {
    fc.assert(
      fc.property(documentText, (text) => {
        const edits = selectAutofixes(lintText('fuzz.md', text).findings);
        if (edits.length > 0) {
          const once = applyEdits(text, edits);
          const first = Math.min(...edits.map((e) => e.start));
          const lastEdit = edits.reduce((a, b) => (b.end > a.end ? b : a));
          expect(once.slice(0, first)).toBe(text.slice(0, first));
          expect(once.slice(once.length - (text.length - lastEdit.end))).toBe(text.slice(lastEdit.end));
        }
        const fixed = fixText('fuzz.md', text).text;
        expect(fixText('fuzz.md', fixed).text).toBe(fixed);
        if (text.startsWith('\uFEFF')) expect(fixed.startsWith('\uFEFF')).toBe(true);
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
  });
});

// Sizes that reach past any recursion depth or quadratic blow-up a document of this shape
// could trigger, without making the suite slow; how the time grows with size is checked
// separately, by doubling moderate inputs.
describe('adversarial input', () => {
  const cases: [string, () => string][] = [
    ['3,000-item list', () => Array.from({ length: 3_000 }, (_, i) => `${i + 1}. 项目`).join('\n')],
    ['3,000 numbered lines with gaps', () => Array.from({ length: 3_000 }, (_, i) => `（${i * 2 + 1}）内容`).join('\n\n')],
    ['a 300 KB line', () => `# 标题\n\n${'热线电话20秒内接通，'.repeat(30_000)}`],
    ['deep blockquotes', () => `${'>'.repeat(1000)} 一、总则`],
    ['deep lists', () => Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- 第${i + 1}条`).join('\n')],
    ['a huge table', () => ['| a | b |', '| --- | --- |', ...Array.from({ length: 3000 }, () => '| 热线 | 20秒内接通 |')].join('\n')],
    ['NUL bytes and unpaired surrogates', () => '一、总则\u0000\uD800\n\n\uDC00二、渠道\n'],
    ['only line breaks of every kind', () => '\r\n\r\r\n\n'.repeat(1000)],
    ['a BOM and nothing else', () => '\uFEFF'],
    ['zero-width and RTL marks in headings', () => '\u200B一、\u200F总则\n\n\u202E二、渠道\n'],
  ];
  it.each(cases)('%s', (_name, make) => {
    const text = make();
    checkDocument(text);
    expect(() => createDocument('x.md', text)).not.toThrow();
  });
});
