// Code lens on each section that makes promises: "3 commitments · 1 conflict",
// opening the SLA table. Counts include subsections (the section's whole span).

import type { CodeLens } from 'vscode-languageserver/node';
import { ClientCommands } from '../protocol';
import { t } from './messages';
import { scopeLabel } from './sla-format';
import type { DocumentState, Workspace } from './workspace';

export function codeLenses(workspace: Workspace, state: DocumentState): CodeLens[] {
  const outline = state.result?.doc.outline;
  if (!outline || !state.settings.enable || !state.settings.codeLens.enable) return [];
  const rows = workspace.project.commitmentTable().filter((r) => r.record.path === state.path);
  if (rows.length === 0) return [];
  const lenses: CodeLens[] = [];
  for (const entry of outline.entries) {
    const inside = rows.filter((r) => r.record.start >= entry.span.start && r.record.start < entry.sectionEnd);
    if (inside.length === 0) continue;
    const n = inside.length;
    const m = inside.filter((r) => r.status === 'conflict').length;
    // The scopes the section promises for ("P1, P2 · Enterprise"), at most three, so a reader sees what the numbers are for.
    const scopes = [...new Set(inside.map((r) => scopeLabel(r.record.scope, state.locale)).filter((s) => s !== '—'))];
    const scopeText = scopes.length ? ` · ${scopes.slice(0, 3).join(state.locale === 'zh-CN' ? '；' : '; ')}${scopes.length > 3 ? '…' : ''}` : '';
    const title = `${t(state.locale, n === 1 ? 'lensCommitment' : 'lensCommitments', { n })}${scopeText} · ${t(state.locale, m === 1 ? 'lensConflict' : 'lensConflicts', { n: m })}`;
    lenses.push({
      range: { start: state.lines.toLsp(entry.span.start), end: state.lines.toLsp(entry.span.end) },
      command: { title, command: ClientCommands.showSlaTable, arguments: [state.uri] },
    });
  }
  return lenses;
}
