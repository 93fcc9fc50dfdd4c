// What a rule is. A rule declares all of its metadata in one place (id,
// summary, severity, fixability, messages in both languages) and a check that
// reads the document and reports.

import type { PolicylintConfig } from '../config/types';
import type { PolicyDocument } from './document';
import type { Fix, Locale, RelatedLocation, RuleMeta, Severity, Span } from './types';

export interface Report extends Span {
  messageId: string;
  data?: Record<string, string | number>;
  /** Overrides the rule's severity for this message (e.g. signature blanks are only info). */
  severity?: Severity;
  fixes?: Fix[];
  related?: RelatedLocation[];
}

export interface RuleContext {
  doc: PolicyDocument;
  config: PolicylintConfig;
  locale: Locale;
  options: Record<string, unknown>;
  report(report: Report): void;
  /** A message of this rule in the context's locale, for fix titles and related notes. */
  message(messageId: string, data?: Record<string, string | number>): string;
}

export interface Rule {
  id: string;
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  for (const [id, text] of Object.entries(rule.meta.messages)) {
    if (!text.en || !text['zh-CN']) throw new Error(`rule ${rule.id}: message ${id} needs both en and zh-CN`);
  }
  return rule;
}
