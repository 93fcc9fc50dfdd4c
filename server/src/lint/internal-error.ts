// The finding a rule's failure turns into. A rule that throws must not take
// the other rules, the other files, or the editor down with it; the failure is
// reported where the user sees findings, so it is noticed and reported upstream.

import type { Finding, Locale, LocalizedText } from '../engine/types';
import { formatMessage } from '../l10n/format';

export const INTERNAL_ERROR_RULE = 'internal-error';

const MESSAGES: Record<'document' | 'workspace', LocalizedText> = {
  document: {
    en: 'policylint: rule "{rule}" failed on this document: {error}. Please report this.',
    'zh-CN': 'policylint：规则「{rule}」检查本文档时出错：{error}。请报告此问题。',
  },
  workspace: {
    en: 'policylint: rule "{rule}" failed on this workspace: {error}. Its other findings are missing. Please report this.',
    'zh-CN': 'policylint：规则「{rule}」检查整个工作区时出错：{error}。该规则的其他结果缺失。请报告此问题。',
  },
};

export function internalError(ruleId: string, where: 'document' | 'workspace', error: unknown, locale: Locale): Finding {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    ruleId: INTERNAL_ERROR_RULE,
    severity: 'error',
    messageId: 'crash',
    message: formatMessage(MESSAGES[where], locale, { rule: ruleId, error: detail }),
    start: 0,
    end: 0,
    related: [],
    fixes: [],
    data: { rule: ruleId },
  };
}
