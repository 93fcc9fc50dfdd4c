// --report-unused-disable-directives: the run lints with the inline directives not applied,
// then applies them here, to the document's own findings and the cross-document ones alike,
// so that a directive that switched nothing off can be reported where it is written: a
// stale `policylint-disable` hides the next real problem.

import type { Locale, PlacedFinding } from '../engine/types';
import { isDisabledIn } from '../engine/disable';
import type { PlacedDirective } from './analyse-file';

export const UNUSED_DIRECTIVE_RULE = 'unused-disable-directive';

/** The findings the directives leave, and one finding for each directive (and rule) that switched nothing off. */
export function applyDirectives(findings: readonly PlacedFinding[], directives: readonly PlacedDirective[], locale: Locale): PlacedFinding[] {
  const used = new Set<PlacedDirective>();
  const kept = findings.filter((f) => {
    const hits = directives.filter((d) => isDisabledIn([d], f.ruleId, f.line - 1));
    for (const d of hits) used.add(d);
    return hits.length === 0;
  });
  const unused = directives.filter((d) => !used.has(d)).map((d) => unusedFinding(d, locale));
  return [...kept, ...unused].sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}

function unusedFinding(d: PlacedDirective, locale: Locale): PlacedFinding {
  const all = d.rule === '*';
  const message =
    locale === 'zh-CN'
      ? all
        ? '未使用的 policylint-disable 指令：它关闭的范围内没有任何问题。请删除此指令'
        : `未使用的 policylint-disable 指令：它关闭的范围内没有「${d.rule}」的问题。请删除此指令或其中的规则名`
      : all
        ? 'Unused policylint-disable directive: no problem was reported where it applies. Remove it'
        : `Unused policylint-disable directive: no "${d.rule}" problem was reported where it applies. Remove it, or the rule from it`;
  return { ruleId: UNUSED_DIRECTIVE_RULE, severity: 'error', messageId: 'unused', message, start: 0, end: 0, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, related: [], fixes: [], fixable: false };
}
