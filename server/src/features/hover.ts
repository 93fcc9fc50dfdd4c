// Hover: on an SLA value, a card with what it promises, its normalised value
// and every other statement of the same promise; on a placeholder, what
// belongs there. All document text is escaped (markdown-escape.ts).

import { MarkupKind, type CancellationToken, type Hover, type HoverParams } from 'vscode-languageserver/node';
import type { Locale } from '../engine/types';
import type { CommitmentRecord, CommitmentStatus } from '../policy/commitments';
import type { LegalLimitCheck } from '../policy/regulations/check';
import { legalLimitCell } from '../policy/regulations/labels';
import { toRange } from './convert';
import { escapeMarkdown, safeLinkTarget, truncate } from './markdown-escape';
import { t } from './messages';
import { channelLabel, metricLabel, normalizedLabel, promiseSummary, scopeLabel, statusLabel, strengthLabel, valueLabel } from './sla-format';
import type { DocumentState, Workspace } from './workspace';
import { isFindingOf } from '../rules/metadata';
import { ownValue } from '../config/own';

type TableRow = { record: CommitmentRecord; status: CommitmentStatus; related: CommitmentRecord[]; legalLimit?: LegalLimitCheck };

const LINE_BREAK = '  \n';

export class HoverFeature {
  constructor(private readonly workspace: Workspace) {}

  async provide(params: HoverParams, token: CancellationToken): Promise<Hover | null> {
    const state = await this.workspace.fresh(params.textDocument.uri, token);
    if (!state?.result || !state.settings.enable) return null;
    const offset = state.lines.fromLsp(params.position);
    const table = this.workspace.project.commitmentTable();
    const row = table.find((r) => r.record.path === state.path && r.record.valueStart <= offset && offset <= r.record.valueEnd);
    if (row && !row.record.placeholder) return this.slaHover(state, row, new Map(table.map((r) => [r.record, r.status])));
    const blank = this.workspace.project.findings(state.path).find((f) => isFindingOf(f, 'placeholder') && f.start <= offset && offset <= f.end);
    if (blank) return this.placeholderHover(state, blank, row?.record);
    const title = state.result.doc.title;
    if (title && title.span.start <= offset && offset <= title.span.end) return this.kindHover(state, title.span);
    return null;
  }

  /** On the title: which kind the document was read as, and why; the kind decides which checks run. */
  private kindHover(state: DocumentState, span: { start: number; end: number }): Hover {
    const l = state.locale;
    const doc = state.result!.doc;
    const parts = [`**${t(l, 'kindTitle')}**: ${doc.kind ? `\`${doc.kind}\`` : t(l, 'kindNone')} (${doc.kindSource})`];
    if (doc.kindReason) parts.push('', `**${t(l, 'kindWhy')}**: ${escapeMarkdown(doc.kindReason)}`);
    parts.push('', t(l, 'kindOverride'));
    return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n') }, range: toRange(state.lines, span) };
  }

  private slaHover(state: DocumentState, { record, status, related, legalLimit }: TableRow, statuses: Map<CommitmentRecord, CommitmentStatus>): Hover {
    const l = state.locale;
    const lines = [
      `**${t(l, 'slaTitle')}** · ${escapeMarkdown(promiseSummary(record, l))}`,
      '',
      [
        `**${t(l, 'channel')}**: ${escapeMarkdown(channelLabel(record.channel, l))}`,
        `**${t(l, 'metric')}**: ${escapeMarkdown(metricLabel(record.metric, l))}`,
        `**${t(l, 'scope')}**: ${escapeMarkdown(scopeLabel(record.scope, l))}`,
        `**${t(l, 'value')}**: ${escapeMarkdown(valueLabel(record, l))}`,
        `**${t(l, 'normalized')}**: ${escapeMarkdown(normalizedLabel(record, l))}`,
        `**${t(l, 'strength')}**: ${escapeMarkdown(strengthLabel(record, l))}`,
        `**${t(l, 'status')}**: ${escapeMarkdown(statusLabel(status, l))}`,
        // The statutory limit of an enabled regulation pack: 法定上限：15天（《…》…）· 符合.
        ...(legalLimit ? [escapeMarkdown(legalLimitCell(legalLimit, l) ?? '')] : []),
      ].join(LINE_BREAK),
      '',
      `**${t(l, 'samePromise')}**`,
      '',
      ...(related.length ? related.map((r) => `- ${this.link(r)} ${escapeMarkdown(valueLabel(r, l))} — ${escapeMarkdown(statusLabel(statuses.get(r) ?? 'ok', l))} — “${escapeMarkdown(truncate(r.text, 60))}”`) : [t(l, 'noOtherStatement')]),
    ];
    return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: toRange(state.lines, { start: record.valueStart, end: record.valueEnd }) };
  }

  /** `[handbook.md:12](file:///…/handbook.md#L12)`: VS Code opens the file at that line. */
  private link(r: CommitmentRecord): string {
    const line = r.valuePlace.line;
    return `[${escapeMarkdown(`${this.workspace.displayPath(r.path)}:${line}`)}](${safeLinkTarget(this.workspace.uriOf(r.path))}#L${line})`;
  }

  private placeholderHover(state: DocumentState, blank: { ruleId: string; start: number; end: number; message: string; messageId: string; data?: Record<string, string | number> }, record?: CommitmentRecord): Hover {
    const l: Locale = state.locale;
    const text = state.lines.text.slice(blank.start, blank.end);
    const what = isFindingOf(blank, 'placeholder', 'valueBlank') ? 'placeholderValue' : isFindingOf(blank, 'placeholder', 'signatureBlank') ? 'placeholderSignature' : 'placeholderText';
    const parts = [`**${t(l, 'placeholderTitle')}**: ${escapeMarkdown(text)}`, '', escapeMarkdown(blank.message), '', `**${t(l, 'placeholderBelongs')}**: ${t(l, what)}`];
    const label = labelBefore(state, blank.start);
    if (label) parts.push('', `**${t(l, 'placeholderLabel')}**: ${escapeMarkdown(label)}`);
    const configured = ownValue(state.config.placeholders?.values, text);
    if (configured !== undefined) parts.push('', `**${t(l, 'placeholderConfigured')}**: ${escapeMarkdown(configured)}`);
    const canonical = record && ownValue(state.config.commitments, record.key);
    if (record && canonical !== undefined) parts.push('', `**${t(l, 'placeholderCanonical', { key: escapeMarkdown(record.key) })}**: ${escapeMarkdown(canonical)}`);
    return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n') }, range: toRange(state.lines, blank) };
  }
}

/** The words just before a blank on its line ("承诺人签名：", "Effective date:"), which say what it is for. */
function labelBefore(state: DocumentState, offset: number): string | undefined {
  const line = state.lines.lineOf(offset);
  const before = state.lines.text.slice(state.lines.lineStart(line), offset);
  const clause = before.split(/[。；;！!？?|]/).pop() ?? '';
  // Without list markers and clause numbers (1.1, 二、, （三）) in front, and the colon after.
  const label = clause
    .replace(/^[\s\u3000>*#+-]*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d+(?:\.\d+)*[、.．]?(?=\s))?\s*/, '')
    .replace(/(?<![\s\u3000:：*_])[\s\u3000:：*_]+$/, '')
    .trim();
  return label ? truncate(label, 24) : undefined;
}
