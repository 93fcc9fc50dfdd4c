// `policylint sla`: the commitment table for reviewers, as Markdown (for a
// pull-request comment), CSV or JSON. The JSON field names are a contract.

import type { ProjectIndex } from '../lint/project-index';
import type { Locale, PlacedFinding } from '../engine/types';
import type { CommitmentStatus } from '../policy/commitments';
import { channelLabel, metricLabel, normalizedLabel, scopeLabel, statusLabel } from '../policy/sla-labels';
import { legalLimitCell } from '../policy/regulations/labels';
import { formatValue } from '../policy/sla/normalize';
import { isFindingOf } from '../rules/metadata';
import { csvCell, markdownCell, markdownCode } from './formatters/escape';
import { appendAll } from '../engine/arrays';

export interface SlaRow {
  path: string;
  line: number;
  column: number;
  channel: string | null;
  metric: string | null;
  conditions: string[];
  /** Dimension → value: what distinguishes this promise from others of the same channel and metric. */
  scope: Record<string, string>;
  comparator: string | null;
  value: string;
  unit: string | null;
  clock: string | null;
  normalized: number | string | null;
  strength: string | null;
  text: string;
  status: CommitmentStatus;
  /** The normalised value as the editor's hover, inlay hint and SLA table show it ("24小时 = 1 440 min"); Markdown only. */
  shown?: string;
  /** The statutory limit of an enabled regulation pack and the verdict; only on rows a pack covers. */
  legalLimit?: { pack: string; limit: string; verdict: string; text: string };
}

/**
 * Every commitment of the run, plus each vague promise as a row without a value, in document
 * order; only of the documents in `only` when given (the rest were read for context).
 */
export function slaRows(index: ProjectIndex, locale: Locale = 'en', only?: ReadonlySet<string>): SlaRow[] {
  const rows: SlaRow[] = [];
  const table = index.commitmentTable();
  const statuses = new Map(table.map((row) => [row.record, row.status]));
  const legal = new Map(table.filter((row) => row.legalLimit).map((row) => [row.record, row.legalLimit!]));
  for (const path of index.paths()) {
    if (only && !only.has(path)) continue;
    const findings = index.findings(path) as PlacedFinding[];
    const entries: { offset: number; row: SlaRow }[] = [];
    for (const r of index.get(path)!.analysis.commitments) {
      entries.push({
        offset: r.valueStart,
        row: {
          path,
          line: r.valuePlace.line,
          column: r.valuePlace.column,
          channel: r.channel ?? null,
          metric: r.metric ?? null,
          conditions: r.conditions,
          scope: { ...r.scope } as Record<string, string>,
          comparator: r.comparator,
          value: r.valueText,
          unit: r.unit ?? null,
          clock: r.clock ?? null,
          normalized: r.schedule ? r.schedule.canonical : (r.normalized ?? null),
          strength: r.strength,
          text: r.text,
          status: statuses.get(r) ?? 'ok',
          ...(r.schedule ? {} : { shown: normalizedLabel(r, locale) }),
        },
      });
      const check = legal.get(r);
      const text = check && legalLimitCell(check, locale);
      if (check && text) entries[entries.length - 1]!.row.legalLimit = { pack: check.pack, limit: check.limit, verdict: check.verdict, text };
    }
    for (const f of findings) {
      if (!isFindingOf(f, 'vague-commitment')) continue;
      const row: SlaRow = {
        path,
        line: f.line,
        column: f.column,
        channel: null,
        metric: (f.data?.metric as string) || null,
        conditions: [],
        scope: {},
        comparator: null,
        value: String(f.data?.word ?? ''),
        unit: null,
        clock: null,
        normalized: null,
        strength: null,
        text: String(f.data?.word ?? ''),
        status: 'vague',
      };
      entries.push({ offset: f.start, row });
    }
    appendAll(rows, entries.sort((a, b) => a.offset - b.offset).map((e) => e.row));
  }
  return rows;
}

const STATUS_MARK: Record<CommitmentStatus, string> = { ok: '✅', conflict: '❌', 'clock-mismatch': '⏱️', vague: '⚠️', placeholder: '⬜' };


function normalizedText(row: SlaRow, locale: Locale): string {
  if (row.shown !== undefined) return row.shown;
  if (row.normalized === null) return '—';
  if (typeof row.normalized === 'string') return row.normalized;
  if (row.clock === 'calendar') return `${row.normalized} s`;
  return formatValue({ value: { min: row.normalized, max: row.normalized }, unit: row.unit as never, comparator: 'exact' } as never, locale === 'zh-CN' ? 'zh' : 'en');
}

export function slaMarkdown(rows: SlaRow[], locale: Locale): string {
  const zh = locale === 'zh-CN';
  // The legal-limit column appears only when a regulation pack is enabled and covers some promise.
  const legal = rows.some((r) => r.legalLimit);
  const head = zh ? ['文件', '行', '渠道', '指标', '范围', '承诺值（原文）', '规范值', '状态'] : ['File', 'Line', 'Channel', 'Metric', 'Scope', 'Value as written', 'Normalised', 'Status'];
  if (legal) head.push(zh ? '法定时限' : 'Legal limit');
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`];
  for (const r of rows) {
    const values = [
      r.path,
      String(r.line),
      channelLabel((r.channel ?? undefined) as never, locale),
      metricLabel((r.metric ?? undefined) as never, locale),
      scopeLabel(r.scope, locale),
      r.value,
      normalizedText(r, locale),
      `${STATUS_MARK[r.status]} ${statusLabel(r.status, locale)}`,
      ...(legal ? [r.legalLimit?.text ?? '—'] : []),
    ];
    const [path, ...rest] = values;
    lines.push(`| ${[markdownCode(path!), ...rest.map(markdownCell)].join(' | ')} |`);
  }
  const counts = (['conflict', 'vague', 'placeholder'] as const).map((s) => rows.filter((r) => r.status === s).length);
  const summary = zh
    ? `共 ${rows.length} 项承诺：${counts[0]} 项冲突，${counts[1]} 项表述模糊，${counts[2]} 项数值未填写。`
    : `${rows.length} commitments: ${counts[0]} in conflict, ${counts[1]} vague, ${counts[2]} without a value.`;
  return `${lines.join('\n')}\n\n${summary}\n`;
}

// Field order is part of the contract. JSON names its fields, so scope sits next to the conditions it
// refines; CSV is read by position, so its new column goes last.
const JSON_FIELDS: (keyof SlaRow)[] = ['path', 'line', 'column', 'channel', 'metric', 'conditions', 'scope', 'comparator', 'value', 'unit', 'clock', 'normalized', 'strength', 'text', 'status'];
const CSV_FIELDS: (keyof SlaRow)[] = ['path', 'line', 'column', 'channel', 'metric', 'conditions', 'comparator', 'value', 'unit', 'clock', 'normalized', 'strength', 'text', 'status', 'scope'];

function csvField(v: unknown): string {
  const s =
    v === null || v === undefined
      ? ''
      : Array.isArray(v)
        ? v.join(';')
        : typeof v === 'object'
          ? Object.entries(v).map(([k, x]) => `${k}=${String(x)}`).join(';')
          : String(v);
  return csvCell(s);
}

export function slaCsv(rows: SlaRow[]): string {
  return `${[CSV_FIELDS.join(','), ...rows.map((r) => CSV_FIELDS.map((f) => csvField(r[f])).join(','))].join('\r\n')}\r\n`;
}

export function slaJson(rows: SlaRow[]): string {
  // legalLimit is added only to the rows a regulation pack covers, so output without packs is unchanged.
  const row = (r: SlaRow) => ({ ...Object.fromEntries(JSON_FIELDS.map((f) => [f, r[f]])), ...(r.legalLimit ? { legalLimit: r.legalLimit } : {}) });
  return `${JSON.stringify({ version: 1, commitments: rows.map(row) }, null, 2)}\n`;
}
