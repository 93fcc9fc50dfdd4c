// A rule may hand its fixes over as a function, built only when a fix is read
// (a code action, --fix). The finding must still look like any other: the same
// fixes when read, in JSON, through a spread and a structured clone; a fix that
// fails to build is an empty list, never an exception in the reader.

import { describe, expect, it } from 'vitest';
import { createDocument } from '../../server/src/policy/document';
import { fixText, lintDocument, lintText } from '../../server/src/lint/linter';
import { defineRule, type DocumentRule } from '../../server/src/rules/contract';
import type { Fix } from '../../server/src/engine/types';
import { testRuleMeta } from '../helpers/rule';

const TEXT = '# 客户服务手册\n\n## 一、总则\n\n## 三、服务渠道\n';

function ruleGiving(fixes: Fix[] | (() => Fix[])): DocumentRule {
  return defineRule({
    id: 'test-lazy',
    meta: testRuleMeta({ m: { en: 'here', 'zh-CN': '此处' } }),
    check(context) {
      context.report({ start: 2, end: 4, messageId: 'm', fixes });
    },
  }) as DocumentRule;
}

const FIX: Fix = { kind: 'fix', title: 'replace', edits: [{ start: 2, end: 4, text: '客服' }] };

describe('fixes given as a function', () => {
  it('are built once, when first read, and equal the eager ones in every view', () => {
    let builds = 0;
    const lazy = lintText('a.md', TEXT, { rules: [ruleGiving(() => (builds++, [FIX]))] }).findings[0]!;
    const eager = lintText('a.md', TEXT, { rules: [ruleGiving([FIX])] }).findings[0]!;
    expect(builds).toBe(0);
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(eager));
    expect(builds).toBe(1);
    expect({ ...lazy }).toEqual({ ...eager });
    expect(structuredClone(lazy)).toEqual(structuredClone(eager));
    expect(lazy.fixes).toBe(lazy.fixes);
    expect(builds).toBe(1);
  });

  it('are applied by --fix like eager ones', () => {
    const lazy = fixText('a.md', TEXT, { rules: [ruleGiving(() => [FIX])] });
    expect(lazy.text).toBe(fixText('a.md', TEXT, { rules: [ruleGiving([FIX])] }).text);
    expect(lazy.text).toContain('# 客服服务手册');
  });

  it('that fail to build are no fixes, and reading them does not throw', () => {
    const finding = lintText('a.md', TEXT, {
      rules: [
        ruleGiving(() => {
          throw new Error('broken fix');
        }),
      ],
    }).findings[0]!;
    expect(finding.fixes).toEqual([]);
    expect(finding.message).toBe('此处');
  });

  it('can be replaced by assignment, as an eager list can', () => {
    const finding = lintDocument(createDocument('a.md', TEXT), { rules: [ruleGiving(() => [FIX])] }).findings[0]!;
    finding.fixes = [];
    expect(finding.fixes).toEqual([]);
  });
});
