// Inline switches, as markdownlint and ESLint have them:
//   <!-- policylint-disable RULE[, RULE] -->   … <!-- policylint-enable RULE -->
//   <!-- policylint-disable-next-line RULE -->
//   <!-- policylint-disable-line RULE -->
// With no rule named, the switch applies to every rule.

import type { HtmlComment } from './markdown';
import type { LineIndex } from './position';

const DIRECTIVE = /^policylint-(disable-next-line|disable-line|disable|enable)(?:\s+([\s\S]*))?$/;
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

export function disableRanges(comments: HtmlComment[], lines: LineIndex): DisableRange[] {
  const ranges: DisableRange[] = [];
  const open = new Map<string, number>();
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
    for (const rule of targets) {
      switch (m[1]) {
        case 'disable-next-line':
          ranges.push({ rule, from: endLine + 1, to: endLine + 1 });
          break;
        case 'disable-line':
          ranges.push({ rule, from: line, to: line });
          break;
        case 'disable':
          if (!open.has(rule)) open.set(rule, line);
          break;
        case 'enable':
          if (rule === ALL) {
            for (const [r, from] of open) ranges.push({ rule: r, from, to: line });
            open.clear();
          } else if (open.has(rule)) {
            ranges.push({ rule, from: open.get(rule)!, to: line });
            open.delete(rule);
          }
          break;
      }
    }
  }
  // Open to the end of the document; MAX_SAFE_INTEGER survives JSON (the cache), Infinity would not.
  for (const [rule, from] of open) ranges.push({ rule, from, to: Number.MAX_SAFE_INTEGER });
  return ranges;
}
