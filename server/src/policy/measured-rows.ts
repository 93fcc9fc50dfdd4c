// The rows of a target column ("| 於兩個工作天內回覆 | 98% |"): what each row's percentage measures, a pledge the row
// states or a rate it names, so that two rows' targets are two promises.

import type { CellContext } from '../engine/markdown';
import { openValue, type Condition } from './sla/dimensions';
import { mayHoldCommitments } from './sla/extract';
import { scanLexicon } from './sla/lexicon';
import { normalizeText } from './sla/text';
import type { RateMetric } from './sla/types';
import { scanValues } from './sla/value';

/**
 * The promise of a target column's row: the row's labels and the cells beside the target, when one of them states
 * a deadline or a pledge in words ("按服务简章所列标准派递"); undefined when the row has no such cell.
 */
export function measuredPromise(cell: CellContext): Condition | undefined {
  const sides = cell.sideLabels.map((side) => side.text.trim()).filter((text) => text !== '');
  // "Respond to simple email within 2 business days | 90%": the row's label states the deadline itself.
  // "市民於…投寄之本澳郵件,於第二個工作日派予收件人": a pledge written out in a long label, its deadline in words.
  const stated = (mayHoldCommitments(cell.rowLabel) && scanValues(normalizeText(cell.rowLabel)).length > 0) || pledgeInWords(cell.rowLabel);
  // "| 清理渠道 | 市民對清理工作的滿意程度 | 95% |": a label that names a rate is what the target measures.
  if (!stated && !rateNamed(cell) && !sides.some((text) => mayHoldCommitments(text) || (text.length > 12 && /[\p{Script=Han}\s]/u.test(text)))) return undefined;
  return openValue('measure', [cell.rowLabel, ...sides].join(' '));
}

/** A Chinese label long enough to be a pledge in words, not a short name; an English label needs its deadline ("Repairs completed on first visit" is a rate's name). */
function pledgeInWords(text: string): boolean {
  return (text.match(/\p{Script=Han}/gu)?.length ?? 0) >= PLEDGE_HAN_CHARS;
}

const PLEDGE_HAN_CHARS = 12;

/** A rate the row's own labels name (满意度, answer rate): the target column's percentage is that rate's. */
export function rateNamed(cell: CellContext): RateMetric | undefined {
  const labels = normalizeText([cell.rowLabel, ...cell.sideLabels.map((side) => side.text)].join(' '));
  return scanLexicon(labels, 0, labels.length).find((h) => h.kind === 'rate')?.value as RateMetric | undefined;
}
