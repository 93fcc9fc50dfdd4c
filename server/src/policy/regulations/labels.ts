// How a statutory limit reads in messages, hovers and tables: "15天", "《…》第二十五条".

import type { Locale } from '../../engine/types';
import { writtenValue } from '../promises';
import type { LimitVerdict } from './compare';
import { regulationLimit, type RegulationLimit, type RegulationPack } from './packs';

/** "15天" / "8 weeks": the limit's value as a document of `locale` would write it. */
export function limitValue(limit: RegulationLimit, locale: Locale): string {
  return writtenValue({ value: { min: limit.value, max: limit.value }, unit: limit.unit, comparator: 'exact' }, locale);
}

/** "《银行业保险业消费投诉处理管理办法》第三章（消费投诉处理）" / "Regulation (EU) 2016/679 (GDPR), Art. 12(3)". */
export function limitCitation(pack: RegulationPack, limit: RegulationLimit, locale: Locale): string {
  return locale === 'zh-CN' ? `${pack.citation.law['zh-CN']}${limit.article['zh-CN']}` : `${pack.citation.law.en}, ${limit.article.en}`;
}

/** "法定上限：15天（《…》第…条）" / "Legal limit: 8 weeks (FCA Handbook…, DISP 1.6.2R)". */
export function legalLimitLabel(pack: RegulationPack, limit: RegulationLimit, locale: Locale): string {
  const value = limitValue(limit, locale);
  const citation = limitCitation(pack, limit, locale);
  if (locale === 'zh-CN') return `${limit.comparator === 'at-most' ? '法定上限' : '法定下限'}：${value}（${citation}）`;
  return `${limit.comparator === 'at-most' ? 'Legal limit' : 'Legal minimum'}: ${value} (${citation})`;
}

const VERDICTS: Record<LimitVerdict, { en: string; 'zh-CN': string }> = {
  meets: { en: 'within it', 'zh-CN': '符合' },
  'may-exceed': { en: 'may exceed it', 'zh-CN': '可能超出' },
  exceeds: { en: 'exceeds it', 'zh-CN': '超出' },
};

/** A commitment's legal limit with the verdict: "法定上限：15天（《…》第三章…）· 符合". */
export function legalLimitCell(check: { pack: string; limit: string; verdict: LimitVerdict }, locale: Locale): string | undefined {
  const found = regulationLimit(check.pack, check.limit);
  if (!found) return undefined;
  return `${legalLimitLabel(found.pack, found.limit, locale)} · ${VERDICTS[check.verdict][locale]}`;
}
