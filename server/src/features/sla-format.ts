// Commitments in words: labels for channels, metrics and conditions, and the
// normalised value ("24 小时 = 86 400 s", "3 个工作日 (business clock)").
// Shared by hover, inlay hints and the SLA table so all three say the same.

import type { Locale } from '../engine/types';
import type { CommitmentRecord } from '../policy/commitments';
import { channelLabel, metricLabel, scopeLabel } from '../policy/sla-labels';
import { formatValue } from '../policy/sla/normalize';
import { unit } from '../policy/sla/units';

export { channelLabel, conditionsLabel, metricLabel, scopeLabel, statusLabel, strengthLabel } from '../policy/sla-labels';

const language = (l: Locale) => (l === 'zh-CN' ? 'zh' : 'en');

export function valueLabel(r: CommitmentRecord, l: Locale): string {
  return formatValue(r, language(l));
}

const isDigit = (c: string) => c >= '0' && c <= '9';

/** 86400 → "86 400": a thin grouping that reads the same in both languages. */
export function groupDigits(n: number): string {
  const [int, frac] = String(n).split('.');
  // By hand: /\B(?=(\d{3})+(?!\d))/ looks ahead to the end from every digit.
  let grouped = '';
  for (let i = 0; i < int!.length; i++) {
    if (i > 0 && (int!.length - i) % 3 === 0 && isDigit(int![i - 1]!) && isDigit(int![i]!)) grouped += '\u00a0';
    grouped += int![i];
  }
  return frac ? `${grouped}.${frac}` : grouped;
}

/** The value on a comparable scale, with the clock spelled out where it matters. */
export function normalizedLabel(r: CommitmentRecord, l: Locale): string {
  if (r.placeholder || r.normalized === undefined) return '—';
  const written = valueLabel(r, l).replace(/^[≤≥>]\s*/, '');
  switch (r.clock) {
    case 'calendar':
      return `${written} = ${groupDigits(r.normalized)} s`;
    case 'business':
      return `${written} ${l === 'zh-CN' ? '（按工作日计，不换算为自然时间）' : '(business clock)'}`;
    default:
      return written;
  }
}

/** "P1 · Enterprise · ticket first response ≤ 30 min": what a value promises, in one line. */
export function promiseSummary(r: CommitmentRecord, l: Locale): string {
  const scope = scopeLabel(r.scope, l);
  const what = [r.channel ? channelLabel(r.channel, l) : '', metricLabel(r.metric, l)].filter(Boolean).join(l === 'zh-CN' ? '' : ' ');
  const value = r.placeholder ? '' : ` ${formatValue(r, l === 'zh-CN' ? 'zh' : 'en')}`;
  return `${scope === '—' ? '' : `${scope} · `}${what}${value}`;
}

/** After a value: its scope when it has one ("P1 · Enterprise"), and a calendar duration in a round unit ("= 1 440 min"). */
export function inlayLabel(r: CommitmentRecord, l: Locale = 'en'): string | undefined {
  const scope = r.placeholder ? '—' : scopeLabel(r.scope, l);
  const conversion = conversionLabel(r);
  const parts = [scope === '—' ? '' : scope, conversion ?? ''].filter(Boolean);
  return parts.length ? parts.join(' · ') : undefined;
}

/**
 * The inlay hint after a calendar duration: "= 60 s" after 1分钟, "≈ 72 h"
 * after 3天 (a "day" is often read as a business day, so the hour count is
 * only approximately what the writer meant). None for seconds, business time,
 * percentages, or a blank value.
 */
function conversionLabel(r: CommitmentRecord): string | undefined {
  if (r.placeholder || r.clock !== 'calendar' || r.normalized === undefined || !r.unit) return undefined;
  const target = unit(r.unit).hint;
  if (!target) return undefined;
  const n = Math.round((r.normalized / target.seconds) * 100) / 100;
  return `${target.exact ? '=' : '≈'} ${groupDigits(n)} ${target.label}`;
}
