import stringWidth from 'string-width';
import type { Locale, PlacedFinding, Severity } from '../../engine/types';
import type { FileResult, ReportedFinding, RunSummary } from '../report';
import { wordPlace } from './word-place';
import type { FormatContext } from './context';
import { visibleControls } from './escape';

// Modelled on ESLint's "stylish" so that people (and editors' problem matchers,
// e.g. VS Code's $eslint-stylish) read it without learning anything new. That is
// also why the severity word stays English in every locale: the matchers look
// for `error|warning|info` literally.

type Style = (s: string) => string;

interface Palette {
  underline: Style;
  dim: Style;
  bold: Style;
  severity: Record<Severity, Style>;
  skipped: Style;
}

const plain: Style = (s) => s;

function sgr(open: number, close: number): Style {
  return (s) => (s === '' ? s : `\u001b[${open}m${s}\u001b[${close}m`);
}

const red = sgr(31, 39);
const yellow = sgr(33, 39);
const cyan = sgr(36, 39);

const COLOURS: Palette = {
  underline: sgr(4, 24),
  dim: sgr(2, 22),
  bold: sgr(1, 22),
  severity: { error: red, warning: yellow, info: cyan },
  skipped: yellow,
};

const NO_COLOURS: Palette = {
  underline: plain,
  dim: plain,
  bold: plain,
  severity: { error: plain, warning: plain, info: plain },
  skipped: plain,
};

/** Pads to a display width, counting a CJK character as two columns. */
function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - stringWidth(s)));
}

function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - stringWidth(s))) + s;
}

/**
 * A message broken over lines would tear the table apart, and document text in it must not
 * drive the terminal (escape sequences) or a CI log (a lone carriage return starts a new line).
 */
function oneLine(message: string): string {
  return visibleControls(message.replace(/(?<!\s)\s*(?:\r\n?|\n)\s*/g, ' ').trim());
}

interface Row {
  line: string;
  column: string;
  severity: Severity;
  message: string;
  ruleId: string;
}

function toRow(f: ReportedFinding, locale: Locale): Row {
  const place = wordPlace(f, locale);
  return {
    line: String(f.line),
    column: String(f.column),
    severity: f.severity,
    // ESLint drops a final full stop so the rule id does not read as part of the
    // sentence; the CJK full stop gets the same treatment.
    message: oneLine(f.message).replace(/([^ .])[.。]$/u, '$1') + (place === undefined ? '' : oneLine(locale === 'zh-CN' ? `（${place}）` : ` (${place})`)),
    ruleId: visibleControls(f.ruleId),
  };
}

function byPosition(a: PlacedFinding, b: PlacedFinding): number {
  return a.line - b.line || a.column - b.column;
}

function table(rows: Row[], p: Palette): string[] {
  const w = { line: 0, column: 0, severity: 0, message: 0 };
  for (const r of rows) {
    w.line = Math.max(w.line, stringWidth(r.line));
    w.column = Math.max(w.column, stringWidth(r.column));
    w.severity = Math.max(w.severity, stringWidth(r.severity));
    w.message = Math.max(w.message, stringWidth(r.message));
  }
  return rows.map((r) => {
    // Line numbers right-aligned and columns left-aligned around the colon, as
    // ESLint does, so the colons line up.
    const place = p.dim(`${padStart(r.line, w.line)}:${padEnd(r.column, w.column)}`);
    const severity = p.severity[r.severity](padEnd(r.severity, w.severity));
    const message = r.ruleId === '' ? r.message : padEnd(r.message, w.message);
    const tail = r.ruleId === '' ? '' : `  ${p.dim(r.ruleId)}`;
    return `  ${place}  ${severity}  ${message}${tail}`.trimEnd();
  });
}

interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function summaryLine(c: Counts, locale: Locale): string {
  const total = c.errors + c.warnings + c.infos;
  if (locale === 'zh-CN') {
    const parts = [`${c.errors} 个错误`, `${c.warnings} 个警告`];
    if (c.infos > 0) parts.push(`${c.infos} 个提示`);
    return `✖ ${total} 个问题（${parts.join('，')}）`;
  }
  const parts = [plural(c.errors, 'error', 'errors'), plural(c.warnings, 'warning', 'warnings')];
  if (c.infos > 0) parts.push(plural(c.infos, 'info', 'infos'));
  return `✖ ${plural(total, 'problem', 'problems')} (${parts.join(', ')})`;
}

function fixableLine(n: number, locale: Locale): string {
  return locale === 'zh-CN'
    ? `  其中 ${n} 个问题可用 \`--fix\` 选项自动修复。`
    : `  ${plural(n, 'problem', 'problems')} potentially fixable with the \`--fix\` option.`;
}

function skippedText(reason: string, locale: Locale): string {
  return locale === 'zh-CN' ? `  已跳过：${oneLine(reason)}` : `  skipped: ${oneLine(reason)}`;
}

export function formatStylish(results: FileResult[], summary: RunSummary, ctx: FormatContext): string {
  const p = ctx.color ? COLOURS : NO_COLOURS;
  const out: string[] = [];
  let fixable = 0;

  for (const file of results) {
    if (file.findings.length === 0 && !file.skipped) continue;
    out.push('', p.underline(visibleControls(file.path)));
    if (file.skipped) out.push(p.skipped(skippedText(file.skipped.reason, ctx.locale)));
    const sorted = [...file.findings].sort(byPosition);
    fixable += sorted.filter((f) => f.fixable).length;
    for (const line of table(sorted.map((f) => toRow(f, ctx.locale)), p)) out.push(line);
  }

  const total = summary.errors + summary.warnings + summary.infos;
  if (total > 0) {
    const colour = summary.errors > 0 ? red : summary.warnings > 0 ? yellow : cyan;
    const paint: Style = ctx.color ? (s) => p.bold(colour(s)) : plain;
    out.push('', paint(summaryLine(summary, ctx.locale)));
    if (fixable > 0) out.push(paint(fixableLine(fixable, ctx.locale)));
  }

  if (out.length === 0) return '';
  return out.join('\n') + '\n';
}
