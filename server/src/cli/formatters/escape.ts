// Document text and file names reach every output: a terminal, a CI log, a
// spreadsheet, a pull-request comment. Each output has its own way of being
// tricked into doing something, so each has its escape here, and nothing a
// document says is printed without one.

const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const CONTROLS_BUT_LINE_BREAKS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * For a terminal or a CI log. C0 and C1 controls (escape sequences, a lone carriage return that a
 * CI runner reads as a line break) are shown as their Unicode control pictures or as `\x9B`, and
 * the bidirectional overrides that reorder what a reader sees are shown as `<U+202E>`.
 */
export function visibleControls(s: string, keepLineBreaks = false): string {
  return s.replace(keepLineBreaks ? CONTROLS_BUT_LINE_BREAKS : CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    if (code <= 0x9f) return `\\x${code.toString(16).toUpperCase()}`;
    return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
  });
}

/**
 * A cell that a spreadsheet would read as a formula (= + - @, or a tab or carriage return before
 * one) gets a leading apostrophe, as OWASP recommends against CSV injection.
 */
export function csvCell(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Text in a Markdown table cell of a pull-request comment: no HTML, no links or emphasis, no pipe
 * that ends the cell, and no @mention or #123 reference that would notify someone or link an
 * issue (a zero-width space after the sign, as Renovate does).
 */
export function markdownCell(s: string): string {
  return s
    .replace(/\r\n?|\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]~|]/g, '\\$&')
    .replace(/#(?=\w)/g, '#&#8203;')
    .replace(/@/g, '@&#8203;');
}

/**
 * Text shown as code in a Markdown table cell: the fence is longer than any run of back-ticks
 * inside, so none closes it early; pipes are escaped, as a table needs even inside code.
 */
export function markdownCode(s: string): string {
  const text = s.replace(/\r\n?|\n/g, ' ').replace(/\|/g, '\\|');
  const longest = (text.match(/`+/g) ?? []).reduce((most, run) => Math.max(most, run.length), 0);
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || longest > 0 ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * JSON output for machines stays byte-for-byte the text, but characters a terminal or an editor
 * would act on (C1 controls, bidirectional overrides, line separators) are written as \u escapes,
 * which every JSON reader turns back into the same text.
 */
export function jsonSafe(json: string): string {
  return json.replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
