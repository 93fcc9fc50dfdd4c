// What every project-wide rule needs: group commitments into promises, and
// turn a verdict into a finding placed in its document, in that document's
// language, at that document's configured severity, unless switched off there.

import { isDisabledIn } from '../engine/disable';
import type { ProjectEntry } from './analysis';
import type { Fix, LocalizedText, Place, PlacedFinding, RelatedLocation, RuleMeta, Severity, Span } from '../engine/types';
import { formatMessage } from '../l10n/format';
import type { CommitmentRecord } from '../policy/commitments';
import { ownValue } from '../config/own';

export interface Verdict<M extends string = string> {
  record: CommitmentRecord;
  messageId: M;
  data: (locale: 'zh-CN' | 'en') => Record<string, string | number>;
  related: { record: CommitmentRecord; message: LocalizedText }[];
  /** Related places left out of `related` (see MAX_RELATED), counted on its last entry. */
  moreRelated?: number;
  fixes?: (locale: 'zh-CN' | 'en') => Fix[];
}

/**
 * A finding lists at most this many related places. 3,000 lines promising the
 * same thing differently would otherwise give each of them 2,999: output and
 * memory grow with the square of the input.
 */
export const MAX_RELATED = 20;

const AND_MORE: LocalizedText = { en: '{message}; and {count} more', 'zh-CN': '{message}；另有 {count} 处' };

/** The records of `ordered` other than `self` as related places, at most MAX_RELATED, and how many were left out. */
export function relatedOthers(
  ordered: readonly CommitmentRecord[],
  self: CommitmentRecord,
  message: LocalizedText,
): Pick<Verdict, 'related' | 'moreRelated'> {
  const related: Verdict['related'] = [];
  let total = 0;
  for (const record of ordered) {
    if (record === self) continue;
    total++;
    if (related.length < MAX_RELATED) related.push({ record, message });
  }
  return { related, moreRelated: total - related.length };
}

export class ProjectReporter<M extends string = string> {
  readonly findings = new Map<string, PlacedFinding[]>();
  private readonly byPath: Map<string, ProjectEntry>;

  constructor(
    private readonly ruleId: string,
    private readonly meta: RuleMeta<M>,
    documents: readonly ProjectEntry[],
  ) {
    this.byPath = new Map(documents.map((d) => [d.analysis.path, d]));
  }

  /** The commitments of documents where this rule is on, grouped by organisation. */
  commitmentsByScope(): Map<string, CommitmentRecord[]> {
    const out = new Map<string, CommitmentRecord[]>();
    for (const entry of this.byPath.values()) {
      if (this.severityIn(entry) === undefined) continue;
      for (const r of entry.analysis.commitments) {
        // Only service policies promise; the SLA table also lists statutes' deadlines, which are never compared.
        if (r.documentKind === undefined) continue;
        const list = out.get(r.organization);
        if (list) list.push(r);
        else out.set(r.organization, [r]);
      }
    }
    return out;
  }

  private severityIn(entry: ProjectEntry): Severity | undefined {
    const setting = ownValue(entry.config.rules, this.ruleId);
    const value = Array.isArray(setting) ? setting[0] : setting;
    if (value === 'off') return undefined;
    return value ?? this.meta.severity;
  }

  /** A finding that is no verdict on a value: placed at a span of a document (the manual rule's title anchor). */
  reportAt(path: string, at: Span & Place, messageId: M, data: (locale: 'zh-CN' | 'en') => Record<string, string | number>): void {
    const entry = this.byPath.get(path);
    if (!entry) return;
    const severity = this.severityIn(entry);
    if (!severity || isDisabledIn(entry.analysis.disables ?? [], this.ruleId, at.line - 1)) return;
    const locale = entry.analysis.locale;
    const values = data(locale);
    const finding: PlacedFinding = {
      ruleId: this.ruleId,
      severity,
      messageId,
      message: formatMessage(this.meta.messages[messageId], locale, values),
      ...at,
      related: [],
      fixes: [],
      fixable: false,
      data: values,
    };
    const list = this.findings.get(path);
    if (list) list.push(finding);
    else this.findings.set(path, [finding]);
  }

  report(v: Verdict<M>): void {
    const entry = this.byPath.get(v.record.path);
    if (!entry) return;
    const severity = this.severityIn(entry);
    if (!severity) return;
    if (isDisabledIn(entry.analysis.disables ?? [], this.ruleId, v.record.line - 1)) return;
    const locale = entry.analysis.locale;
    const data = v.data(locale);
    const r = v.record;
    // A verdict is about a promised value, so it sits on the value.
    const span = { start: r.valueStart, end: r.valueEnd };
    const place = r.valuePlace;
    const related: RelatedLocation[] = v.related.map(({ record, message }) => ({
      path: record.path,
      start: record.valueStart,
      end: record.valueEnd,
      ...record.valuePlace,
      message: formatMessage(message, locale),
    }));
    const last = related[related.length - 1];
    if (last && v.moreRelated) last.message = formatMessage(AND_MORE, locale, { message: last.message, count: v.moreRelated.toLocaleString('en-US') });
    const fixes = v.fixes?.(locale) ?? [];
    const finding: PlacedFinding = {
      ruleId: this.ruleId,
      severity,
      messageId: v.messageId,
      message: formatMessage(this.meta.messages[v.messageId], locale, data),
      ...span,
      ...place,
      related,
      fixes,
      fixable: fixes.some((f) => f.kind === 'fix'),
      data,
    };
    const list = this.findings.get(r.path);
    if (list) list.push(finding);
    else this.findings.set(r.path, [finding]);
  }
}

/**
 * "第41行" / "line 41", with the other file when it is another document,
 * written relative to the document the message is in: the CLI (relative
 * paths) and the editor (absolute paths) then say the same thing.
 */
export function where(from: CommitmentRecord, to: CommitmentRecord, locale: 'zh-CN' | 'en'): string {
  const other = to.path === from.path ? '' : relativeTo(from.path, to.path);
  const file = other === '' ? '' : locale === 'zh-CN' ? `${other} ` : `${other}, `;
  return locale === 'zh-CN' ? `${file}第${to.valuePlace.line}行` : `${file}line ${to.valuePlace.line}`;
}

function relativeTo(fromFile: string, toFile: string): string {
  const a = fromFile.split(/[\\/]/).slice(0, -1);
  const b = toFile.split(/[\\/]/);
  let common = 0;
  while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
}

/** Document order across files: by path, then by position. */
export function byPosition(a: CommitmentRecord, b: CommitmentRecord): number {
  return a.path === b.path ? a.start - b.start : a.path < b.path ? -1 : 1;
}
