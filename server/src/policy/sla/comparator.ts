// What a value promises relative to its number: at most (24小时内, within),
// at least (不低于90%, at least), or a trigger (超过3个工作日未解决的 → escalate).
// Decided from the few characters around the value, within its clause.

import type { Commitment, Comparator } from './types';
import { clockOf, commitmentKey } from './normalize';

const ZH_FILLER = '(?:在|于|为|是|:|达|约|大约|控制在)?';
const EN_FILLER =
  '(?:(?:approximately|about|around|roughly|the\\s+window\\s+of(?:\\s+approximately)?|a\\s+period\\s+of|the\\s+next|the\\s+following|the\\s+first|of' +
  '|(?:a|the)\\s+(?:[a-z]+\\s+){0,2}?(?:time\\s*frame|timeframe|period|window|maximum|target)\\s+of)\\s+)?';

// Leftmost match wins in an end-anchored regex, so 不低于 (at least) beats the 低于
// (at most) inside it, and 不超过 beats 超过.
const PREFIX = new RegExp(
  '(?:' +
    '(?<most>不超过|不得超过|不会超过|不应超过|不能超过|不超出|不多于|不长于|不大于|不高于|不迟于|最迟|最晚|最长|最多|至多|少于|小于|低于|短于|控制在' +
    '|\\bwithin|\\bin\\s+(?:no\\s+more\\s+than|under|less\\s+than)|\\bno\\s+later\\s+than|\\bnot\\s+later\\s+than|\\bno\\s+more\\s+than|\\bnot\\s+more\\s+than' +
    '|\\bnot\\s+(?:to\\s+)?exceed(?:ing)?|\\b(?:will|shall|does|do|must|may|can)(?:\\s+not|n\'t)\\s+exceed|\\bwon\'t\\s+exceed|\\bcannot\\s+exceed|\\bin\\s+no\\s+case\\s+(?:longer|more)\\s+than|\\bevery|\\bno\\s+longer\\s+than|\\bless\\s+than|\\bfewer\\s+than|\\bunder|\\bup\\s+to|\\bat\\s+most|\\ba\\s+maximum\\s+of|\\bmaximum(?:\\s+of)?|\\bmax\\.?|≤|<=?|\\bin)' +
    '|(?<least>不低于|不得低于|不少于|不得少于|不小于|不短于|不下于|至少|最少|最低|达到|达|高于|大于|多于|保持在|提前|前' +
    '|\\bat\\s+least|\\bno\\s+less\\s+than|\\bnot\\s+less\\s+than|\\bno\\s+fewer\\s+than|\\ba\\s+minimum\\s+of|\\bminimum(?:\\s+of)?|\\bmin\\.?|≥|>=?|\\babove|\\bgreater\\s+than|\\bachieve|\\bmaintain)' +
    '|(?<over>超过|超出|逾期|逾|满|过了|超时|\\bmore\\s+than|\\blonger\\s+than|\\bover|\\bexceed(?:s|ing)?|\\bafter|\\bbeyond)' +
    `)\\s*${ZH_FILLER}\\s*${EN_FILLER}$`,
  'i',
);

const SUFFIX_MOST = /^\s*(?:之?内|以内|以下|之下|为限|或以下|及以下|or\s+less\b|or\s+fewer\b|or\s+sooner\b|at\s+the\s+latest\b|at\s+most\b|max(?:imum)?\b)/i;
const SUFFIX_LEAST = /^\s*(?:以上|及以上|或以上|之上|以前|之前|前|\+|or\s+more\b|or\s+higher\b|or\s+above\b|or\s+greater\b|or\s+better\b|at\s+least\b|minimum\b|(?:of\s+)?(?:advance\s+|prior\s+)?notice\b|in\s+advance\b|prior\s+to\b|beforehand\b|ahead\b|before\s+(?:the\s+)?(?:embargo|release|disclosure|publication|maintenance|change|outage|go-live|launch)\b)/i;

// 未在24小时内回复的 / 24小时内未解决的 / if not resolved within 3 days
const ZH_NEG_PREFIX = /(?:未|未能|没有|没能|仍未|尚未|不能|无法)\s*(?:在|于)?\s*$/;
const ZH_NEG_SUFFIX = /^\s*(?:(?:之?内|以内)\s*)?(?:(?:仍|还|尚|仍然)\s*)?(?:未|没有|没|无法|不能|未能|尚未)/;
const EN_NEG = /\b(?:not|cannot|unable|fails?\s+to|failed\s+to|unresolved|unanswered)\b|n't\b/i;
const EN_WITHOUT = /^\s*(?:without|with\s+no)\b/i;
/** A negated verb of waiting or lasting right before "more than": what it denies is the limit. */
const NEGATED_LIMIT = /(?:(?:\bnot|n't|\bnever)\s+(?:(?:have|need|be)\s+(?:to\s+)?)?|\bin\s+no\s+case\b[^.;:]{0,40}?\s)(?:wait|queue|take|last|be\s+kept\s+waiting|keep\s+(?:you|customers?|callers?|visitors?)\s+waiting)(?:\s+for)?\s*$/i;

// 回复时限为2个工作日, Response time: 4 hours
const LIMIT_PREFIX = /(?:时限|时效|期限|时长|时间|用时|周期|标准)\s*(?:为|是|:|要求)?\s*(?:在|于)?\s*$|\b(?:time|deadline|turnaround|sla|target|window|period)\s*(?:is|of|:|=)?\s*$/i;

export interface ComparatorResult {
  comparator: Comparator;
  /** A comparator or a limit word was written: the number is a promise, not an aside. */
  explicit: boolean;
}

/**
 * @param prefix text of the clause before the value (a few dozen characters at most)
 * @param suffix text of the clause after the value
 * @param clauseBefore the whole clause before the value, for English negation
 * @param escalates the sentence mentions escalation (升级, escalate)
 */
export function readComparator(prefix: string, suffix: string, clauseBefore: string, escalates: boolean): ComparatorResult {
  if (ZH_NEG_PREFIX.test(prefix) || ZH_NEG_SUFFIX.test(suffix)) return { comparator: 'trigger', explicit: true };
  const m = PREFIX.exec(prefix);
  if (m) {
    const g = m.groups!;
    // Negation counts only before the comparator: "does not exceed 15 days" is a plain limit.
    const beforeComparator = clauseBefore.slice(0, Math.max(0, clauseBefore.length - (prefix.length - m.index)));
    if (g.most !== undefined) {
      // "if you do not cure within 15 days": the deadline triggers what follows.
      if (EN_NEG.test(beforeComparator) || EN_WITHOUT.test(suffix)) return { comparator: 'trigger', explicit: true };
      if (/^in$/i.test(g.most)) return { comparator: 'at-most', explicit: false };
      // 满班率控制在99%以上: 控制在 only says a bound follows; 以上 says which.
      if (g.most === '控制在' && SUFFIX_LEAST.test(suffix)) return { comparator: 'at-least', explicit: true };
      return { comparator: 'at-most', explicit: true };
    }
    if (g.least !== undefined) return { comparator: 'at-least', explicit: true };
    const over = g.over!;
    if (/^逾/.test(over)) return { comparator: 'trigger', explicit: true };
    const negated =
      ZH_NEG_SUFFIX.test(suffix) || /^\s*(?:仍|还)/.test(suffix) || EN_NEG.test(suffix.slice(0, 40)) || EN_WITHOUT.test(suffix) || EN_NEG.test(beforeComparator);
    // "you won't wait longer than 5 minutes", "in no case will a P1 take longer than 4 hours": a limit, not a trigger.
    if (NEGATED_LIMIT.test(beforeComparator)) return { comparator: 'at-most', explicit: true };
    if (negated || escalates) return { comparator: 'trigger', explicit: true };
    if (/^after$/i.test(over)) return { comparator: 'exact', explicit: false };
    return { comparator: 'at-least', explicit: true };
  }
  if (SUFFIX_MOST.test(suffix)) {
    if (EN_NEG.test(clauseBefore)) return { comparator: 'trigger', explicit: true };
    return { comparator: 'at-most', explicit: true };
  }
  if (SUFFIX_LEAST.test(suffix)) return { comparator: 'at-least', explicit: true };
  if (LIMIT_PREFIX.test(prefix)) return { comparator: 'at-most', explicit: true };
  return { comparator: 'exact', explicit: false };
}

/**
 * An outer limit after a sooner time for the same action, in one sentence: 工单24小时内回复，最晚48小时内回复;
 * "reply within 5 working days and at the latest within 10". The sooner time is what is aimed for, the
 * limit what is promised: an aim and a binding promise, not one promise stated twice.
 */
const OUTER_LIMIT_BEFORE = /(?:最迟|最晚|最长|最多|至迟)(?:也|亦)?(?:不(?:得|会|应)?(?:超过|迟于|晚于))?\s*(?:在|于)?\s*$|\b(?:at\s+the\s+(?:very\s+)?latest|in\s+any\s+(?:case|event)|at\s+the\s+outside)\b[^.;:,，。；\d]{0,24}$/i;
const OUTER_LIMIT_AFTER = /^\s*(?:at\s+the\s+(?:very\s+)?latest|at\s+the\s+outside)\b/i;

/** Marks sooner times as aims where a later value of the sentence is an outer limit for the same action. */
export function settleOuterLimits(norm: string, sentence: readonly Commitment[]): void {
  for (let i = 1; i < sentence.length; i++) {
    const limit = sentence[i]!;
    if (limit.comparator !== 'at-most' || limit.normalized === undefined) continue;
    const before = norm.slice(Math.max(0, limit.valueStart - 40), limit.valueStart);
    if (!OUTER_LIMIT_BEFORE.test(before) && !OUTER_LIMIT_AFTER.test(norm.slice(limit.valueEnd, limit.valueEnd + 24))) continue;
    let sooner = false;
    for (let k = 0; k < i; k++) {
      const target = sentence[k]!;
      // Both name the same action: two values with no action, or for scopes not read, may be two promises.
      if (!target.metric || target.metric !== limit.metric || target.channel !== limit.channel || target.comparator !== 'at-most') continue;
      // Business hours and business days both count in units: only the same unit, or two calendar times, compare.
      if (!target.unit || !limit.unit || (target.unit !== limit.unit && (clockOf(target.unit) !== 'calendar' || clockOf(limit.unit) !== 'calendar'))) continue;
      if (target.normalized === undefined || target.normalized >= limit.normalized || commitmentKey(target) !== commitmentKey(limit)) continue;
      target.strength = 'aim';
      sooner = true;
    }
    if (sooner) limit.strength = 'binding';
  }
}
