// Which statutory limit a document's promises fall under, and how each compares
// with it: the one judgement that the regulatory-limit rule reports, the hover
// shows and the SLA table lists. A limit covers a promise by the commitment
// model's own terms (channel, metric, scope), plus, for a limit that is about one
// subject (a data subject request, a returned item), a word of it in the clause
// or the headings above it.

import type { PolicylintConfig } from '../../config/types';
import type { PolicyDocument } from '../../engine/document';
import type { OutlineEntry } from '../../engine/outline';
import { policyCommitments, type CommitmentRecord } from '../commitments';
import type { DimensionId } from '../sla/dimensions';
import { compareWithLimit, type LimitVerdict, type UncertainReason } from './compare';
import { enabledRegulations, type RegulationLimit, type RegulationPack } from './packs';

/** How one commitment compares with the limit that covers it (plain data: it travels with a document's analysis). */
export interface LegalLimitCheck {
  /** The commitment's value offset, which finds it among its document's commitments. */
  valueStart: number;
  pack: string;
  limit: string;
  verdict: LimitVerdict;
  reason?: UncertainReason;
}

export interface DocumentLegalLimits {
  checks: LegalLimitCheck[];
  /** Required limits whose promise the document never states. */
  missing: { pack: RegulationPack; limit: RegulationLimit }[];
}

const NONE: DocumentLegalLimits = { checks: [], missing: [] };
const cache = new WeakMap<PolicyDocument, DocumentLegalLimits>();
const SEVERITY: Record<LimitVerdict, number> = { exceeds: 2, 'may-exceed': 1, meets: 0 };

export function documentLegalLimits(doc: PolicyDocument, config: PolicylintConfig): DocumentLegalLimits {
  const cached = cache.get(doc);
  if (cached) return cached;
  const { packs } = enabledRegulations(doc.frontMatter, config);
  // Only service policies promise anything; a statute's deadline is the law's own.
  const result = packs.length === 0 || !doc.kind ? NONE : judge(doc, packs);
  cache.set(doc, result);
  return result;
}

function judge(doc: PolicyDocument, packs: readonly RegulationPack[]): DocumentLegalLimits {
  const records = policyCommitments(doc);
  const headings = headingsOf(doc);
  const checks: LegalLimitCheck[] = [];
  const stated = new Set<RegulationLimit>();
  for (const record of records) {
    let worst: LegalLimitCheck | undefined;
    for (const pack of packs) {
      for (const limit of pack.limits) {
        if (!covers(limit, record, headings(record.line - 1))) continue;
        stated.add(limit);
        const compared = comparable(record, limit);
        if (!compared) continue;
        const check: LegalLimitCheck = { valueStart: record.valueStart, pack: pack.id, limit: limit.id, ...compared };
        if (!worst || SEVERITY[check.verdict] > SEVERITY[worst.verdict]) worst = check;
      }
    }
    if (worst) checks.push(worst);
  }
  const missing = packs.flatMap((pack) => pack.limits.filter((limit) => limit.required && !stated.has(limit)).map((limit) => ({ pack, limit })));
  return { checks, missing };
}

/** The comparison, for a promise with a value of the kind the limit bounds (an at-most limit bounds deadlines, not triggers). */
function comparable(r: CommitmentRecord, limit: RegulationLimit): { verdict: LimitVerdict; reason?: UncertainReason } | undefined {
  if (r.placeholder || !r.value || !r.unit) return undefined;
  const kind = limit.comparator === 'at-most' ? 'at-most' : 'at-least';
  if (r.comparator !== kind && r.comparator !== 'exact') return undefined;
  const value = kind === 'at-most' ? r.value.max : r.value.min;
  return compareWithLimit({ value, unit: r.unit }, limit);
}

function covers(limit: RegulationLimit, r: CommitmentRecord, headings: readonly string[]): boolean {
  const p = limit.promise;
  if (!r.metric || !p.metrics.includes(r.metric)) return false;
  if (p.channels && (!r.channel || !p.channels.includes(r.channel))) return false;
  for (const [dimension, values] of Object.entries(p.scope ?? {})) {
    if (!values!.includes(r.scope[dimension as DimensionId] ?? null)) return false;
  }
  if (p.subject) {
    const text = [r.text, ...headings].join('\n').toLowerCase();
    const words = [...(p.subject.zh ?? []), ...(p.subject.en ?? [])];
    if (!words.some((w) => text.includes(w.toLowerCase()))) return false;
  }
  return true;
}

/** The titles of the sections a 0-based line sits in, nearest first, without the document's title. */
function headingsOf(doc: PolicyDocument): (line: number) => string[] {
  const entries = doc.outline.entries;
  return (line) => {
    let i = -1;
    for (let lo = 0, hi = entries.length - 1; lo <= hi; ) {
      const mid = (lo + hi) >> 1;
      if (entries[mid]!.line <= line) {
        i = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const titles: string[] = [];
    // A level-1 heading titles the whole document ("Privacy Policy"): it says nothing about which promise this is.
    for (let e: OutlineEntry | undefined = entries[i]; e; e = e.parent >= 0 ? entries[e.parent] : undefined) if (e.headingDepth !== 1) titles.push(e.title);
    return titles;
  };
}
