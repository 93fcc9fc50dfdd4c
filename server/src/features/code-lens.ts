// Code lens on each section that makes promises: "3 commitments · 1 conflict",
// opening the SLA table. Counts include subsections (the section's whole span).

import type { CodeLens } from 'vscode-languageserver/node';
import { ClientCommands } from '../protocol';
import { t } from './messages';
import type { DocumentState, Workspace } from './workspace';

export function codeLenses(workspace: Workspace, state: DocumentState): CodeLens[] {
  const outline = state.result?.doc.outline;
  if (!outline || !state.settings.enable) return [];
  const rows = workspace.project.commitmentTable().filter((r) => r.record.path === state.path);
  if (rows.length === 0) return [];
  const lenses: CodeLens[] = [];
  for (const entry of outline.entries) {
    const inside = rows.filter((r) => r.record.start >= entry.span.start && r.record.start < entry.sectionEnd);
    if (inside.length === 0) continue;
    const n = inside.length;
    const m = inside.filter((r) => r.status === 'conflict').length;
    const title = `${t(state.locale, n === 1 ? 'lensCommitment' : 'lensCommitments', { n })} · ${t(state.locale, m === 1 ? 'lensConflict' : 'lensConflicts', { n: m })}`;
    lenses.push({
      range: { start: state.lines.toLsp(entry.span.start), end: state.lines.toLsp(entry.span.end) },
      command: { title, command: ClientCommands.showSlaTable, arguments: [state.uri] },
    });
  }
  return lenses;
}
