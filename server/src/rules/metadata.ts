// Every rule's id and metadata, per-document and project-wide, for formatters
// (SARIF's rule list), generated docs and the config schema. The rule-id and
// message-id types come from here, so code outside a rule that singles one out
// names it in a way the compiler checks.

import { RULES } from '.';
import { PROJECT_RULES } from './project';

const REGISTRY = [...RULES, ...PROJECT_RULES];

export type RuleId = (typeof REGISTRY)[number]['id'];

type RuleNamed<Id extends RuleId> = Extract<(typeof REGISTRY)[number], { id: Id }>;
export type MessageIdOf<Id extends RuleId> = keyof RuleNamed<Id>['meta']['messages'] & string;

// A project rule may share its id with a per-document rule (required-section for multi-page manuals): one entry per id.
export const ALL_RULES = REGISTRY.filter((rule, i) => REGISTRY.findIndex((r) => r.id === rule.id) === i);

export const RULE_IDS: readonly RuleId[] = ALL_RULES.map((r) => r.id);

/** Is this finding rule `id`'s, and when message ids are given, one of those messages? */
export function isFindingOf<Id extends RuleId>(finding: { ruleId: string; messageId: string }, id: Id, ...messageIds: MessageIdOf<Id>[]): boolean {
  return finding.ruleId === id && (messageIds.length === 0 || (messageIds as string[]).includes(finding.messageId));
}
