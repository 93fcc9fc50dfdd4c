// Completion: inside a placeholder, the organisation's canonical values (from
// the config); at the start of a line, the headings of the required sections
// the document lacks, in the style the insert-section fix would use.

import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver/node';
import type { Finding } from '../engine/types';
import { toRange } from './convert';
import { t } from './messages';
import type { DocumentState, Workspace } from './workspace';
import { isFindingOf } from '../rules/metadata';
import { ownValue } from '../config/own';

export function completions(workspace: Workspace, state: DocumentState, position: Position): CompletionItem[] {
  if (!state.settings.enable || state.skipped) return [];
  const offset = state.lines.fromLsp(position);
  const findings = workspace.project.findings(state.path);
  const blank = findings.find((f) => isFindingOf(f, 'placeholder') && f.start <= offset && offset <= f.end);
  if (blank) return placeholderItems(workspace, state, blank);
  const lineStart = state.lines.lineStart(position.line);
  const typed = state.lines.text.slice(lineStart, offset);
  if (/^[ \t\u3000]*(?:#+[ \t]*)?$/.test(typed)) return sectionItems(state, findings, lineStart, offset, typed);
  return [];
}

function placeholderItems(workspace: Workspace, state: DocumentState, blank: Finding): CompletionItem[] {
  const text = state.lines.text.slice(blank.start, blank.end);
  const range = toRange(state.lines, blank);
  const record = workspace.project.get(state.path)?.analysis.commitments.find((r) => r.valueStart <= blank.start && blank.end <= r.valueEnd);
  const detail = t(state.locale, 'completionPlaceholder');
  const items: CompletionItem[] = [];
  const configured = ownValue(state.config.placeholders?.values, text);
  if (configured !== undefined) items.push({ label: configured, kind: CompletionItemKind.Value, detail, sortText: '0', preselect: true, filterText: text, textEdit: { range, newText: configured } });
  for (const [key, value] of Object.entries(state.config.commitments ?? {})) {
    // A blank in front of its unit (在__小时内) takes the number alone.
    const number = isFindingOf(blank, 'placeholder', 'valueBlank') ? /^\s*\d+(?:\.\d+)?/.exec(value)?.[0]?.trim() : undefined;
    const matches = record?.key === key;
    items.push({
      label: value,
      labelDetails: { description: key },
      kind: CompletionItemKind.Value,
      detail,
      sortText: matches ? '1' : `2${key}`,
      preselect: matches && configured === undefined,
      filterText: text,
      textEdit: { range, newText: number ?? value },
    });
  }
  return items;
}

function sectionItems(state: DocumentState, findings: readonly Finding[], lineStart: number, offset: number, typed: string): CompletionItem[] {
  const range = toRange(state.lines, { start: lineStart, end: offset });
  const items: CompletionItem[] = [];
  for (const f of findings) {
    if (!isFindingOf(f, 'required-section')) continue;
    const inserted = f.fixes[0]?.edits[0]?.text;
    const heading = inserted?.split(/\r\n|\r|\n/)[0]?.trim();
    const title = String(f.data?.title ?? heading ?? '');
    if (!heading || !title) continue;
    items.push({
      label: title,
      kind: CompletionItemKind.Module,
      detail: t(state.locale, 'completionSection'),
      documentation: f.message,
      filterText: `${typed}${title}`,
      sortText: `0${title}`,
      textEdit: { range, newText: heading },
    });
  }
  return items;
}
