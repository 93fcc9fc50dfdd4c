// Code actions: every fix a finding carries (engine Fix, 'fix' and
// 'suggestion' alike), "disable this rule for this line", and fix-all
// (source.fixAll.policylint), which runs the engine's own fixText so the
// editor and `policylint --fix` produce the same text.

import {
  CodeActionKind,
  TextDocumentEdit,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type Command,
  type Diagnostic,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { applyEdits } from '../engine/edits';
import { fixText } from '../lint/linter';
import { LineIndex } from '../engine/position';
import { lineBreakOf } from '../engine/related';
import type { Finding, Fix, TextEdit } from '../engine/types';
import { ClientCommands, ServerCommands } from '../protocol';
import { sameRange, toDiagnostic, toRange } from './convert';
import { t } from './messages';
import type { DocumentState, Workspace } from './workspace';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.policylint`;

/** Whether the client asked for actions of this kind (`only` lists kinds and their parents). */
function wanted(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export interface EditOptions {
  /** The client accepts versioned documentChanges (refused if the document changed meanwhile). */
  documentChanges: boolean;
}

/** A workspace edit for one document, versioned when the client supports it. */
export function workspaceEdit(state: DocumentState, edits: LspTextEdit[], options: EditOptions): WorkspaceEdit {
  if (options.documentChanges && state.version !== null) {
    return { documentChanges: [TextDocumentEdit.create({ uri: state.uri, version: state.version }, edits)] };
  }
  return { changes: { [state.uri]: edits } };
}

function toLspEdits(state: DocumentState, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: toRange(state.lines, e), newText: e.text }));
}

/** The smallest single edit turning `before` into `after`, so cursors and folds elsewhere stay put. */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  while (start < before.length && start < after.length && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
    endB--;
    endA--;
  }
  // Never split a surrogate pair between the kept and the replaced text.
  if (start > 0 && /[\uD800-\uDBFF]/.test(before[start - 1]!)) start--;
  if (endB < before.length && /[\uDC00-\uDFFF]/.test(before[endB]!)) {
    endB++;
    endA++;
  }
  return { start, end: endB, text: after.slice(start, endA) };
}

export class CodeActionsFeature {
  constructor(
    private readonly workspace: Workspace,
    private readonly options: EditOptions,
  ) {}

  async provide(params: CodeActionParams, token: CancellationToken): Promise<CodeAction[]> {
    const state = await this.workspace.fresh(params.textDocument.uri, token);
    if (!state?.result || !state.settings.enable) return [];
    const only = params.context.only;
    const start = state.lines.fromLsp(params.range.start);
    const end = state.lines.fromLsp(params.range.end);
    // The findings under the cursor, and those the client named (the Problems panel sends a diagnostic, not a cursor).
    const named = (f: Finding) => params.context.diagnostics.some((d) => d.code === f.ruleId && sameRange(d.range, toRange(state.lines, f)));
    const findings = this.workspace.project.findings(state.path).filter((f) => (f.start <= end && start <= f.end) || named(f));
    const actions: CodeAction[] = [];
    if (wanted(only, CodeActionKind.QuickFix)) {
      for (const f of findings) {
        const diagnostic = matchDiagnostic(f, params.context.diagnostics, state);
        for (const fix of f.fixes) actions.push(this.fixAction(state, f, fix, diagnostic));
      }
      const disabled = new Set<string>();
      for (const f of findings) {
        const line = state.lines.lineOf(f.start);
        const key = `${f.ruleId}@${line}`;
        if (disabled.has(key)) continue;
        disabled.add(key);
        const action = this.disableAction(state, f, line, matchDiagnostic(f, params.context.diagnostics, state));
        if (action) actions.push(action);
      }
      if (findings.some((f) => f.fixes.some((x) => x.kind === 'fix'))) {
        actions.push({ title: t(state.locale, 'fixAll'), kind: CodeActionKind.QuickFix, command: { title: t(state.locale, 'fixAll'), command: ServerCommands.applyFixAll, arguments: [state.uri, state.version] } });
      }
    }
    // Only on request (on save, or the Source Action menu): fixing the whole file is not free.
    if (only && wanted(only, FIX_ALL_KIND)) {
      const edit = this.fixAllEdit(state);
      if (edit) actions.push({ title: t(state.locale, 'fixAllSource'), kind: FIX_ALL_KIND, edit });
    }
    return actions;
  }

  private fixAction(state: DocumentState, finding: Finding, fix: Fix, diagnostic: Diagnostic): CodeAction {
    const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic] };
    if (fix.edits.length > 0) action.edit = workspaceEdit(state, toLspEdits(state, fix.edits), this.options);
    if (fix.kind === 'fix' && finding.fixes.indexOf(fix) === 0) action.isPreferred = true;
    if (fix.selectAfter) action.command = selectCommand(state, fix);
    return action;
  }

  /** `<!-- policylint-disable-next-line RULE -->` above the line, indented like it, with the file's line ending. */
  private disableAction(state: DocumentState, finding: Finding, line: number, diagnostic: Diagnostic): CodeAction | undefined {
    const doc = state.result!.doc;
    // Inside front matter or a table a comment line would break the structure it sits in.
    if (doc.md.markupLines[line] || (doc.md.frontMatter && finding.start < doc.md.frontMatter.span.end)) return undefined;
    const indent = /^[ \t>]*/.exec(state.lines.lineText(line))![0];
    const eol = state.lines.lineBreak(line) || lineBreakOf(doc);
    const at = state.lines.lineStart(line);
    const text = `${indent}<!-- policylint-disable-next-line ${finding.ruleId} -->${eol}`;
    return {
      title: t(state.locale, 'disableLine', { rule: finding.ruleId }),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: workspaceEdit(state, toLspEdits(state, [{ start: at, end: at, text }]), this.options),
    };
  }

  /** The engine's fix-all (repeated passes, non-overlapping edits) as one minimal edit. */
  fixAllEdit(state: DocumentState): WorkspaceEdit | undefined {
    const text = state.lines.text;
    const fixed = fixText(state.path, text, { config: state.config, locale: state.settings.locale === 'auto' ? undefined : state.settings.locale });
    const edit = minimalEdit(text, fixed.text);
    return edit ? workspaceEdit(state, toLspEdits(state, [edit]), this.options) : undefined;
  }
}

/** The client's own diagnostic for a finding when it sent one (so the editor links them), else ours. */
function matchDiagnostic(f: Finding, sent: Diagnostic[], state: DocumentState): Diagnostic {
  const range = toRange(state.lines, f);
  const same = (d: Diagnostic) => d.code === f.ruleId && sameRange(d.range, range);
  // Related locations don't matter for linking an action to its diagnostic; the client's copy has them anyway.
  return sent.find(same) ?? { ...toDiagnostic({ ...f, related: [] }, state.lines, () => ({ uri: state.uri, range })) };
}

/** Fix.selectAfter is in the edited text, so it is converted with the edited text's line index. */
function selectCommand(state: DocumentState, fix: Fix): Command {
  const edited = new LineIndex(applyEdits(state.lines.text, fix.edits));
  return { title: fix.title, command: ClientCommands.selectRange, arguments: [state.uri, toRange(edited, fix.selectAfter!)] };
}
