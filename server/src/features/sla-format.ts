// Commitments in words: labels for channels, metrics and conditions, and the
// normalised value ("24小时 = 1 440 min", "3 个工作日 (business clock)").
// Shared by hover, inlay hints and the SLA table so all three say the same:
// the hint after a value is the conversion the hover and the table show.

import type { Locale } from '../engine/types';
import type { CommitmentRecord } from '../policy/commitments';
import { channelLabel, conversionLabel, metricLabel, scopeLabel, valueLabel } from '../policy/sla-labels';

export { channelLabel, conditionsLabel, groupDigits, metricLabel, normalizedLabel, scopeLabel, statusLabel, strengthLabel, valueLabel } from '../policy/sla-labels';

/** "P1 · Enterprise · ticket first response ≤ 30 min": what a value promises, in one line. */
export function promiseSummary(r: CommitmentRecord, l: Locale): string {
  const scope = scopeLabel(r.scope, l);
  const what = [r.channel ? channelLabel(r.channel, l) : '', metricLabel(r.metric, l)].filter(Boolean).join(l === 'zh-CN' ? '' : ' ');
  const value = r.placeholder ? '' : ` ${valueLabel(r, l)}`;
  return `${scope === '—' ? '' : `${scope} · `}${what}${value}`;
}

/** After a value: its scope when it has one ("P1 · Enterprise"), and a calendar duration in a round unit ("= 1 440 min"). */
export function inlayLabel(r: CommitmentRecord, l: Locale = 'en'): string | undefined {
  const scope = r.placeholder ? '—' : scopeLabel(r.scope, l);
  const conversion = conversionLabel(r);
  const parts = [scope === '—' ? '' : scope, conversion ?? ''].filter(Boolean);
  return parts.length ? parts.join(' · ') : undefined;
}

