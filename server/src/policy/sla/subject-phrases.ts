// The product a Chinese clause opens with as its subject: 种植业保险在接到报案后10日内完成损失核定 and 养殖业保险在接到报案后
// 3日内完成损失核定 are promises for two insurance lines, not one promise stated twice.

import { openValue, type Condition } from './dimensions';
import type { Clause } from './text';

/** A list number, then a noun phrase naming a line of business, then what it does or what befalls it. */
const PRODUCT_OPENER = /^\s*(?:[(（]?\d{1,2}[)）、.．]\s*)?((?:[\u4e00-\u9fff]{1,8}、)*[\u4e00-\u9fff]{1,8}?(?:保险|险种|业务|产品|套餐|专线|宽带))(?=在|于|自|接到|出险|报案|报修|[，,])/;
/** A phrase that names the organisation's whole business, or that is a clause itself (属于…业务, 从事…业务): no product. */
const NOT_A_PRODUCT = /^(?:本|我|各项|所有|全部|相关|其他|其它|以上|上述|下列|该|此|这|每|各)|投诉|咨询|报修|属于|从事|开展|办理|经营|实行|开始|[在的对从为是]/;

export function productPhraseOf(text: string, clause: Clause): Condition | undefined {
  const m = PRODUCT_OPENER.exec(text.slice(clause.start, Math.min(clause.end, clause.start + 40)));
  if (!m || NOT_A_PRODUCT.test(m[1]!) || m[1]!.length < 3) return undefined;
  return openValue('product', m[1]!);
}
