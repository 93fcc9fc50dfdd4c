import { clockClass, groupBy, isComparable, isSameDay, promiseId, promiseLabel, statedTwoWays } from '../policy/promises';
import { UNITS } from '../policy/sla/units';
import type { RuleExamples, RuleMeta } from '../engine/types';
import { defineRule } from './contract';
import { byPosition, relatedOthers, where } from './project-support';
import { ownValue } from '../config/own';

/** Clock classes (promises.ts clockClass) in words, from the table of units. */
const CLOCK_NAMES: Record<string, { en: string; 'zh-CN': string }> = {
  calendar: { en: 'calendar time', 'zh-CN': '自然时间' },
  ...Object.fromEntries(
    UNITS.filter((u) => u.clockName).map((u) => [u.clock === 'business' ? `business:${u.id}` : u.clock, { en: u.clockName!.en, 'zh-CN': u.clockName!.zh }]),
  ),
};

/** A Bad and a Good example in each language: the rule's page shows them, test/rule-examples.test.ts lints them. */
const EXAMPLES: RuleExamples = {
  bad: {
    'zh-CN': {
      text: [
        '# 客户服务手册',
        '',
        '邮件咨询24小时内回复。',
        '',
        '邮件咨询1个工作日内回复。',
      ].join('\n'),
      finding: { line: 5, messageId: 'mismatch' },
    },
    en: {
      text: [
        '# Customer promise',
        '',
        'We reply to emails within 24 hours.',
        '',
        'Emails are answered within 1 business day.',
      ].join('\n'),
      finding: { line: 5, messageId: 'mismatch' },
    },
  },
  good: {
    'zh-CN': {
      text: [
        '# 客户服务手册',
        '',
        '邮件咨询1个工作日内回复。',
        '',
        '邮件咨询均在1个工作日内回复。',
      ].join('\n'),
    },
    en: {
      text: [
        '# Customer promise',
        '',
        'We reply to emails within 1 business day.',
        '',
        'Emails are answered within 1 business day.',
      ].join('\n'),
    },
  },
};

const meta = {
  summary: { en: 'SLA promise on different clocks', 'zh-CN': 'SLA 承诺计量口径不一致' },
  finds: 'the same promise on different clocks (24小时 vs 1个工作日): never converted silently',
  description: {
    en: 'The same promise stated once in calendar time and once in business time (24 hours vs 1 business day). They cannot be compared without a calendar, so policylint never converts one into the other; state the promise on one clock.',
    'zh-CN': '同一承诺一处以自然时间、一处以工作日计（如24小时与1个工作日）。二者须结合工作日历才能比较，policylint 不做换算；请统一计量口径。',
  },
  severity: 'warning',
  fixable: false,
  examples: EXAMPLES,
  messages: {
    mismatch: {
      en: '{promise} is {value} ({clock}) here but {other} ({otherClock}) on {where}. These cannot be compared without a calendar; state the promise on one clock.',
      'zh-CN': '{promise}此处为{value}（{clock}），{where}为{other}（{otherClock}），计量口径不同，无法直接比较。请统一使用自然时间或工作日。',
    },
    otherClock: { en: 'the same promise on another clock', 'zh-CN': '同一承诺的另一计量口径' },
  },
} satisfies RuleMeta;

const clockName = (c: string, l: 'zh-CN' | 'en') => ownValue(CLOCK_NAMES, c)?.[l] ?? c;

const rule = defineRule({
  id: 'sla-unit-mismatch',
  scope: 'project',
  judgesPromises: true,
  meta,
  check({ documents, reporter }) {
    for (const records of reporter.commitmentsByScope().values()) {
      // A share (downtime 0.01%) and a length (downtime 5 minutes) are two measures, not one promise on two clocks.
      // The same day is the same on every clock.
      for (const group of groupBy(records.filter((r) => isComparable(r) && r.clock !== 'percent' && !isSameDay(r)), promiseId).values()) {
        const clocks = groupBy(group, clockClass);
        if (clocks.size < 2) continue;
        const ordered = [...group].sort(byPosition);
        const reference = ordered[0]!;
        // The reference may state the promise on two clocks (within 6 rings or in 20 seconds): a value on either compares on its own clock.
        const referenceClocks = new Set(ordered.filter((q) => q === reference || statedTwoWays(q, reference)).map(clockClass));
        for (const r of ordered) {
          if (referenceClocks.has(clockClass(r))) continue;
          reporter.report({
            record: r,
            messageId: 'mismatch',
            data: (l) => ({
              promise: promiseLabel(r, l),
              value: r.valueText,
              clock: clockName(clockClass(r), l),
              other: reference.valueText,
              otherClock: clockName(clockClass(reference), l),
              where: where(r, reference, l),
            }),
            ...relatedOthers(ordered, r, meta.messages.otherClock!),
          });
        }
      }
    }
  },
});
export default rule;
