import type { RuleExamples } from '../engine/types';
import { defineRule } from './contract';
import { collectCommitments } from '../policy/commitments';
import { promiseLabel, writtenValue } from '../policy/promises';
import { parseCanonical } from '../policy/promises';
import { ownValue } from '../config/own';

/** A Bad and a Good example in each language: the rule's page shows them, test/rule-examples.test.ts lints them. */
const EXAMPLES: RuleExamples = {
  bad: {
    'zh-CN': {
      text: [
        '# 客户服务承诺书',
        '',
        '热线电话须在____秒内接通。',
      ].join('\n'),
      finding: { line: 3, messageId: 'blank' },
    },
    en: {
      text: [
        '# Customer promise',
        '',
        'We answer the phone within ___ seconds.',
      ].join('\n'),
      finding: { line: 3, messageId: 'blank' },
    },
  },
  good: {
    'zh-CN': {
      text: [
        '# 客户服务承诺书',
        '',
        '热线电话须在20秒内接通。',
      ].join('\n'),
    },
    en: {
      text: [
        '# Customer promise',
        '',
        'We answer the phone within 20 seconds.',
      ].join('\n'),
    },
  },
};

export default defineRule({
  id: 'sla-placeholder',
  meta: {
    summary: { en: 'SLA commitment without a value', 'zh-CN': 'SLA 承诺的数值未填写' },
    finds: 'a commitment whose value is a blank (在__小时内响应); the fix fills in the canonical value',
    description: {
      en: 'A commitment whose value is a blank (在__________小时内响应, XX business days): the promise exists but says nothing measurable. With a canonical value in the config, the fix fills it in.',
      'zh-CN': '承诺的数值为空白（如「在__________小时内响应」「XX个工作日」）：承诺存在但无法衡量。若配置中有统一标准，可一键填入。',
    },
    severity: 'warning',
    fixable: 'suggestion',
    examples: EXAMPLES,
    messages: {
      blank: {
        en: 'The {promise} commitment has no value ("{text}"). Fill in the number{hint}.',
        'zh-CN': '{promise}承诺的数值未填写（「{text}」）。请填写具体数值{hint}。',
      },
      hint: { en: ' (the organisation\'s standard is {value})', 'zh-CN': '（组织统一标准为{value}）' },
      fill: { en: 'Fill in {value}', 'zh-CN': '填入{value}' },
    },
  },
  check(context) {
    const { doc, config } = context;
    if (!doc.kind) return;
    for (const r of collectCommitments(doc)) {
      if (!r.placeholder) continue;
      const canonicalText = ownValue(config.commitments, r.key);
      const canonical = canonicalText !== undefined ? parseCanonical(canonicalText) : undefined;
      const fill = canonical ? writtenValue({ value: { min: canonical.value, max: canonical.value }, unit: canonical.unit, comparator: 'exact' }, context.locale) : undefined;
      context.report({
        start: r.valueStart,
        end: r.valueEnd,
        messageId: 'blank',
        data: { promise: promiseLabel(r, context.locale), text: r.valueText, hint: fill ? context.message('hint', { value: fill }) : '', key: r.key },
        fixes: fill ? [{ kind: 'suggestion', title: context.message('fill', { value: fill }), edits: [{ start: r.valueStart, end: r.valueEnd, text: fill }] }] : [],
      });
    }
  },
});
