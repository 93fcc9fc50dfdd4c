// The hour a request comes in by, as the time it is promised for: 16点前受理的当天上门，16点后受理的24小时内上门;
// "Requests received before noon are answered the same day". The two halves are different promises, not a
// conflict, so each takes the cutoff as a condition of the time dimension.

import { parseChineseNumeral } from '../../engine/numerals';
import { openValue, type Condition } from './dimensions';
import type { Clause } from './text';

const WINDOW = 80;

// Works on normalised (Simplified) text: 16點后受理 reads as 16点后受理.
const ZH_CUTOFF =
  /(?<hour>\d{1,2}|[一二两三四五六七八九十]{1,3})\s*[点时](?:\s*(?:\d{1,2}\s*分|半|整))?\s*(?<side>以前|之前|前|以后|之后|后)[^，,。；;\n]{0,8}?(?:受理|申报|报修|报障|报装|提交|下单|申请|来电|报告|录入|收到|送达|接到)/g;
const EN_CUTOFF =
  /\b(?:received|submitted|logged|reported|placed|raised|opened|made)\s+(?<side>before|after|by|prior\s+to)\s+(?<time>(?<hour>\d{1,2})(?:[:.](?<minute>\d{2}))?\s*(?<half>[ap]\.?m\b\.?)?|noon|midday)/gi;

/**
 * The cutoff a value's promise is for: the last one named between the start of its sentence's item (a
 * semicolon starts a new one) and the value, at most 80 characters before it.
 */
export function cutoffOf(text: string, clauses: readonly Clause[], clauseIndex: number, valueStart: number): Condition | undefined {
  // Near the value only: a long line of clauses is not searched again for each of its values.
  const from = Math.max(0, valueStart - WINDOW);
  let first = clauseIndex;
  while (first > 0 && clauses[first]!.start > from && !clauses[first]!.afterSemicolon && clauses[first - 1]!.sentence === clauses[clauseIndex]!.sentence) first--;
  const window = text.slice(Math.max(from, clauses[first]!.start), valueStart);
  let found: { at: number; condition: Condition | undefined } | undefined;
  const keep = (at: number, condition: Condition | undefined) => {
    if (!found || at > found.at) found = { at, condition };
  };
  for (const m of window.matchAll(ZH_CUTOFF)) {
    const hour = /^\d/.test(m.groups!.hour!) ? Number(m.groups!.hour) : parseChineseNumeral(m.groups!.hour!);
    if (hour !== undefined && hour <= 24) keep(m.index, cutoffCondition(/前/.test(m.groups!.side!) ? 'before' : 'after', hour, 0));
  }
  for (const m of window.matchAll(EN_CUTOFF)) {
    const g = m.groups!;
    const noon = /^(?:noon|midday)$/i.test(g.time!);
    let hour = noon ? 12 : Number(g.hour);
    if (g.half && /^p/i.test(g.half) && hour < 12) hour += 12;
    // "received by 5pm": the requests in time for the promise, as "before".
    const side = /^after$/i.test(g.side!) ? 'after' : 'before';
    if (hour <= 24) keep(m.index, cutoffCondition(side, hour, noon ? 0 : Number(g.minute ?? 0)));
  }
  return found?.condition;
}

function cutoffCondition(side: 'before' | 'after', hour: number, minute: number): Condition | undefined {
  return openValue('time', `${side} ${String(hour).padStart(2, '0')}${String(minute).padStart(2, '0')}`);
}
