// Semantic tokens for placeholders and commitment values. Standard token types
// (string, number) so every theme colours them without configuration.

import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver/node';
import type { Span } from '../engine/types';
import type { DocumentState, Workspace } from './workspace';
import { isFindingOf } from '../rules/metadata';

export const LEGEND: SemanticTokensLegend = { tokenTypes: ['string', 'number'], tokenModifiers: [] };
const PLACEHOLDER = 0;
const VALUE = 1;

export function semanticTokens(workspace: Workspace, state: DocumentState): SemanticTokens {
  if (!state.settings.enable || state.skipped) return { data: [] };
  const spans: (Span & { type: number })[] = [];
  for (const f of workspace.project.findings(state.path)) if (isFindingOf(f, 'placeholder') && f.end > f.start) spans.push({ start: f.start, end: f.end, type: PLACEHOLDER });
  for (const r of workspace.project.get(state.path)?.analysis.commitments ?? []) {
    if (!r.placeholder && r.valueEnd > r.valueStart) spans.push({ start: r.valueStart, end: r.valueEnd, type: VALUE });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  let lastEnd = -1;
  for (const span of spans) {
    if (span.start < lastEnd) continue; // tokens may not overlap; the first (outermost) wins
    lastEnd = span.end;
    // A token lives on one line; a span across lines becomes one token per line.
    for (let line = state.lines.lineOf(span.start); line <= state.lines.lineOf(span.end - 1); line++) {
      const from = Math.max(span.start, state.lines.lineStart(line));
      const to = Math.min(span.end, state.lines.lineEnd(line));
      if (to <= from) continue;
      const pos = state.lines.toLsp(from);
      data.push(pos.line - prevLine, pos.line === prevLine ? pos.character - prevChar : pos.character, to - from, span.type, 0);
      prevLine = pos.line;
      prevChar = pos.character;
    }
  }
  return { data };
}
