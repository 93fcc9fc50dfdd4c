// Protocol fuzzing (issue 7): the built server (dist/server.js) over stdio,
// driven by random sequences of didOpen, didChange (incremental ranges inside,
// past the end, reversed, zero-length, multi-line; full replacements), didClose,
// didSave, settings changes and requests (hover, code actions with and without
// context diagnostics and `only`, completion, pull diagnostics for documents
// and the workspace, symbols, folding, inlay hints, code lens, semantic
// tokens, the fix-all and insert-sections commands), at random positions
// (inside, out of range, negative), on open, closed, unknown and malformed
// URIs, one at a time and in bursts with cancellations. Documents are
// assembled from policy fragments plus BOM, NUL, lone surrogates, zero-width
// and RTL marks, CR/LF/CRLF mixes, tables, fences and very long lines. The
// server has a workspace folder: a handbook on disk, and a file per run that
// is created, opened, edited, closed and deleted (cross-document findings,
// reads from disk, watched-file events).
//
// Properties:
// - every request is answered: a result, or a JSON-RPC error response for bad
//   input (a closed or unknown URI, a position outside the document, a request
//   cancelled by the client); a valid request on an open document gets a result;
// - the server process never exits, and logs no unhandled rejection, uncaught
//   exception or failed handler (stderr or window/logMessage);
// - every range the server returns (diagnostics pulled and pushed, related
//   locations, symbols, folding, hints, lenses, semantic tokens, hover,
//   completion and code action edits, workspace/applyEdit) lies inside the
//   document as this client knows it: the client keeps its own copy, updated
//   with the same changes (vscode-languageserver-textdocument); edits to one
//   document don't overlap;
// - after each sequence the server still answers a hover, and closed or
//   deleted documents are no longer reported.
//
// One server per test, reused across runs (each run uses fresh URIs and
// cleans up after itself); a run that kills or hangs the server gets a new one
// for the next run, so shrinking still finds a minimal sequence. No sleeps:
// every step waits for answers; a request unanswered for FUZZ_REQUEST_TIMEOUT_MS is a hang.
// Replay: FUZZ_SEED=… [FUZZ_PATH=… (fast-check prints it)] [FUZZ_RUNS=…] [FUZZ_STEPS=…] [FUZZ_TRACE=1]
//   npx vitest run test/server/fuzz.test.ts [-t pull|-t push]

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import type {
  CodeAction,
  CodeLens,
  Command,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentDiagnosticReport,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Position,
  PublishDiagnosticsParams,
  Range,
  SemanticTokens,
  SymbolInformation,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import { fileUri, TestClient } from './harness';

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const MAX_STEPS = Number(process.env.FUZZ_STEPS ?? 25);
const PATH = process.env.FUZZ_PATH || undefined;
/** FUZZ_TRACE=1 prints every message the test sends and every answer (for replaying one failure). */
const TRACE = !!process.env.FUZZ_TRACE;
/** A request unanswered for this long is a hang (the server answers in milliseconds). */
const REQUEST_TIMEOUT_MS = Number(process.env.FUZZ_REQUEST_TIMEOUT_MS ?? 15_000);
/** Caps shrinking after a failure; a passing run takes a fraction of this. */
const TIME_LIMIT_MS = Number(process.env.FUZZ_TIME_LIMIT_MS ?? 120_000);

const FIX_ALL = 'policylint.applyFixAll';
const INSERT_SECTIONS = 'policylint.applyInsertMissingSections';
const INTERNAL_ERROR = -32603;
const REQUEST_CANCELLED = -32800;
const CONTENT_MODIFIED = -32801;

/** Requests sent and how they were answered, printed after each test so a quiet pass shows what it exercised. */
const stats = new Map<string, number>();
const count = (key: string) => stats.set(key, (stats.get(key) ?? 0) + 1);

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
type Pos = { k: 'in'; a: number; b: number } | { k: 'at'; needle: number; nth: number; d: number } | { k: 'eol'; a: number } | { k: 'bol'; a: number } | { k: 'end' } | { k: 'pastChar'; a: number; b: number } | { k: 'pastLine'; a: number; b: number } | { k: 'huge' } | { k: 'neg' };
/** A range: start and end (possibly reversed), zero-length ('same') or n lines down. */
type Rng = { s: Pos; e: Pos | { k: 'same' } | { k: 'down'; n: number; b: number } };
type Change = { range: Rng; text: string } | { full: string };
/** 0–2: the run's document slots; 3: a file never opened; 4+: malformed URIs. */
type Doc = number;
type CodeActionContextKind = 'none' | 'diagnostics' | 'fixAll' | 'quickfix' | 'source' | 'staleDiagnostics';
type CommandArgs = 'uri+version' | 'uri' | 'staleVersion' | 'none' | 'number';
type Request =
  | { op: 'hover' | 'completion'; doc: Doc; pos: Pos }
  | { op: 'codeAction'; doc: Doc; range: Rng; ctx: CodeActionContextKind; apply: number | null }
  | { op: 'diagnostic'; doc: Doc; previous: boolean }
  | { op: 'workspaceDiagnostic'; previous: boolean }
  | { op: 'documentSymbol' | 'foldingRange' | 'codeLens' | 'semanticTokens'; doc: Doc }
  | { op: 'inlayHint'; doc: Doc; range: Rng }
  | { op: 'command'; doc: Doc; command: string; args: CommandArgs };
type Edit = { op: 'change'; doc: Doc; changes: Change[] };
type Settings = { op: 'settings'; locale: 'auto' | 'zh-CN' | 'en'; enable: boolean; hints: boolean };
type Step = { op: 'open'; doc: Doc; text: string } | Edit | { op: 'close'; doc: Doc } | { op: 'save'; doc: Doc } | Settings | Request | { op: 'burst'; steps: (Request | Edit)[]; cancel: boolean[] };

const MALFORMED_URIS = ['', 'not a uri', 'file://server/share/policy.md', 'file:///%E0%A4%A.md', 'untitled:', 'file:///tmp/../../etc/passwd.md', 'http://example.com/policy.md'];

/** What `at` positions look for. */
const NEEDLES = ['____', '【', 'XX', '秒', '小时', '工作日', '天', '#', '一、', '（', '第', '|', '<!--', '```', '\r', '\uD800', 'within'];
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
interface Sequence {
  disk: string;
  steps: Step[];
}
const sequenceArb: fc.Arbitrary<Sequence> = fc
  .tuple(documentArb, documentArb, fc.array(stepArb, { minLength: 0, maxLength: MAX_STEPS - 1, size: 'max' }))
  .map(([disk, text, steps]) => ({ disk, steps: [{ op: 'open', doc: 0, text }, ...steps] }));

// --- the client's view of a document ----------------------------------------

class Lines {
  private readonly starts: number[] = [0];
  private readonly ends: number[] = [];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      this.ends.push(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      this.starts.push(i + 1);
    }
    this.ends.push(text.length);
  }

  get count(): number {
    return this.starts.length;
  }

  length(line: number): number {
    return this.ends[line]! - this.starts[line]!;
  }

  /** The position of an offset, as the client counts (an offset inside a line break is the line's end). */
  positionAt(offset: number): Position {
    let line = 0;
    while (line + 1 < this.count && this.starts[line + 1]! <= offset) line++;
    return { line, character: Math.min(offset - this.starts[line]!, this.length(line)) };
  }

  /** A valid LSP position: an existing line, a column no further than the line's end. */
  has(p: Position | undefined): boolean {
    return !!p && Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < this.count && p.character >= 0 && p.character <= this.length(p.line);
  }

  resolve(pos: Pos): { p: Position; valid: boolean } {
    const last = this.count - 1;
    switch (pos.k) {
      case 'in': {
        const line = pos.a % this.count;
        return { p: { line, character: pos.b % (this.length(line) + 1) }, valid: true };
      }
      case 'at': {
        // The nth occurrence (cycling), moved by d; a text without one falls back to the start.
        const needle = NEEDLES[pos.needle]!;
        const hits: number[] = [];
        for (let i = this.text.indexOf(needle); i >= 0 && hits.length <= pos.nth; i = this.text.indexOf(needle, i + 1)) hits.push(i);
        const offset = hits.length ? Math.max(0, Math.min(this.text.length, hits[pos.nth % hits.length]! + pos.d)) : 0;
        return { p: this.positionAt(offset), valid: true };
      }
      case 'eol': {
        const line = pos.a % this.count;
        return { p: { line, character: this.length(line) }, valid: true };
      }
      case 'bol':
        return { p: { line: pos.a % this.count, character: 0 }, valid: true };
      case 'end':
        return { p: { line: last, character: this.length(last) }, valid: true };
      case 'pastChar': {
        const line = pos.a % this.count;
        return { p: { line, character: this.length(line) + 1 + pos.b }, valid: false };
      }
      case 'pastLine':
        return { p: { line: this.count + pos.a, character: pos.b }, valid: false };
      case 'huge':
        return { p: { line: 2 ** 31 - 1, character: 2 ** 31 - 1 }, valid: false };
      case 'neg':
        return { p: { line: -1, character: -1 }, valid: false };
    }
  }

  resolveRange(r: Rng): { range: Range; valid: boolean } {
    const s = this.resolve(r.s);
    if (r.e.k === 'same') return { range: { start: s.p, end: s.p }, valid: s.valid };
    if (r.e.k === 'down') {
      const line = Math.min(s.p.line + r.e.n, this.count - 1);
      const valid = s.valid && line >= 0;
      return { range: { start: s.p, end: { line, character: valid ? r.e.b % (this.length(line) + 1) : r.e.b } }, valid };
    }
    const e = this.resolve(r.e);
    return { range: { start: s.p, end: e.p }, valid: s.valid && e.valid };
  }
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const show = (r: unknown) => JSON.stringify(r);
const clip = (s: string, n = 2000) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);

/** Problems found while checking one step; they fail the run with the step that caused them. */
class Problems {
  readonly list: string[] = [];
  /** The step answered bad input with an internal error, so the server's "… failed:" log line is expected. */
  expectFailedLog = false;
  add(message: string): void {
    if (this.list.length < 20) this.list.push(message);
  }
  range(lines: Lines, r: Range | undefined, what: string): void {
    if (!r || !lines.has(r.start) || !lines.has(r.end) || !before(r.start, r.end)) {
      this.add(`${what}: range ${show(r)} is not inside the document (${lines.count} lines; line lengths ${show(r ? [r.start.line, r.end.line].map((l) => (l >= 0 && l < lines.count ? lines.length(l) : null)) : null)})`);
    }
  }
}

// --- the server, shared by the runs of one test -------------------------------

class FuzzError extends Error {}

interface Session {
  client: TestClient;
  /** Set when the server hung or died: the next run starts a new one. */
  broken: boolean;
  exited: Promise<void>;
  /** Texts each (uri, version) had, for checking pushed diagnostics that arrive late. */
  history: Map<string, string[]>;
  /** Problems found outside a request (workspace/applyEdit, publishDiagnostics). */
  async: Problems;
  /** Result ids and their diagnostics, per URI, for pull requests with previousResultId. */
  results: Map<string, { id: string; items: Diagnostic[] }>;
  /** Result ids of the last workspace/diagnostic, for the next one's previousResultIds. */
  workspaceResults: { uri: string; value: string }[];
  /** Called on every publishDiagnostics. */
  onPublish: Set<() => void>;
}

/** Resolves once `done` holds, re-checked on every publishDiagnostics; a server that never gets there fails the run. */
function waitForPublished(session: Session, done: () => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!done()) return;
      session.onPublish.delete(check);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      session.onPublish.delete(check);
      reject(new Error(`no ${what} within ${REQUEST_TIMEOUT_MS} ms; last published: ${clip(show([...session.client.published.values()].slice(-3)), 1500)}`));
    }, REQUEST_TIMEOUT_MS);
    session.onPublish.add(check);
    check();
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'policylint-fuzz-'));
/** The server's workspace folder: a handbook on disk whose commitments the open documents may contradict (cross-document findings). */
const WORKSPACE = join(tmp, 'workspace');
const HANDBOOK = join(WORKSPACE, 'handbook.md');
const HANDBOOK_TEXT = '# 客户服务手册\n\n一、服务渠道\n\n热线电话30秒内接通。\n\n邮件咨询工作日24小时内回复。\n\n二、投诉处理\n\n一般投诉7个工作日内办结。\n';
mkdirSync(WORKSPACE, { recursive: true });
writeFileSync(HANDBOOK, HANDBOOK_TEXT);
let runCounter = 0;

function record(session: Session, uri: string): void {
  const doc = session.client.docs.get(uri);
  if (!doc) return;
  const key = `${uri}#${doc.version}`;
  session.history.set(key, [...(session.history.get(key) ?? []), doc.getText()]);
}

async function startSession(pull: boolean): Promise<Session> {
  const client = await TestClient.start({ pull, folders: [WORKSPACE] });
  const session: Session = {
    client,
    broken: false,
    exited: new Promise((resolve) => (client.proc.exitCode !== null ? resolve() : client.proc.once('exit', () => resolve()))),
    // Files on disk are the version "disk".
    history: new Map([[`${fileUri(HANDBOOK)}#disk`, [HANDBOOK_TEXT]]]),
    async: new Problems(),
    results: new Map(),
    onPublish: new Set(),
    workspaceResults: [],
  };
  // The editor's part: refuse an edit for a version it no longer has, check and apply the rest.
  client.connection.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }): { applied: boolean; failureReason?: string } => {
    const ok = checkWorkspaceEdit(session, p.edit, session.async, 'workspace/applyEdit');
    count(`workspace/applyEdit ${ok ? 'applied' : 'refused'}`);
    if (!ok) return { applied: false, failureReason: 'edit for another version' };
    applyWorkspaceEdit(session, p.edit);
    return { applied: true };
  });
  // Pushed diagnostics: each must fit the text of the version it names (any version, when it names none).
  client.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    client.published.set(p.uri, p);
    for (const listener of [...session.onPublish]) listener();
    const texts = p.version !== undefined && p.version !== null ? session.history.get(`${p.uri}#${p.version}`) : [...session.history.entries()].filter(([k]) => k.startsWith(`${p.uri}#`)).flatMap(([, v]) => v);
    if (!texts?.length) {
      if (p.diagnostics.length > 0 && p.version !== undefined && p.version !== null) session.async.add(`publishDiagnostics for ${p.uri} version ${p.version}, a version the client never had`);
      return;
    }
    const fits = texts.some((t) => {
      const probe = new Problems();
      checkDiagnostics(session, new Lines(t), p.uri, p.diagnostics, probe, 'published diagnostic');
      return probe.list.length === 0;
    });
    if (!fits) {
      const probe = new Problems();
      checkDiagnostics(session, new Lines(texts[texts.length - 1]!), p.uri, p.diagnostics, probe, `published diagnostic (version ${p.version})`);
      for (const m of probe.list) session.async.add(m);
    }
  });
  // Requests wait for nothing, so runs are alike only once the workspace is indexed: workspace/diagnostic waits for that.
  await client.request('workspace/diagnostic', { previousResultIds: [] });
  return session;
}

async function stopSession(session: Session | undefined): Promise<void> {
  if (!session) return;
  if (session.broken || !session.client.alive) {
    if (session.client.alive) session.client.proc.kill();
    await session.exited;
    session.client.connection.dispose();
    return;
  }
  // A clean shutdown, bounded: a server that cannot shut down is killed.
  const timer = setTimeout(() => session.client.proc.kill(), 5_000);
  await session.client.stop().catch(() => session.client.proc.kill());
  await session.exited;
  clearTimeout(timer);
}

function applyWorkspaceEdit(session: Session, edit: WorkspaceEdit): void {
  const byUri = new Map<string, TextEdit[]>();
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change) byUri.set(change.textDocument.uri, [...(byUri.get(change.textDocument.uri) ?? []), ...(change.edits as TextEdit[])]);
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) byUri.set(uri, [...(byUri.get(uri) ?? []), ...edits]);
  for (const [uri, edits] of byUri) {
    if (!session.client.docs.has(uri)) continue;
    // Last edit first (stable for equal starts, reversed so inserts at one place keep their order).
    const ordered = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.range.start.line - a.e.range.start.line || b.e.range.start.character - a.e.range.start.character || b.i - a.i);
    changeDocument(session, uri, ordered.map(({ e }) => ({ range: e.range, text: e.newText })));
  }
}

function changeDocument(session: Session, uri: string, changes: TextDocumentContentChangeEvent[]): void {
  if (TRACE) console.info(`→ didChange ${uri} ${clip(show(changes), 400)}`);
  session.client.change(uri, changes);
  record(session, uri);
}

// --- checks --------------------------------------------------------------------

function checkDiagnostics(session: Session, lines: Lines, uri: string, ds: Diagnostic[] | undefined, problems: Problems, what: string): void {
  if (!Array.isArray(ds)) return problems.add(`${what}: not an array: ${clip(show(ds))}`);
  for (const d of ds) {
    problems.range(lines, d.range, `${what} ${show(d.code)}`);
    for (const r of d.relatedInformation ?? []) {
      if (r.location.uri === uri) problems.range(lines, r.location.range, `${what} ${show(d.code)} related location`);
      else {
        // Another document: it must fit some version of it the client had.
        const texts = [...session.history.entries()].filter(([k]) => k.startsWith(`${r.location.uri}#`)).flatMap(([, v]) => v);
        if (texts.length > 0 && !texts.some((t) => new Lines(t).has(r.location.range.start) && new Lines(t).has(r.location.range.end))) {
          problems.add(`${what} ${show(d.code)}: related location ${show(r.location)} fits no version of that document`);
        }
      }
    }
  }
}

/** Versions must be the client's current ones, ranges inside, edits to one document non-overlapping. Returns false for a stale version. */
function checkWorkspaceEdit(session: Session, edit: WorkspaceEdit | undefined, problems: Problems, what: string): boolean {
  if (!edit) return true;
  const byUri = new Map<string, TextEdit[]>();
  let current = true;
  for (const change of edit.documentChanges ?? []) {
    if (!('textDocument' in change)) {
      problems.add(`${what}: a resource operation ${show(change)}`);
      continue;
    }
    const doc = session.client.docs.get(change.textDocument.uri);
    if (doc && change.textDocument.version !== null && change.textDocument.version !== doc.version) current = false;
    byUri.set(change.textDocument.uri, [...(byUri.get(change.textDocument.uri) ?? []), ...(change.edits as TextEdit[])]);
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) byUri.set(uri, [...(byUri.get(uri) ?? []), ...edits]);
  for (const [uri, edits] of byUri) {
    const doc = session.client.docs.get(uri);
    if (!doc) {
      problems.add(`${what}: an edit for ${uri}, which is not open`);
      continue;
    }
    if (!current) continue;
    const lines = new Lines(doc.getText());
    for (const e of edits) problems.range(lines, e.range, `${what} edit`);
    const sorted = [...edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    for (let i = 1; i < sorted.length; i++) {
      if (!before(sorted[i - 1]!.range.end, sorted[i]!.range.start)) problems.add(`${what}: overlapping edits ${show(sorted[i - 1]!.range)} and ${show(sorted[i]!.range)}`);
    }
  }
  return current;
}

function checkSymbols(lines: Lines, symbols: (DocumentSymbol | SymbolInformation)[], problems: Problems): void {
  const walk = (s: DocumentSymbol | SymbolInformation, path: string) => {
    if ('location' in s) return problems.range(lines, s.location.range, `symbol ${path}`);
    problems.range(lines, s.range, `symbol ${path} range`);
    problems.range(lines, s.selectionRange, `symbol ${path} selectionRange`);
    if (!before(s.range.start, s.selectionRange.start) || !before(s.selectionRange.end, s.range.end)) problems.add(`symbol ${path}: selectionRange ${show(s.selectionRange)} not inside range ${show(s.range)}`);
    if (!s.name) problems.add(`symbol ${path}: empty name`);
    for (const c of s.children ?? []) walk(c, `${path} > ${c.name}`);
  };
  for (const s of symbols) walk(s, s.name);
}

function checkSemanticTokens(lines: Lines, tokens: SemanticTokens | null, problems: Problems): void {
  const data = tokens?.data ?? [];
  if (data.length % 5 !== 0) return problems.add(`semantic tokens: ${data.length} numbers, not a multiple of 5`);
  let line = 0;
  let char = 0;
  let lastEnd = -1;
  for (let i = 0; i < data.length; i += 5) {
    const [dl, dc, len, type] = data.slice(i, i + 5) as [number, number, number, number];
    if (dl < 0 || dc < 0 || len <= 0 || type < 0 || type > 1) problems.add(`semantic token ${i / 5}: bad numbers ${show(data.slice(i, i + 5))}`);
    if (dl > 0) lastEnd = -1;
    line += dl;
    char = dl === 0 ? char + dc : dc;
    if (line >= lines.count || char + len > lines.length(line)) problems.add(`semantic token ${i / 5} at ${line}:${char} length ${len} is outside its line (${line < lines.count ? lines.length(line) : 'no such line'})`);
    if (char < lastEnd) problems.add(`semantic token ${i / 5} at ${line}:${char} overlaps the previous one`);
    lastEnd = char + len;
  }
}

function checkCompletion(lines: Lines, result: CompletionItem[] | CompletionList | null, problems: Problems): void {
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  for (const item of items) {
    const te = item.textEdit;
    if (te && 'range' in te) problems.range(lines, te.range, `completion ${show(item.label)} textEdit`);
    if (te && 'insert' in te) {
      problems.range(lines, te.insert, `completion ${show(item.label)} insert`);
      problems.range(lines, te.replace, `completion ${show(item.label)} replace`);
    }
    for (const e of item.additionalTextEdits ?? []) problems.range(lines, e.range, `completion ${show(item.label)} additional edit`);
  }
}

// --- running a sequence -----------------------------------------------------------

interface Run {
  session: Session;
  id: number;
  pull: boolean;
  seed: number;
  /** The run's URIs, by slot. */
  slots: string[];
  where: string;
}

function uriOf(run: Run, doc: Doc): string {
  if (doc < 3) return run.slots[doc]!;
  if (doc === 3) return fileUri(join(tmp, 'never-opened', `${run.id}.md`));
  return MALFORMED_URIS[(doc - 4) % MALFORMED_URIS.length]!;
}

function linesOf(run: Run, uri: string): Lines {
  return new Lines(run.session.client.docs.get(uri)?.getText() ?? '');
}

type Answer = { ok: true; result: unknown } | { ok: false; code: number; message: string };

/** Sends a request; resolves with its answer. A server that dies or stays silent fails the run. */
function send(run: Run, method: string, params: unknown, token?: CancellationTokenSource): Promise<Answer> {
  const { session } = run;
  if (!session.client.alive) {
    session.broken = true;
    return Promise.reject(new FuzzError(`${run.where}: the server is not running (${method}); log:\n${session.client.logs.slice(-20).join('\n')}`));
  }
  return new Promise<Answer>((resolve, reject) => {
    const timer = setTimeout(() => {
      session.broken = true;
      reject(new FuzzError(`${run.where}: no answer to ${method} ${clip(show(params), 500)} within ${REQUEST_TIMEOUT_MS} ms; log:\n${session.client.logs.slice(-20).join('\n')}`));
    }, REQUEST_TIMEOUT_MS);
    void session.exited.then(() => {
      clearTimeout(timer);
      session.broken = true;
      reject(new FuzzError(`${run.where}: the server exited while ${method} was pending; log:\n${session.client.logs.slice(-30).join('\n')}`));
    });
    if (TRACE) console.info(`${run.where} → ${method} ${clip(show(params), 400)}`);
    const pending = token ? session.client.connection.sendRequest(method, params, token.token) : session.client.connection.sendRequest(method, params);
    pending.then(
      (result) => {
        clearTimeout(timer);
        count(`${method} ok${result === null || (Array.isArray(result) && result.length === 0) ? ' (empty)' : ''}`);
        if (TRACE) console.info(`${run.where} ← ${method} ${clip(show(result), 400)}`);
        resolve({ ok: true, result });
      },
      (e: unknown) => {
        clearTimeout(timer);
        const err = e as { code?: unknown; message?: unknown };
        if (typeof err?.code === 'number') {
          count(`${method} error ${err.code}`);
          if (TRACE) console.info(`${run.where} ← ${method} error ${err.code} ${String(err.message)}`);
          resolve({ ok: false, code: err.code, message: String(err.message) });
        } else reject(new FuzzError(`${run.where}: ${method} failed on the client side: ${String(e)}`));
      },
    );
  });
}

interface Prepared {
  method: string;
  params: unknown;
  /** An open document and positions inside it: the answer must be a result. */
  valid: boolean;
  check: (result: unknown, problems: Problems) => void;
  after?: (result: unknown, problems: Problems) => Promise<void>;
}

function prepare(run: Run, step: Request): Prepared {
  const { session } = run;
  const uri = uriOf(run, 'doc' in step ? step.doc : 0);
  const open = session.client.docs.has(uri);
  const lines = linesOf(run, uri);
  const textDocument = { uri };
  const none = () => {};
  switch (step.op) {
    case 'hover': {
      const { p, valid } = lines.resolve(step.pos);
      return {
        method: 'textDocument/hover',
        params: { textDocument, position: p },
        valid: open && valid,
        check: (r, problems) => {
          const hover = r as Hover | null;
          if (hover?.range) problems.range(lines, hover.range, 'hover');
          if (hover && !hover.contents) problems.add('hover without contents');
        },
      };
    }
    case 'completion': {
      const { p, valid } = lines.resolve(step.pos);
      return { method: 'textDocument/completion', params: { textDocument, position: p, context: { triggerKind: 1 } }, valid: open && valid, check: (r, problems) => checkCompletion(lines, r as CompletionItem[] | CompletionList | null, problems) };
    }
    case 'codeAction': {
      const { range, valid } = lines.resolveRange(step.range);
      const known = session.results.get(uri)?.items ?? [];
      const diagnostics =
        step.ctx === 'diagnostics' || step.ctx === 'fixAll'
          ? known.filter((d) => d.range.start.line <= range.end.line && range.start.line <= d.range.end.line)
          : step.ctx === 'staleDiagnostics'
            ? [...known, { range: { start: { line: lines.count + 3, character: 0 }, end: { line: lines.count + 3, character: 5 } }, message: 'stale', code: 'placeholder', source: 'policylint' }, { range, message: 'not ours', code: 42 }]
            : [];
      const sent = new Set(diagnostics.map(show));
      const only = step.ctx === 'fixAll' ? ['source.fixAll.policylint'] : step.ctx === 'quickfix' ? ['quickfix'] : step.ctx === 'source' ? ['source'] : undefined;
      return {
        method: 'textDocument/codeAction',
        params: { textDocument, range, context: { diagnostics, only, triggerKind: only ? 1 : 2 } },
        valid: open && valid,
        check: (r, problems) => {
          if (r === null) return;
          if (!Array.isArray(r)) return problems.add(`codeAction: not an array: ${clip(show(r))}`);
          for (const a of r as (CodeAction | Command)[]) {
            if (typeof a.command === 'string') continue; // a bare Command
            const action = a as CodeAction;
            if (!action.title) problems.add(`code action without a title: ${clip(show(action))}`);
            if (only && action.kind && !only.some((o) => action.kind === o || action.kind!.startsWith(`${o}.`))) problems.add(`code action of kind ${action.kind} for only=${show(only)}`);
            checkWorkspaceEdit(session, action.edit, problems, `code action ${show(action.title)}`);
            for (const d of action.diagnostics ?? []) {
              // The client's own diagnostics may come back as they were sent; the server's must fit.
              if (!sent.has(show(d))) problems.range(lines, d.range, `code action ${show(action.title)} diagnostic`);
            }
          }
        },
        after: async (r, problems) => {
          if (step.apply === null || !Array.isArray(r) || r.length === 0) return;
          const action = r[step.apply % r.length] as CodeAction | Command;
          const edit = typeof action.command === 'string' ? undefined : (action as CodeAction).edit;
          const command = typeof action.command === 'string' ? (action as Command) : (action as CodeAction).command;
          // As an editor does: the edit first, then the command (server commands only; the others are the client's).
          if (edit && checkWorkspaceEdit(session, edit, problems, 'applied code action')) {
            count('code action applied');
            applyWorkspaceEdit(session, edit);
          }
          if (command && (command.command === FIX_ALL || command.command === INSERT_SECTIONS)) {
            const answer = await send(run, 'workspace/executeCommand', { command: command.command, arguments: command.arguments });
            if (!answer.ok && open) problems.add(`executeCommand ${command.command} from a code action: error ${answer.code} ${answer.message}`);
          }
        },
      };
    }
    case 'diagnostic': {
      const previous = step.previous ? session.results.get(uri) : undefined;
      return {
        method: 'textDocument/diagnostic',
        params: { textDocument, identifier: 'policylint', previousResultId: previous?.id },
        valid: open,
        check: (r, problems) => {
          const report = r as DocumentDiagnosticReport;
          if (report?.kind === 'unchanged') {
            if (!previous || report.resultId !== previous.id) return problems.add(`diagnostic: "unchanged" for result id ${show(report.resultId)}, but the client sent ${show(previous?.id)}`);
            // The client keeps showing what it had: that must still fit the text.
            checkDiagnostics(session, lines, uri, previous.items, problems, 'diagnostic (unchanged, kept)');
            return;
          }
          if (report?.kind !== 'full') return problems.add(`diagnostic: not a report: ${clip(show(r))}`);
          checkDiagnostics(session, lines, uri, report.items, problems, 'diagnostic');
          if (!open && report.items.length > 0) problems.add(`diagnostic: ${report.items.length} diagnostics for ${show(uri)}, which is not open`);
          if (report.resultId) session.results.set(uri, { id: report.resultId, items: report.items });
        },
      };
    }
    case 'workspaceDiagnostic':
      return {
        method: 'workspace/diagnostic',
        params: { identifier: 'policylint', previousResultIds: step.previous ? session.workspaceResults : [] },
        valid: true,
        check: (r, problems) => {
          const items = (r as { items?: ({ uri: string; kind: string; resultId?: string; items?: Diagnostic[] })[] } | null)?.items;
          if (!Array.isArray(items)) return problems.add(`workspace/diagnostic: no items: ${clip(show(r))}`);
          for (const item of items) {
            // Files that are not open: their ranges must fit the file on disk.
            const disk = session.history.get(`${item.uri}#disk`);
            if (item.kind === 'full' && disk && item.uri.endsWith('.md')) {
              const probes = disk.map((t) => {
                const probe = new Problems();
                checkDiagnostics(session, new Lines(t), item.uri, item.items, probe, `workspace diagnostic for ${item.uri}`);
                return probe;
              });
              if (probes.every((p) => p.list.length > 0)) for (const m of probes[0]!.list) problems.add(m);
            }
          }
          session.workspaceResults = items.filter((i) => i.resultId).map((i) => ({ uri: i.uri, value: i.resultId! }));
        },
      };
    case 'documentSymbol':
      return { method: 'textDocument/documentSymbol', params: { textDocument }, valid: open, check: (r, problems) => checkSymbols(lines, (r ?? []) as DocumentSymbol[], problems) };
    case 'foldingRange':
      return {
        method: 'textDocument/foldingRange',
        params: { textDocument },
        valid: open,
        check: (r, problems) => {
          for (const f of (r ?? []) as FoldingRange[]) {
            if (!(f.startLine >= 0 && f.startLine <= f.endLine && f.endLine < lines.count)) problems.add(`folding range ${show(f)} outside the document (${lines.count} lines)`);
          }
        },
      };
    case 'codeLens':
      return {
        method: 'textDocument/codeLens',
        params: { textDocument },
        valid: open,
        check: (r, problems) => {
          for (const l of (r ?? []) as CodeLens[]) problems.range(lines, l.range, `code lens ${show(l.command?.title)}`);
        },
      };
    case 'semanticTokens':
      return { method: 'textDocument/semanticTokens/full', params: { textDocument }, valid: open, check: (r, problems) => checkSemanticTokens(lines, r as SemanticTokens | null, problems) };
    case 'inlayHint': {
      const { range, valid } = lines.resolveRange(step.range);
      return {
        method: 'textDocument/inlayHint',
        params: { textDocument, range },
        valid: open && valid,
        check: (r, problems) => {
          for (const h of (r ?? []) as InlayHint[]) {
            if (!lines.has(h.position)) problems.add(`inlay hint ${show(h.label)} at ${show(h.position)} outside the document`);
            else if (valid && before(range.start, range.end) && !(before(range.start, h.position) && before(h.position, range.end))) problems.add(`inlay hint ${show(h.label)} at ${show(h.position)} outside the requested range ${show(range)}`);
          }
        },
      };
    }
    case 'command': {
      const version = session.client.docs.get(uri)?.version;
      const args = { 'uri+version': [uri, version], uri: [uri], staleVersion: [uri, (version ?? 1) - 1], none: undefined, number: [42] }[step.args];
      return {
        method: 'workspace/executeCommand',
        params: { command: step.command, arguments: args },
        valid: open && step.command !== 'policylint.noSuchCommand' && (step.args === 'uri+version' || step.args === 'uri'),
        check: none,
      };
    }
  }
}

/** Internal errors answered to bad input (acceptable, but worth knowing), reported once per test. */
const notes = new Map<string, string>();

function judge(run: Run, prepared: Prepared, answer: Answer, problems: Problems, cancelled = false): void {
  if (answer.ok) return prepared.check(answer.result, problems);
  const what = `${prepared.method} ${clip(show(prepared.params), 600)}`;
  if (answer.code === REQUEST_CANCELLED && !cancelled) problems.add(`${what}: cancelled though the client did not cancel it`);
  else if (prepared.valid && !cancelled && answer.code !== CONTENT_MODIFIED) problems.add(`${what}: error ${answer.code} ${answer.message} for a valid request on an open document`);
  else if (answer.code === INTERNAL_ERROR) {
    // Bad input may be refused with any error response; a crash behind it is noted, and its log line expected.
    problems.expectFailedLog = true;
    const key = `${prepared.method}: ${answer.message.split('\n')[0]}`;
    if (!notes.has(key)) notes.set(key, `${run.where}: ${what}`);
  }
}

/** Log lines that mean the server is in trouble: unhandled rejections, uncaught exceptions, failed handlers. */
function troubleIn(lines: string[], expectFailed = false): string[] {
  return lines.filter((l) => /unhandled|uncaught|\[exit\]/i.test(l) || (!expectFailed && /failed:/.test(l)));
}

async function runStep(run: Run, step: Step, problems: Problems): Promise<void> {
  const { session } = run;
  const { client } = session;
  switch (step.op) {
    case 'open': {
      const uri = uriOf(run, step.doc);
      if (client.docs.has(uri)) client.close(uri); // an editor closes before it opens again
      if (TRACE) console.info(`${run.where} → didOpen ${uri} ${clip(show(step.text), 400)}`);
      client.open(uri, step.text);
      count('didOpen');
      record(session, uri);
      session.results.delete(uri);
      return;
    }
    case 'change': {
      const uri = uriOf(run, step.doc);
      if (!client.docs.has(uri)) return; // an editor never changes a document it has not opened
      count('didChange');
      const lines = linesOf(run, uri);
      // Each change applies to the text the previous one left; positions are resolved before any (as generated).
      changeDocument(
        session,
        uri,
        step.changes.map((c) => ('full' in c ? { text: c.full } : { range: lines.resolveRange(c.range).range, text: c.text })),
      );
      return;
    }
    case 'close': {
      const uri = uriOf(run, step.doc);
      if (client.docs.has(uri)) client.close(uri);
      return;
    }
    case 'save': {
      const uri = uriOf(run, step.doc);
      if (client.docs.has(uri)) client.save(uri);
      return;
    }
    case 'settings':
      await changeSettings(session, { enable: step.enable, locale: step.locale, run: 'onType', inlayHints: { enable: step.hints } });
      return;
    case 'burst': {
      // Requests and edits without waiting in between, some cancelled at once: all must be answered.
      // The server may answer for a later version than the one a request was sent at, so only the answers are judged.
      const pending: { prepared: Prepared; answer: Promise<Answer>; cancelled: boolean }[] = [];
      step.steps.forEach((s, i) => {
        if (s.op === 'change') return void runStep(run, s, problems);
        const prepared = prepare(run, s);
        const cancelled = step.cancel[i] === true;
        const source = cancelled ? new CancellationTokenSource() : undefined;
        pending.push({ prepared, answer: send(run, prepared.method, prepared.params, source), cancelled });
        source?.cancel();
      });
      const settled = await Promise.allSettled(pending.map((p) => p.answer));
      const lost = settled.find((s) => s.status === 'rejected');
      if (lost) throw lost.reason;
      const answers = settled.map((s) => (s as PromiseFulfilledResult<Answer>).value);
      answers.forEach((answer, i) => {
        const { prepared, cancelled } = pending[i]!;
        if (!answer.ok) judge(run, prepared, answer, problems, cancelled);
      });
      return;
    }
    default: {
      const prepared = prepare(run, step);
      const answer = await send(run, prepared.method, prepared.params);
      judge(run, prepared, answer, problems);
      if (answer.ok && prepared.after) await prepared.after(answer.result, problems);
    }
  }
}

const DEFAULT_SETTINGS = { enable: true, locale: 'auto', run: 'onType', inlayHints: { enable: true } };

/** policylint.* settings as the editor changes them: the server is told, and asks for them (workspace/configuration). */
async function changeSettings(session: Session, settings: typeof DEFAULT_SETTINGS): Promise<void> {
  if (show(session.client.settings) === show(settings)) return;
  session.client.settings = settings;
  if (TRACE) console.info(`→ didChangeConfiguration ${show(settings)}`);
  await session.client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
}

let sessions: { pull?: Session; push?: Session } = {};

async function sessionFor(pull: boolean): Promise<Session> {
  const key = pull ? 'pull' : 'push';
  const current = sessions[key];
  if (current && !current.broken && current.client.alive) return current;
  await stopSession(current);
  const fresh = await startSession(pull);
  sessions[key] = fresh;
  return fresh;
}

async function runSequence({ disk, steps }: Sequence, pull: boolean, seed: number): Promise<void> {
  const session = await sessionFor(pull);
  const id = ++runCounter;
  const diskFile = join(WORKSPACE, `服务 承诺 ${id}.md`);
  const probe = `untitled:probe-${id}`;
  const run: Run = {
    session,
    id,
    pull,
    // An untitled buffer, a workspace file that exists on disk, a file outside the workspace (a path with #, % and a space).
    slots: [`untitled:fuzz-${id}`, fileUri(diskFile), fileUri(join(tmp, 'sub dir', `policy#${id}%.md`))],
    seed,
    where: `seed ${seed}, run ${id}`,
  };
  const { client } = session;
  const fail = (where: string, messages: string[], step?: Step): never => {
    throw new FuzzError(`${run.where}, ${where}${step ? ` ${clip(show(step), 1500)}` : ''}:\n  ${messages.join('\n  ')}\n(replay: FUZZ_SEED=${SEED} FUZZ_PATH=<the path fast-check prints> npx vitest run test/server/fuzz.test.ts -t ${pull ? 'pull' : 'push'}; FUZZ_SEED=${SEED} gives this test seed ${seed}; FUZZ_TRACE=1 prints every message)`);
  };
  const answered = (answer: Answer, what: string): Answer => (answer.ok ? answer : fail(what, [`error ${answer.code} ${answer.message}`]));
  session.async.list.length = 0;
  await changeSettings(session, DEFAULT_SETTINGS); // a run may have changed them
  let logged = client.logs.length;
  try {
    // The workspace file appears on disk, as the editor's file watcher reports; workspace/diagnostic answers once it is read.
    writeFileSync(diskFile, disk);
    session.history.set(`${run.slots[1]}#disk`, [readFileSync(diskFile, 'utf8')]); // as written (a lone surrogate becomes U+FFFD)
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: run.slots[1], type: 1 }] });
    run.where = `seed ${seed}, run ${id}, creating the workspace file`;
    answered(await send(run, 'workspace/diagnostic', { previousResultIds: [] }), 'workspace/diagnostic');

    for (const [i, step] of steps.entries()) {
      run.where = `seed ${seed}, run ${id}, step ${i}`;
      const problems = new Problems();
      await runStep(run, step, problems);
      const trouble = troubleIn(client.logs.slice(logged), problems.expectFailedLog);
      logged = client.logs.length;
      const all = [...problems.list, ...session.async.list.splice(0), ...trouble.map((l) => `server log: ${clip(l, 3000)}`)];
      if (!client.alive) {
        session.broken = true;
        all.push(`the server exited; log:\n${client.logs.slice(-30).join('\n')}`);
      }
      if (all.length > 0) fail(`step ${i} (${step.op})`, all, step);
    }

    // Still serving: a hover on an open document (or on a probe opened for it) is answered with a result.
    run.where = `seed ${seed}, run ${id}, final hover`;
    const open = run.slots.find((u) => client.docs.has(u));
    if (!open) {
      client.open(probe, '# 服务承诺书\n\n一、总则\n\n本公司【公司名称】承诺热线电话须在20秒内接通。\n');
      record(session, probe);
    }
    const target = open ?? probe;
    const lines = linesOf(run, target);
    const line = Math.min(4, lines.count - 1);
    answered(await send(run, 'textDocument/hover', { textDocument: { uri: target }, position: { line, character: Math.min(6, lines.length(line)) } }), 'final hover');

    // Every document of the run closed: nothing is reported for them any more.
    run.where = `seed ${seed}, run ${id}, closing`;
    for (const uri of [run.slots[0]!, run.slots[1]!, run.slots[2]!, probe]) if (client.docs.has(uri)) client.close(uri);
    if (!pull) {
      // A pushing server clears what it published for a closed document.
      for (const uri of [...run.slots, probe]) await waitForPublished(session, () => !client.published.get(uri)?.diagnostics.length, `empty diagnostics for ${uri} after close`).catch((e: Error) => fail('after closing', [e.message]));
    }
    const closed = answered(await send(run, 'textDocument/diagnostic', { textDocument: { uri: run.slots[0] } }), 'diagnostic after closing');
    if (closed.ok && (closed.result as DocumentDiagnosticReport).kind === 'full' && (closed.result as { items: Diagnostic[] }).items.length > 0) fail('after closing', [`diagnostics for a closed document: ${clip(show(closed.result))}`]);
    // Closing a workspace file makes the server read it from disk again. workspace/diagnostic answers once that read
    // is done (deleting the file while it is in flight is a race of its own), and what it reports must fit the files on disk.
    const reread = prepare(run, { op: 'workspaceDiagnostic', previous: false });
    const problems = new Problems();
    judge(run, reread, await send(run, reread.method, reread.params), problems);
    if (problems.list.length > 0) fail('workspace/diagnostic after closing', problems.list);
    unlinkSync(diskFile);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: run.slots[1], type: 3 }] });
    const removed = answered(await send(run, 'workspace/diagnostic', { previousResultIds: [] }), 'workspace/diagnostic after deleting the workspace file');
    const stale = removed.ok ? (removed.result as { items: { uri: string }[] }).items.filter((i) => i.uri === run.slots[1]) : [];
    if (stale.length > 0) fail('after deleting the workspace file', [`workspace/diagnostic still reports it: ${clip(show(stale))}`]);

    const trouble = [...session.async.list.splice(0), ...troubleIn(client.logs.slice(logged)).map((l) => `server log: ${clip(l, 3000)}`)];
    if (trouble.length > 0) fail('at the end', trouble);
  } finally {
    // Also after a failure, so the next run (shrinking replays many) starts from a clean server.
    const mine = [...run.slots, probe];
    const usable = client.alive && !session.broken;
    if (usable) for (const uri of mine) if (client.docs.has(uri)) client.close(uri);
    const settle = () => (usable ? send(run, 'workspace/diagnostic', { previousResultIds: [] }).catch(() => undefined) : undefined);
    await settle();
    if (existsSync(diskFile)) {
      unlinkSync(diskFile);
      if (usable) await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: run.slots[1], type: 3 }] });
      await settle();
    }
    for (const key of [...session.history.keys()]) if (mine.some((u) => key.startsWith(`${u}#`))) session.history.delete(key);
    for (const uri of mine) session.results.delete(uri);
  }
}

async function fuzz(pull: boolean, seed: number, numRuns: number): Promise<void> {
  const started = Date.now();
  await fc.assert(
    fc.asyncProperty(sequenceArb, (steps) => runSequence(steps, pull, seed)),
    { seed, numRuns, path: PATH, plugins: [fc.interruptAfterTimeLimit(TIME_LIMIT_MS)] },
  );
  console.info(`server fuzz (${pull ? 'pull' : 'push'}): seed ${seed}, ${numRuns} sequences of up to ${MAX_STEPS} steps, ${Date.now() - started} ms`);
  console.info([...stats].sort().map(([k, n]) => `  ${k}: ${n}`).join('\n'));
  stats.clear();
  for (const [key, where] of notes) console.info(`bad input answered with an internal error (accepted): ${key}\n  first at ${where}`);
  notes.clear();
}

afterAll(async () => {
  await stopSession(sessions.pull);
  await stopSession(sessions.push);
  sessions = {};
  rmSync(tmp, { recursive: true, force: true });
});

describe('server fuzzing over stdio', () => {
  it(`survives random open/change/close/request sequences, a pull client (seed ${SEED})`, () => fuzz(true, SEED, RUNS), TIME_LIMIT_MS + 60_000);
  it(`survives random sequences, a push client (seed ${SEED + 1})`, () => fuzz(false, SEED + 1, Math.max(1, Math.round(RUNS / 3))), TIME_LIMIT_MS + 60_000);
});
