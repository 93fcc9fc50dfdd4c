// What scope a promise really has, once the whole document is read. Two rules
// need more than the clause: a priority word in prose means the document's own
// scale ("urgent issues" is the top row of a High/Medium/Low table), and the
// normal regime (working days, business hours) is no scope at all unless the
// document also promises something for the rest of the time (domain guide,
// "The normal regime is not an exception").

import type { PolicyDocument } from '../engine/document';
import { PRIORITY_LABEL, priorityCondition } from './sla/lexicon';
import { dimensionOf, isNormalRegime, rankOf, scopeOf, type Condition, type Scope } from './sla/dimensions';
import { minOf } from '../engine/arrays';
import { byChunk, type ChunkMemo } from '../engine/chunk-shares';
import type { ProseBlock } from '../engine/parsed-markdown';

const PRIORITY_ONLY = new RegExp(`^\\s*(?:[-*+]\\s+)?${PRIORITY_LABEL}\\s*(?:[:：|(（-]|$)`, 'i');

/** The priority levels a table row's or list item's label names. */
function labelPriorities(text: string): Condition[] {
  const m = PRIORITY_ONLY.exec(text.slice(0, 40));
  return m ? priorityCondition(m) : [];
}

/**
 * Priority levels the document lists as its scale: the labels of table rows and list items, in
 * document order. Kept chunk by chunk (engine/chunk-shares.ts byChunk): a keystroke reads its chunk's
 * labels only.
 */
export function priorityScale(doc: PolicyDocument): Condition[] {
  const out = new Set<Condition>();
  for (const { value } of byChunk(doc.md, PRIORITIES_BY_CHUNK, labelledPriorities)) for (const c of value) out.add(c);
  return [...out];
}

const PRIORITIES_BY_CHUNK: ChunkMemo<Condition[]> = new WeakMap();

/** The priority levels the labels among `blocks` name, each once, in order. */
function labelledPriorities(blocks: readonly ProseBlock[]): Condition[] {
  const out = new Set<Condition>();
  for (const block of blocks) {
    const labelled = (block.cell && block.cell.column === 0 && !block.cell.isHeader) || block.inList;
    if (labelled) for (const c of labelPriorities(block.text)) out.add(c);
  }
  return [...out];
}

export interface Scoped {
  channel?: string;
  metric?: string;
  conditions: Condition[];
  scope: Scope;
}

/**
 * What a record's scope reads of the whole document: the top of its priority scale, and which
 * channel and metric have a promise under another regime than the normal one. `signature` says
 * it all in one string: the records of a keystroke's last analysis that it carried over keep
 * their scopes when it is the same.
 */
export interface ScopeSettling {
  top?: number;
  topValue?: Condition;
  /** `channel|metric` of the promises that name a regime other than the normal one. */
  otherRegimes: Set<string>;
  /** Emergency and urgent are both levels of the document: emergency is not folded into urgent. */
  emergencyApart: boolean;
  signature: string;
}

/** Emergency and urgent both written as words: "P1 (Emergency)" beside "Sev-1" names one level, "Emergency repairs" beside "Urgent repairs" two. */
const EMERGENCY_WORD = /\bemergenc(?:y|ies)\b/i;
const URGENT_WORD = /\burgent\b/i;

export function scopeSettling(records: readonly Scoped[], scale: readonly Condition[], text = ''): ScopeSettling {
  const ranks = scale.map((c) => rankOf(c)).filter((r): r is number => r !== undefined);
  const top = minOf(ranks);
  const topValue = top === undefined ? undefined : scale.find((c) => rankOf(c) === top);
  const otherRegimes = new Set<string>();
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    const time = r.conditions.find((c) => dimensionOf(c) === 'time');
    if (time && !isNormalRegime(time)) otherRegimes.add(`${r.channel ?? ''}|${r.metric ?? ''}`);
  }
  const emergencyApart = records.some((r) => r.conditions.includes('emergency')) && EMERGENCY_WORD.test(text) && URGENT_WORD.test(text);
  return { top, topValue, otherRegimes, emergencyApart, signature: [top, topValue, emergencyApart, ...[...otherRegimes].sort()].join('\u0000') };
}

/**
 * Sets a record's scope from its conditions. Emergency is urgent unless the document has both. A priority more serious than the top of the
 * document's scale is that top; a normal-regime condition is dropped unless another promise of
 * the same channel and metric names another regime.
 */
export function settleScope(r: Scoped, { top, topValue, otherRegimes, emergencyApart }: ScopeSettling): void {
  const effective: Condition[] = [];
  for (const written of r.conditions) {
    const c = written === 'emergency' && !emergencyApart ? 'urgent' : written;
    if (dimensionOf(c) === 'priority' && topValue !== undefined && top! >= 2) {
      const rank = rankOf(c);
      if (rank !== undefined && rank < top!) {
        effective.push(topValue);
        continue;
      }
    }
    if (isNormalRegime(c) && !otherRegimes.has(`${r.channel ?? ''}|${r.metric ?? ''}`)) continue;
    effective.push(c);
  }
  r.scope = scopeOf(effective);
}

/** channel.metric[.values]: the promise a record makes, without its value. */
export function scopeKey(channel: string | undefined, metric: string | undefined, scope: Scope): string {
  const values = Object.entries(scope).map(([d, v]) => (v!.includes(':') || dimensionOf(v!) === d ? v! : `${d}:${v}`));
  return [channel ?? 'any', metric ?? 'any', ...values.sort()].join('.');
}
