// What a Chinese clause opens with as its subject. A product: 种植业保险在接到报案后10日内完成损失核定 and 养殖业保险在接到报案后
// 3日内完成损失核定 are promises for two insurance lines, not one promise stated twice. A size class: 直径600mm以下的管道12小时
// 以内修复 and 直径700mm以上的管道24小时以内修复 are promises for two sizes of pipe.

import { openValue, type Condition } from './dimensions';
import { lowerBound, type Clause } from './text';
import type { Hit } from './lexicon';

/** A list number, then a noun phrase naming a line of business, then what it does or what befalls it. */
const PRODUCT_OPENER = /^\s*(?:[(（]?\d{1,2}[)）、.．]\s*)?((?:[\u4e00-\u9fff]{1,8}、)*[\u4e00-\u9fff]{1,8}?(?:保险|险种|业务|产品|套餐|专线|宽带))(?=在|于|自|接到|出险|报案|报修|[，,])/;
/** A phrase that names the organisation's whole business, or that is a clause itself (属于…业务, 从事…业务): no product. */
const NOT_A_PRODUCT = /^(?:本|我|各项|所有|全部|相关|其他|其它|以上|上述|下列|该|此|这|每|各)|投诉|咨询|报修|属于|从事|开展|办理|经营|实行|开始|[在的对从为是]/;

export function productPhraseOf(text: string, clause: Clause): Condition | undefined {
  const m = PRODUCT_OPENER.exec(text.slice(clause.start, Math.min(clause.end, clause.start + 40)));
  if (!m || NOT_A_PRODUCT.test(m[1]!) || m[1]!.length < 3) return undefined;
  return openValue('product', m[1]!);
}

/** A measure with a unit that is not time, then the side of it the class is on: 600mm以下, 20户以上, 10千伏及以上. */
const SIZE_BOUND = /\d+(?:\.\d+)?\s*(?:mm|毫米|厘米|cm|米|公里|km|千伏安|kva|千伏|kv|千瓦|kw|户|戶|平方米|㎡|m²|吨|立方米|m³)\s*(?:[(（][^()（）]{0,20}[)）]\s*)?(?:及|或)?(?:以下|以上|以内|以外|到|至)/i;

export function sizeClassOf(text: string, clause: Clause, firstValue: number, hits: readonly Hit[]): Condition | undefined {
  if (firstValue - clause.start > 80) return undefined;
  // 10千伏及以上客户供电方案答复不超过15个工作日: the class ends where the action is named.
  let end = firstValue;
  for (let i = lowerBound(hits, clause.start); i < hits.length && hits[i]!.start < end; i++) {
    if (hits[i]!.end <= firstValue && (hits[i]!.kind === 'metric' || hits[i]!.kind === 'rate')) end = hits[i]!.start;
  }
  const before = text.slice(clause.start, end);
  // 500米范围内、500米外1000米以内…分别缩减至30个、40个、50个工作日: each value has its own class, in turn.
  if (!SIZE_BOUND.test(before) || before.includes('分别')) return undefined;
  // 直径600mm以下(含直径600mm)的管道: the class without its bracketed note, list number, 的, or the words before the value,
  // so that 直径600mm以下管道应在… is the same class. "0.4千伏" keeps its decimal.
  let phrase = before
    .replace(/[(（][^()（）]*[)）]/g, '')
    .replace(/^\s*(?:[(（]?\d{1,2}[)）、．](?!\d)|\d{1,2}\.(?!\d))?\s*/, '')
    .replace(/的/g, '')
    .trimEnd();
  for (let word = BEFORE_VALUE.find((w) => phrase.endsWith(w)); word; word = BEFORE_VALUE.find((w) => phrase.endsWith(w))) phrase = phrase.slice(0, -word.length).trimEnd();
  // A class is a short noun phrase; a longer run is a sentence of conditions, not one class.
  return phrase.length <= 30 ? openValue('case', phrase) : undefined;
}

/** Words between a subject and its value that are not part of the subject: 在, 须, 不超过. */
const BEFORE_VALUE = ['在', '于', '须', '应', '将', '需', '要', '不超过', '不大于', '最长', '均', '一般'];
