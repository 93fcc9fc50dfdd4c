// Commands and custom requests: fix all, insert missing sections (both applied
// through workspace/applyEdit), the SLA table and the status bar's document info.

import type { CancellationToken, Connection, ExecuteCommandParams } from 'vscode-languageserver/node';
import { applyEdits } from '../engine/edits';
import { lintText } from '../lint/linter';
import type { Locale } from '../engine/types';
import { DocumentInfoRequest, ServerCommands, SlaTableRequest, type SlaTableRow } from '../protocol';
import { legalLimitCell } from '../policy/regulations/labels';
import { minimalEdit, workspaceEdit, type CodeActionsFeature, type EditOptions } from './code-actions';
import { toRange } from './convert';
import { channelLabel, metricLabel, normalizedLabel, scopeLabel, statusLabel, strengthLabel, valueLabel } from './sla-format';
import type { DocumentState, Workspace } from './workspace';
import { isFindingOf } from '../rules/metadata';

/** Each inserted section can renumber the ones after it, so they are inserted one at a time, re-linting in between. */
const MAX_SECTIONS = 20;

export class CommandsFeature {
  constructor(
    private readonly connection: Connection,
    private readonly workspace: Workspace,
    private readonly codeActions: CodeActionsFeature,
    private readonly editOptions: EditOptions,
  ) {}

  async execute(params: ExecuteCommandParams, token: CancellationToken): Promise<boolean> {
    const uri = params.arguments?.[0];
    if (typeof uri !== 'string') return false;
    const state = await this.workspace.fresh(uri, token);
    if (!state?.result) return false;
    const edit = params.command === ServerCommands.applyFixAll ? this.codeActions.fixAllEdit(state) : params.command === ServerCommands.applyInsertMissingSections ? this.insertSectionsEdit(state) : undefined;
    if (!edit) return false;
    const applied = await this.connection.workspace.applyEdit({ label: params.command, edit });
    return applied.applied;
  }

  private insertSectionsEdit(state: DocumentState) {
    const options = { config: state.config, locale: state.settings.locale === 'auto' ? undefined : state.settings.locale };
    let text = state.lines.text;
    for (let i = 0; i < MAX_SECTIONS; i++) {
      const finding = lintText(state.path, text, options).findings.find((f) => isFindingOf(f, 'required-section') && f.fixes[0]?.edits.length);
      if (!finding) break;
      const next = applyEdits(text, finding.fixes[0]!.edits);
      if (next === text) break;
      text = next;
    }
    const edit = minimalEdit(state.lines.text, text);
    return edit ? workspaceEdit(state, [{ range: toRange(state.lines, edit), newText: edit.text }], this.editOptions) : undefined;
  }

  slaTable(params: SlaTableRequest.Params): SlaTableRequest.Result {
    const locale: Locale = params.locale === 'zh-CN' ? 'zh-CN' : 'en';
    const first = params.uri;
    const rows: SlaTableRow[] = this.workspace.project.commitmentTable().map(({ record, status, legalLimit }) => {
      const uri = this.workspace.uriOf(record.path);
      const lines = this.workspace.stateOf(record.path)?.lines;
      const pos = lines ? lines.toLsp(record.valueStart) : { line: record.valuePlace.line - 1, character: record.valuePlace.column - 1 };
      return {
        uri,
        path: this.workspace.displayPath(record.path),
        line: pos.line,
        character: pos.character,
        channel: channelLabel(record.channel, locale),
        metric: metricLabel(record.metric, locale),
        conditions: scopeLabel(record.scope, locale),
        value: valueLabel(record, locale),
        normalized: normalizedLabel(record, locale),
        strength: strengthLabel(record, locale),
        status,
        statusLabel: statusLabel(status, locale),
        text: record.text,
        key: record.key,
        legalLimit: legalLimit ? (legalLimitCell(legalLimit, locale) ?? '') : '',
      };
    });
    rows.sort((a, b) => Number(b.uri === first) - Number(a.uri === first) || a.path.localeCompare(b.path) || a.line - b.line || a.character - b.character);
    return { rows, indexing: this.workspace.isIndexing };
  }

  async documentInfo(params: DocumentInfoRequest.Params, token: CancellationToken): Promise<DocumentInfoRequest.Result> {
    const state = await this.workspace.current(params.uri, token);
    if (!state?.result || !state.settings.enable) return null;
    const findings = this.workspace.project.findings(state.path);
    const count = (s: string) => findings.filter((f) => f.severity === s).length;
    return {
      kind: state.result.doc.kind ?? null,
      language: state.result.doc.language,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      commitments: this.workspace.project.get(state.path)?.analysis.commitments.length ?? 0,
    };
  }
}
