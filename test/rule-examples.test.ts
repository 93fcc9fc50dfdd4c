// Every rule's Bad and Good examples, in both languages, as its page shows them (as Biome
// checks its rule docs): a Bad example gives exactly the finding its metadata documents,
// in the example document, on that line, with that message; a Good example gives none.
// Only the rule's own findings count: an example is about one rule.

import { describe, expect, it } from 'vitest';
import { EXAMPLE_FILE, EXAMPLE_LOCALES, lintExample } from '../server/src/docs/rule-examples';
import { ALL_RULES } from '../server/src/rules/metadata';

describe.each(ALL_RULES.map((r) => [r.id, r] as const))('%s', (id, rule) => {
  const examples = rule.meta.examples;

  it('has a Bad and a Good example in each language, naming one of its messages', () => {
    expect(examples, `${id}: add meta.examples`).toBeDefined();
    for (const locale of EXAMPLE_LOCALES) {
      expect(Object.keys(rule.meta.messages)).toContain(examples!.bad[locale].finding.messageId);
      expect(examples!.good[locale].finding).toBeUndefined();
    }
  });

  it.each(EXAMPLE_LOCALES)('Bad (%s) gives exactly the documented finding', (locale) => {
    const bad = examples!.bad[locale];
    const found = lintExample(id, bad).map((f) => `${f.path}:${f.line} ${f.messageId}`);
    expect(found).toEqual([`${EXAMPLE_FILE}:${bad.finding.line} ${bad.finding.messageId}`]);
  });

  it.each(EXAMPLE_LOCALES)('Bad (%s) is reported in its own language', (locale) => {
    const [finding] = lintExample(id, examples!.bad[locale]);
    expect(/[\u4e00-\u9fff]/.test(finding!.message)).toBe(locale === 'zh-CN');
  });

  it.each(EXAMPLE_LOCALES)('Good (%s) gives none', (locale) => {
    expect(lintExample(id, examples!.good[locale])).toEqual([]);
  });
});
