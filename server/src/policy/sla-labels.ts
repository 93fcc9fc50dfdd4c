// Commitments in words, in both languages: channels, metrics, conditions,
// statuses and normalised values. Rule messages, hovers, inlay hints and the SLA
// tables (the editor's and `policylint sla`) all use these, so they say the same.

import type { Locale } from '../engine/types';
import type { CommitmentRecord, CommitmentStatus } from './commitments';
import { conditionLabel, DIMENSIONS, dimensionOf, type Scope } from './sla/dimensions';
import type { Channel, Condition, Metric } from './sla/types';
import { ownValue } from '../config/own';
import { formatValue } from './sla/normalize';
import { unit } from './sla/units';

// Partial: the extractor may learn a new channel or condition before this table does; its id is shown then.
type Labels<K extends string> = Partial<Record<K, [en: string, zh: string]>>;

const CHANNELS: Labels<Channel> = {
  phone: ['phone', '电话'],
  email: ['email', '邮件'],
  chat: ['online chat', '在线客服'],
  social: ['social media', '社交媒体'],
  forum: ['community forum', '社区论坛'],
  ticket: ['ticket', '工单'],
  sms: ['SMS', '短信'],
  letter: ['letter', '信函'],
  onsite: ['on-site visit', '上门服务'],
  complaint: ['complaint', '投诉'],
};

const METRICS: Labels<Metric> = {
  answer: ['answer', '接通/应答'],
  acknowledge: ['acknowledge', '确认受理'],
  'first-response': ['first response', '首次响应'],
  reply: ['reply', '回复'],
  investigate: ['investigate', '启动调查'],
  resolve: ['resolve', '解决/办结'],
  'follow-up': ['follow-up', '回访'],
  escalation: ['escalation trigger', '升级触发'],
  arrival: ['arrival on site', '到达现场'],
  refund: ['refund', '退款'],
  notify: ['notify', '通知'],
  satisfaction: ['satisfaction', '满意度'],
  'first-contact-resolution': ['first-contact resolution', '一次性解决率'],
  'resolution-rate': ['resolution rate', '解决率'],
  'answer-rate': ['answer rate', '接通率'],
  availability: ['availability', '可用性'],
  abandonment: ['abandonment rate', '放弃率'],
  downtime: ['downtime', '停机时间'],
  durability: ['durability', '数据持久性'],
  'on-time-rate': ['on-time rate', '及时率'],
  'response-rate': ['response rate', '响应率'],
  'follow-up-rate': ['follow-up rate', '回访率'],
  quality: ['quality score', '质检合格率'],
  'service-hours': ['service hours', '服务时间'],
  'typing-speed': ['typing speed', '打字速度'],
};

const STATUS: Labels<CommitmentStatus> = {
  ok: ['consistent', '一致'],
  conflict: ['conflict', '冲突'],
  'clock-mismatch': ['different clock', '计时口径不同'],
  vague: ['vague', '表述模糊'],
  placeholder: ['value not filled in', '数值未填写'],
};

function pick<K extends string>(labels: Labels<K>, key: K | undefined, locale: Locale): string {
  if (key === undefined) return '—';
  const pair = ownValue(labels as Record<string, readonly [string, string]>, key);
  if (!pair) return key; // a value added to the extractor after this table: show its id
  return locale === 'zh-CN' ? pair[1] : pair[0];
}

export const channelLabel = (c: Channel | undefined, l: Locale) => pick(CHANNELS, c, l);
export const metricLabel = (m: Metric | undefined, l: Locale) => pick(METRICS, m, l);
export const statusLabel = (s: CommitmentStatus, l: Locale) => pick(STATUS, s, l);
export const conditionsLabel = (cs: readonly Condition[], l: Locale) => (cs.length ? cs.map((c) => conditionLabel(c, l)).join(l === 'zh-CN' ? '、' : ', ') : '—');

/** "P1 · Enterprise · business hours": a promise's scope, one value per dimension, in the table's order. */
export function scopeLabel(scope: Scope, l: Locale): string {
  const parts = DIMENSIONS.filter((d) => scope[d.id] !== undefined).map((d) => {
    const v = scope[d.id]!;
    return conditionLabel(v.includes(':') || dimensionOf(v) === d.id ? v : `${d.id}:${v}`, l);
  });
  return parts.length ? parts.join(' · ') : '—';
}
export const strengthLabel = (r: CommitmentRecord, l: Locale) =>
  r.strength === 'aim' ? (l === 'zh-CN' ? '努力目标（力争）' : 'aim (best effort)') : l === 'zh-CN' ? '约束性承诺' : 'binding';


/** Every channel and metric id: the words of a commitment key (config `commitments`). */
export const CHANNEL_IDS = Object.keys(CHANNELS) as Channel[];
export const METRIC_IDS = Object.keys(METRICS) as Metric[];

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

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** The value as written for the reader: "≤ 24小时", "≤ 2 business days". */
export function valueLabel(r: CommitmentRecord, l: Locale): string {
  return formatValue(r, l === 'zh-CN' ? 'zh' : 'en');
}

/** The value on a comparable scale, with the clock spelled out where it matters. */
export function normalizedLabel(r: CommitmentRecord, l: Locale): string {
  if (r.placeholder || r.normalized === undefined) return '—';
  const written = valueLabel(r, l).replace(/^[≤≥>]\s*/, '');
  switch (r.clock) {
    case 'calendar': {
      const conversion = conversionLabel(r) ?? `= ${groupDigits(r.normalized)} s`;
      // "20 s = 20 s" says nothing: a value already on the scale it converts to is shown once.
      return conversion === `= ${written}` ? written : `${written} ${conversion}`;
    }
    case 'business':
      return `${written} ${l === 'zh-CN' ? '（按工作日计，不换算为自然时间）' : '(business clock)'}`;
    default:
      return written;
  }
}

/**
 * The inlay hint after a calendar duration: "= 60 s" after 1分钟, "≈ 72 h"
 * after 3天 (a "day" is often read as a business day, so the hour count is
 * only approximately what the writer meant). None for seconds, business time,
 * percentages, or a blank value.
 */
export function conversionLabel(r: CommitmentRecord): string | undefined {
  if (r.placeholder || r.clock !== 'calendar' || r.normalized === undefined || !r.unit) return undefined;
  const target = unit(r.unit).hint;
  if (!target) return undefined;
  const n = Math.round((r.normalized / target.seconds) * 100) / 100;
  return `${target.exact ? '=' : '≈'} ${groupDigits(n)} ${target.label}`;
}
