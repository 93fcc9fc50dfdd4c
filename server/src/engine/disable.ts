// Inline switches, as markdownlint and ESLint have them:
//   <!-- policylint-disable RULE[, RULE] -->   … <!-- policylint-enable RULE -->
//   <!-- policylint-disable-next-line RULE -->
//   text <!-- policylint-disable-line RULE -->   (a trailing comment: inline HTML)
//   <!-- policylint-disable-file RULE -->       (anywhere in the file)
// With no rule named, the switch applies to every rule.

import type { HtmlComment } from './markdown';
import type { LineIndex } from './position';

const DIRECTIVE = /^policylint-(disable-next-line|disable-line|disable-file|disable|enable)(?:\s+([\s\S]*))?$/;
const ALL = '*';

export interface DisableMap {
  isDisabled(ruleId: string, line: number): boolean;
}

/** A rule switched off for lines from..to (0-based, inclusive); '*' is every rule. Plain data, so it travels with an analysis. */
export interface DisableRange {
  rule: string;
  from: number;
  to: number;
}

export function isDisabledIn(ranges: readonly DisableRange[], ruleId: string, line: number): boolean {
  return ranges.some((r) => (r.rule === ruleId || r.rule === ALL) && line >= r.from && line <= r.to);
}

export function buildDisableMap(comments: HtmlComment[], lines: LineIndex): DisableMap {
  const ranges = disableRanges(comments, lines);
  return { isDisabled: (ruleId, line) => isDisabledIn(ranges, ruleId, line) };
}

/** A range with the comment that switched it off (offsets), so an unused one can be reported there. */
export interface DirectiveRange extends DisableRange {
  start: number;
  end: number;
}

export function disableRanges(comments: HtmlComment[], lines: LineIndex): DisableRange[] {
  return directiveRanges(comments, lines).map(({ rule, from, to }) => ({ rule, from, to }));
}

export function directiveRanges(comments: HtmlComment[], lines: LineIndex): DirectiveRange[] {
  const ranges: DirectiveRange[] = [];
  const open = new Map<string, { from: number; start: number; end: number }>();
  for (const c of comments) {
    const m = DIRECTIVE.exec(c.body);
    if (!m) continue;
    const rules = (m[2] ?? '')
      .split(/[\s,]+/)
      .map((r) => r.trim())
      .filter(Boolean);
    const targets = rules.length ? rules : [ALL];
    const line = lines.lineOf(c.span.start);
    const endLine = lines.lineOf(c.span.end);
    const at = { start: c.span.start, end: c.span.end };
    for (const rule of targets) {
      switch (m[1]) {
        case 'disable-next-line':
          ranges.push({ rule, from: endLine + 1, to: endLine + 1, ...at });
          break;
        case 'disable-line':
          ranges.push({ rule, from: line, to: line, ...at });
          break;
        case 'disable-file':
          // Open to the end of the document; MAX_SAFE_INTEGER survives JSON (the cache), Infinity would not.
          ranges.push({ rule, from: 0, to: Number.MAX_SAFE_INTEGER, ...at });
          break;
        case 'disable':
          if (!open.has(rule)) open.set(rule, { from: line, ...at });
          break;
        case 'enable':
          if (rule === ALL) {
            for (const [r, o] of open) ranges.push({ rule: r, from: o.from, to: line, start: o.start, end: o.end });
            open.clear();
          } else if (open.has(rule)) {
            const o = open.get(rule)!;
            ranges.push({ rule, from: o.from, to: line, start: o.start, end: o.end });
            open.delete(rule);
          }
          break;
      }
    }
  }
  for (const [rule, o] of open) ranges.push({ rule, from: o.from, to: Number.MAX_SAFE_INTEGER, start: o.start, end: o.end });
  return ranges;
}
