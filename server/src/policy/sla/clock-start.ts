// The event a deadline's clock starts from (收到投诉后, 自受理之日起, "within 5 days of acknowledgement"):
// a metric word there names the start, not the action promised.

import { ZH_SPAN_TO_SOURCE, type Hit } from './lexicon';

// 收到投诉后 / 自受理之日起 / within 5 days of acknowledgement: the event the clock
// starts from, not the action promised.
const ZH_REFERENCE_AFTER = /^[^,，;；。:：\d]{0,6}?(?:之日起|之日|之后|以后|后|起)/;
export const EN_REFERENCE_AFTER_VALUE = /^\s*(?:of|after|from|following|since)\s+[^.;,:]{0,40}$/i;
// 从受理到通气5个工作日: the clock runs from 受理 to the action after 到.
const ZH_FROM_BEFORE = /(?:从|自)\s*$/;
const ZH_TO_AFTER = new RegExp(`^[^,，;；。:：\\d]{0,4}?${ZH_SPAN_TO_SOURCE}`);
const EN_REFERENCE_BEFORE = /\b(?:of|after|from|following|upon|since|receiving)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|your\s+)?$/i;

// 故障解决三日内提供故障分析报告: a report delivered within days of an event names the event right before the value, with no 后.
const ZH_REPORT_AFTER_VALUE = /^[个天日时小工作钟分]{0,4}(?:以内|之内|内)[，,]?(?:向[^，,。；;]{1,12})?(?:提供|出具|提交|报送|递交|发送)[^，,。；;]{0,12}(?:报告|总结|说明)/;

/** @param valueEnd where the value ends, when it is in the hit's own clause (a report after it may then name the event). */
export function isReferenceEvent(text: string, h: Hit, valueStart: number, valueEnd?: number): boolean {
  if (ZH_REFERENCE_AFTER.test(text.slice(h.end, Math.min(valueStart, h.end + 8)))) return true;
  if (ZH_FROM_BEFORE.test(text.slice(Math.max(0, h.start - 2), h.start)) && ZH_TO_AFTER.test(text.slice(h.end, Math.min(valueStart, h.end + 6)))) return true;
  if (valueEnd !== undefined && valueStart - h.end <= 1 && ZH_REPORT_AFTER_VALUE.test(text.slice(valueEnd, valueEnd + 40))) return true;
  // "90% of decisions": the share's "of" names what is promised, not an event the clock starts from.
  const before = text.slice(Math.max(0, h.start - 24), h.start);
  return EN_REFERENCE_BEFORE.test(before) && !SHARE_OF_BEFORE.test(before);
}

const SHARE_OF_BEFORE = /(?:%|\bper\s*cent|\bpercent)\s+of\s+(?:the\s+|all\s+|our\s+|your\s+)?$/i;
