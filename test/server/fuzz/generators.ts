// The server fuzz test's generators (fast-check arbitraries): documents
// assembled from policy fragments and odd characters, positions and ranges
// resolved against the client's text when a step runs, steps and sequences.

import fc from 'fast-check';
import { FIX_ALL, INSERT_SECTIONS, MAX_STEPS } from './config';

// --- documents --------------------------------------------------------------

const FRAGMENTS = [
  '# 服务承诺书', '# 客户服务手册', '## 第一章 总则', '### 1.1 服务宗旨', '一、总则', '二、服务承诺', '三、服务渠道', '四、投诉处理', '五、附则',
  '（一）受理范围', '（二）办理时限', '(三)回访', '1、受理', '1. 记录', '1.1 热线', '1.2 邮件', '第一条 为规范服务，制定本制度。', '第三条 服务时限',
  '第三条 重复', '目录', '第一章 总则……1', '热线电话须在20秒内接通。', '热线电话30秒内接通。', '一般投诉5个工作日内办结。', '重大投诉24小时内启动调查。',
  '邮件咨询工作日12小时内回复，节假日顺延。', '在线客服7×24小时服务。', '服务时间：周一至周五 9:00-18:00', '客户满意度不低于90%。', '我们会尽快处理。',
  '原则上3天内答复', '本公司【公司名称】郑重承诺如下。', '客户来电将在____小时内得到回复。', '请在XX小时内响应。', '××公司', '承诺人签名：________',
  '签订日期：____年__月__日', '【联系电话】', '{{company}}', '[Company]', 'TBD', '待补充', '（  ）',
  'Chat requests are answered within 60 seconds.', 'We acknowledge tickets within 1 business day.', 'Refunds are processed within ____ days.',
  '## Complaints', '## Privacy', '1. Scope', '| 渠道 | 时限 |', '| --- | --- |', '| 热线 | 20秒 |', '| 邮件 | ____小时 |', '|', '```', '```md', '~~~',
  '    缩进代码 20秒内接通', '> 引用 5个工作日内', '> > > 一、嵌套', '- 列表', '  - 二级 3天内', '* [ ] task', '---', '***', '<!-- 注释 -->', '<!--', '-->',
  '<!-- policylint-disable placeholder -->', '<!-- policylint-enable -->', '<!-- policylint-disable-next-line -->', '<!-- policylint-disable-next-line placeholder -->',
  '<div>', '</div>', '<script>alert(1)</script>', '[链接](http://x)', '`____`', '**24小时**', '\\_\\_\\_\\_', '&amp;',
  '---\nkind: commitment\n---', '---\nkind: [x\n---', '---\ntitle: 服务承诺书\n',
];
const ODD = ['\u0000', '\uFEFF', '\u200B', '\u200D', '\u200E', '\u200F', '\u202E', '\u2066', '\uD800', '\uDBFF', '\uDC00', '\uD83D', '😀', '\t', '\u3000', '\u2028', '\r', '\u0085', '\f'];
const EOLS = ['\n', '\r\n', '\r'];

const eolArb = fc.constantFrom(...EOLS);
const tableArb = fc
  .tuple(fc.integer({ min: 1, max: 6 }), eolArb)
  .map(([rows, eol]) => ['| 渠道 | 时限 | 说明 |', '| --- | :---: | --- |', ...Array.from({ length: rows }, (_, i) => `| 热线${i} | ${i * 10 + 5}秒内接通 | ____ |`)].join(eol));
const fenceArb = fc.tuple(fc.constantFrom('```', '~~~', '````'), fc.constantFrom(...FRAGMENTS), eolArb, fc.boolean()).map(([f, body, eol, closed]) => `${f}${eol}${body}${closed ? `${eol}${f}` : ''}`);
const lineArb = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...FRAGMENTS, ...ODD), { minLength: 1, maxLength: 5 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: tableArb },
  { weight: 1, arbitrary: fenceArb },
);
const longLineArb = fc
  .tuple(fc.constantFrom('热线电话须在20秒内接通，', '____', '【公司名称】', 'x', '\u200B一、', '😀'), fc.integer({ min: 2_000, max: 40_000 }))
  .map(([f, n]) => f.repeat(Math.ceil(n / f.length)));
const documentArb = fc
  .record({
    bom: fc.boolean(),
    lines: fc.array(fc.tuple(lineArb, eolArb), { maxLength: 30, size: 'medium' }),
    // One document in ten has a very long line.
    long: fc.oneof({ withCrossShrink: true }, { weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(fc.nat(), longLineArb) }),
  })
  .map(({ bom, lines, long }) => {
    const parts = lines.map(([l, e]) => l + e);
    if (long) parts.splice(long[0] % (parts.length + 1), 0, `${long[1]}\n`);
    return (bom ? '\uFEFF' : '') + parts.join('');
  });
const insertArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS, ...ODD, ...EOLS, '') },
  { weight: 3, arbitrary: fc.tuple(lineArb, eolArb).map(([l, e]) => l + e) },
  { weight: 1, arbitrary: documentArb },
);

// --- steps ------------------------------------------------------------------

/**
 * A position, resolved against the client's text when the step runs:
 * in (a line and a column inside it), at (on or next to the nth occurrence of
 * something the server reacts to: a blank, an SLA value), eol, bol, end,
 * pastChar (beyond the line's end), pastLine (beyond the last line), huge,
 * neg (invalid: negative).
 */
export type Pos = { k: 'in'; a: number; b: number } | { k: 'at'; needle: number; nth: number; d: number } | { k: 'eol'; a: number } | { k: 'bol'; a: number } | { k: 'end' } | { k: 'pastChar'; a: number; b: number } | { k: 'pastLine'; a: number; b: number } | { k: 'huge' } | { k: 'neg' };
/** A range: start and end (possibly reversed), zero-length ('same') or n lines down. */
export type Rng = { s: Pos; e: Pos | { k: 'same' } | { k: 'down'; n: number; b: number } };
export type Change = { range: Rng; text: string } | { full: string };
/** 0–2: the run's document slots; 3: a file never opened; 4+: malformed URIs. */
export type Doc = number;
export type CodeActionContextKind = 'none' | 'diagnostics' | 'fixAll' | 'quickfix' | 'source' | 'staleDiagnostics';
export type CommandArgs = 'uri+version' | 'uri' | 'staleVersion' | 'none' | 'number';
export type Request =
  | { op: 'hover' | 'completion'; doc: Doc; pos: Pos }
  | { op: 'codeAction'; doc: Doc; range: Rng; ctx: CodeActionContextKind; apply: number | null }
  | { op: 'diagnostic'; doc: Doc; previous: boolean }
  | { op: 'workspaceDiagnostic'; previous: boolean }
  | { op: 'documentSymbol' | 'foldingRange' | 'codeLens' | 'semanticTokens'; doc: Doc }
  | { op: 'inlayHint'; doc: Doc; range: Rng }
  | { op: 'command'; doc: Doc; command: string; args: CommandArgs };
export type Edit = { op: 'change'; doc: Doc; changes: Change[] };
export type Settings = { op: 'settings'; locale: 'auto' | 'zh-CN' | 'en'; enable: boolean; hints: boolean };
export type Step = { op: 'open'; doc: Doc; text: string } | Edit | { op: 'close'; doc: Doc } | { op: 'save'; doc: Doc } | Settings | Request | { op: 'burst'; steps: (Request | Edit)[]; cancel: boolean[] };

export const MALFORMED_URIS = ['', 'not a uri', 'file://server/share/policy.md', 'file:///%E0%A4%A.md', 'untitled:', 'file:///tmp/../../etc/passwd.md', 'http://example.com/policy.md'];

/** What `at` positions look for. */
export const NEEDLES = ['____', '【', 'XX', '秒', '小时', '工作日', '天', '#', '一、', '（', '第', '|', '<!--', '```', '\r', '\uD800', 'within'];
const posArb: fc.Arbitrary<Pos> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ k: fc.constant('in' as const), a: fc.nat(), b: fc.nat() }) },
  { weight: 6, arbitrary: fc.record({ k: fc.constant('at' as const), needle: fc.nat({ max: NEEDLES.length - 1 }), nth: fc.nat({ max: 20 }), d: fc.integer({ min: -3, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('eol' as const), a: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('bol' as const), a: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ k: 'end' as const }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('pastChar' as const), a: fc.nat(), b: fc.nat({ max: 100 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('pastLine' as const), a: fc.nat({ max: 100 }), b: fc.nat({ max: 100 }) }) },
  { weight: 1, arbitrary: fc.constant({ k: 'huge' as const }) },
  { weight: 1, arbitrary: fc.constant({ k: 'neg' as const }) },
);
const rangeArb: fc.Arbitrary<Rng> = fc.record({
  s: posArb,
  e: fc.oneof(
    { weight: 3, arbitrary: posArb },
    { weight: 2, arbitrary: fc.constant({ k: 'same' as const }) },
    { weight: 2, arbitrary: fc.record({ k: fc.constant('down' as const), n: fc.integer({ min: 1, max: 8 }), b: fc.nat() }) },
  ),
});
const slotArb = fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.constant(2) });
const docArb: fc.Arbitrary<Doc> = fc.oneof({ weight: 14, arbitrary: slotArb }, { weight: 1, arbitrary: fc.integer({ min: 3, max: 3 + MALFORMED_URIS.length }) });
const changeArb: fc.Arbitrary<Change> = fc.oneof({ weight: 8, arbitrary: fc.record({ range: rangeArb, text: insertArb }) }, { weight: 1, arbitrary: fc.record({ full: documentArb }) });
const editArb: fc.Arbitrary<Edit> = fc.record({ op: fc.constant('change' as const), doc: slotArb, changes: fc.array(changeArb, { minLength: 1, maxLength: 3 }) });
const requestArb: fc.Arbitrary<Request> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('hover' as const), doc: docArb, pos: posArb }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('completion' as const), doc: docArb, pos: posArb }) },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('codeAction' as const),
      doc: docArb,
      range: rangeArb,
      ctx: fc.constantFrom<CodeActionContextKind>('none', 'diagnostics', 'diagnostics', 'fixAll', 'quickfix', 'source', 'staleDiagnostics'),
      apply: fc.option(fc.nat({ max: 20 }), { freq: 2 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('diagnostic' as const), doc: docArb, previous: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('workspaceDiagnostic' as const), previous: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('documentSymbol' as const), doc: docArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('foldingRange' as const), doc: docArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('codeLens' as const), doc: docArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('semanticTokens' as const), doc: docArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('inlayHint' as const), doc: docArb, range: rangeArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('command' as const),
      doc: docArb,
      command: fc.constantFrom(FIX_ALL, FIX_ALL, INSERT_SECTIONS, 'policylint.noSuchCommand'),
      args: fc.constantFrom<CommandArgs>('uri+version', 'uri+version', 'uri', 'staleVersion', 'none', 'number'),
    }),
  },
);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('open' as const), doc: slotArb, text: documentArb }) },
  { weight: 7, arbitrary: editArb },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('close' as const), doc: slotArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('save' as const), doc: slotArb }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('settings' as const), locale: fc.constantFrom('auto' as const, 'zh-CN' as const, 'en' as const), enable: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }), hints: fc.boolean() }),
  },
  { weight: 14, arbitrary: requestArb },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('burst' as const),
      steps: fc.array(fc.oneof({ weight: 3, arbitrary: requestArb }, { weight: 1, arbitrary: editArb }), { minLength: 2, maxLength: 6 }),
      cancel: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    }),
  },
);
/**
 * A sequence: what the run's workspace file (slot 1) holds on disk, then the
 * steps, the first of which opens a document so most requests have something to work on.
 */
export interface Sequence {
  disk: string;
  steps: Step[];
}
export const sequenceArb: fc.Arbitrary<Sequence> = fc
  .tuple(documentArb, documentArb, fc.array(stepArb, { minLength: 0, maxLength: MAX_STEPS - 1, size: 'max' }))
  .map(([disk, text, steps]) => ({ disk, steps: [{ op: 'open', doc: 0, text }, ...steps] }));
