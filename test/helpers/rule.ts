// A rule's metadata for rules that exist only in a test: every field a rule must
// declare, with the test's own messages.

import type { FixKind, LocalizedText, RuleMeta } from '../../server/src/engine/types';

export function testRuleMeta<M extends string>(messages: Record<M, LocalizedText>, fixable: FixKind | false = 'fix'): RuleMeta<M> {
  return {
    summary: { en: 'test', 'zh-CN': '测试' },
    finds: 'test',
    description: { en: 'test', 'zh-CN': '测试' },
    severity: 'warning',
    fixable,
    messages,
  };
}
