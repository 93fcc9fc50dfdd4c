// 分别, "respectively": values listed after it are each the case its place names in the list before
// it (紧急、重要、一般故障分别在2小时、4小时、8小时内响应), never one promise stated twice.

import { openValue } from './dimensions';
import type { Hit } from './lexicon';
import { lowerBound, type Sentence } from './text';
import type { Condition } from './types';

/** What these read of a sentence (assign.ts SentenceCtx). */
interface SpreadSentence {
  text: string;
  sentence: Sentence;
  values: readonly { start: number; end: number }[];
  hits: readonly Hit[];
}

const LIST_JOIN = /^\s*[、,，和及与]\s*$/;

/**
 * The values after 分别 and the case each listed item before it names, when the two lists are as
 * long. When the items cannot be told apart (低压客户,以及高压单电源、双电源客户…分别不超过6个、22个、
 * 32个工作日), each value is still its own case, by its place in the list: respective values are
 * never one promise stated twice.
 */
export function distributedCases(ctx: SpreadSentence): { values: number[]; cases: Condition[][]; named: Condition[] } | undefined {
  const at = ctx.text.indexOf('分别', ctx.sentence.start);
  if (at < 0 || at >= ctx.sentence.end) return undefined;
  const first = lowerBound(ctx.values, at + 2);
  if (first >= ctx.values.length || ctx.values[first]!.start >= ctx.sentence.end) return undefined;
  const values = [first];
  for (let j = first + 1; j < ctx.values.length && ctx.values[j]!.start < ctx.sentence.end; j++) {
    if (!LIST_JOIN.test(ctx.text.slice(ctx.values[j - 1]!.end, ctx.values[j]!.start))) break;
    values.push(j);
  }
  const items = distributedList(ctx.text, at, ctx.hits);
  if (items && items.cases.length <= values.length) return { values: values.slice(0, items.cases.length), ...items };
  if (values.length < 2) return undefined;
  return { values, cases: values.map((_, k) => [openValue('case', `${RESPECTIVE_ITEM} ${k + 1}`)!]), named: [] };
}

/** How a respective value without a named case is labelled: the k-th item of the list. */
const RESPECTIVE_ITEM = 'item';

/**
 * The cases a list before 分别 names, one per item: 紧急、重要、一般故障分别在2小时、4小时、8小时内 lists
 * urgent, 重要 and general. A known condition in an item is its case; otherwise its own words are.
 * `named` is every known condition the items hold, whether or not it became a case.
 */
export function distributedList(text: string, at: number, hits: readonly Hit[]): { cases: Condition[][]; named: Condition[] } | undefined {
  const from = Math.max(0, at - 40);
  const m = LIST_BEFORE_SPREAD.exec(text.slice(from, at));
  if (!m) return undefined;
  let start = from + m.index;
  const out: Condition[][] = [];
  const items = m[1]!.split('、').map((item) => {
    const end = start + item.length;
    const known = hits.find((h) => h.kind === 'condition' && h.start >= start && h.end <= end)?.value as Condition | undefined;
    start = end + 1;
    return { item, known };
  });
  // 一般、较复杂、复杂: two items the table reads as one condition are told apart by their own words.
  const named = items.map(({ known }) => known);
  for (const { item, known } of items) {
    const own = known !== undefined && named.indexOf(known) === named.lastIndexOf(known) ? known : openValue('case', item);
    if (own === undefined) return undefined;
    out.push([own]);
  }
  return out.length >= 2 ? { cases: out, named: named.filter((c): c is Condition => c !== undefined) } : undefined;
}

/** Two or more items joined by 、 right before 分别, maybe followed by 的 and a comma. */
const LIST_BEFORE_SPREAD = /([\u4e00-\u9fffA-Za-z0-9]{1,10}(?:、[\u4e00-\u9fffA-Za-z0-9]{1,10})+)(?:的)?\s*[,，]?\s*$/;
