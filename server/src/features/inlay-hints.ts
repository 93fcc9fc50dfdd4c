// Inlay hints: after a calendar duration, the value on a scale the reader can
// compare ("3天" → "≈ 72 h", "1分钟" → "= 60 s"). Off with policylint.inlayHints.enable.

import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver/node';
import { inlayLabel } from './sla-format';
import type { DocumentState, Workspace } from './workspace';

export function inlayHints(workspace: Workspace, state: DocumentState, range: Range): InlayHint[] {
  if (!state.settings.enable || !state.settings.inlayHints.enable) return [];
  const entry = workspace.project.get(state.path);
  if (!entry) return [];
  const from = state.lines.fromLsp(range.start);
  const to = state.lines.fromLsp(range.end);
  const hints: InlayHint[] = [];
  for (const record of entry.analysis.commitments) {
    if (record.valueEnd < from || record.valueEnd > to) continue;
    const label = inlayLabel(record, state.locale);
    if (label) hints.push({ position: state.lines.toLsp(record.valueEnd), label, kind: InlayHintKind.Type, paddingLeft: true });
  }
  return hints;
}
