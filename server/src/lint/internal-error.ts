// The finding a failure turns into: a rule that throws, or a file whose whole
// analysis does (a worker's stack overflow). It must not take the other rules,
// the other files, or the editor down with it; the failure is reported where
// the user sees findings, so it is noticed and reported upstream.

import type { Finding, Locale, LocalizedText, PlacedFinding } from '../engine/types';
import { formatMessage } from '../l10n/format';

export const INTERNAL_ERROR_RULE = 'internal-error';

const MESSAGES: Record<'document' | 'workspace' | 'file', LocalizedText> = {
  document: {
    en: 'policylint: rule "{rule}" failed on this document: {error}. Please report this.',
    'zh-CN': 'policylint：规则「{rule}」检查本文档时出错：{error}。请报告此问题。',
  },
  workspace: {
    en: 'policylint: rule "{rule}" failed on this workspace: {error}. Its other findings are missing. Please report this.',
    'zh-CN': 'policylint：规则「{rule}」检查整个工作区时出错：{error}。该规则的其他结果缺失。请报告此问题。',
  },
  file: {
    en: 'policylint could not analyse this file ({error}). The other files were linted; please report this with the file.',
    'zh-CN': 'policylint 无法分析此文件（{error}）。其他文件已检查；请附上此文件报告此问题。',
  },
};

/** "RangeError: Maximum call stack size exceeded": what failed, for the message and stderr. */
export function describeFailure(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** `ruleId` is the rule that failed; empty for a file whose analysis failed as a whole. */
export function internalError(ruleId: string, where: 'document' | 'workspace' | 'file', error: unknown, locale: Locale): Finding {
  const detail = describeFailure(error);
  return {
    ruleId: INTERNAL_ERROR_RULE,
    severity: 'error',
    messageId: 'crash',
    message: formatMessage(MESSAGES[where], locale, { rule: ruleId, error: detail }),
    start: 0,
    end: 0,
    related: [],
    fixes: [],
    ...(ruleId ? { data: { rule: ruleId } } : {}),
  };
}

/** At the document's first character, for findings made without the document at hand. */
export function placedAtStart(finding: Finding): PlacedFinding {
  return { ...finding, line: 1, column: 1, endLine: 1, endColumn: 1, fixable: false };
}
