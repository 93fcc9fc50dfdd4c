import type { CommitmentRecord } from '../policy/commitments';
import { clockClass, groupBy, isComparable, isSameDay, promiseLabel } from '../policy/promises';
import { RANKED_DIMENSIONS, rankOf, type DimensionId } from '../policy/sla/dimensions';
import type { RuleExamples, RuleMeta } from '../engine/types';
import { defineRule } from './contract';
import { byPosition, where } from './project-support';

const FIRST_STEPS = new Set(['acknowledge', 'first-response']);

/** A Bad and a Good example in each language: the rule's page shows them, test/rule-examples.test.ts lints them. */
const EXAMPLES: RuleExamples = {
  bad: {
    'zh-CN': {
      text: [
        '# 客户服务手册',
        '',
        '工单提交后3个工作日内确认受理，2个工作日内解决。',
      ].join('\n'),
      finding: { line: 3, messageId: 'ackAfterResolve' },
    },
    en: {
      text: [
        '# Customer promise',
        '',
        'We acknowledge tickets within 3 business days and resolve them within 2 business days.',
      ].join('\n'),
      finding: { line: 3, messageId: 'ackAfterResolve' },
    },
  },
  good: {
    'zh-CN': {
      text: [
        '# 客户服务手册',
        '',
        '工单提交后1个工作日内确认受理，5个工作日内解决。',
      ].join('\n'),
    },
    en: {
      text: [
        '# Customer promise',
        '',
        'We acknowledge tickets within 1 business day and resolve them within 5 business days.',
      ].join('\n'),
    },
  },
};

const meta = {
  summary: { en: 'SLA deadlines in an impossible order', 'zh-CN': 'SLA 时限先后顺序不合理' },
  finds: 'acknowledging later than resolving; a major or urgent case slower than a general one',
  description: {
    en: 'Deadlines that contradict the order of handling: acknowledging later than resolving, or a more serious case (urgent, P1, major) allowed more time than a less serious one in the same scope.',
    'zh-CN': '时限与处理顺序相矛盾：确认受理晚于解决办结，或更严重的事项（紧急、P1、重大）时限长于同一范围内较轻的事项。',
  },
  severity: 'warning',
  fixable: false,
  examples: EXAMPLES,
  messages: {
    ackAfterResolve: {
      en: '{promise} ({value}) comes later than resolving it ({other} on {where}). A case cannot be acknowledged after it is resolved; shorten the first or lengthen the second.',
      'zh-CN': '{promise}时限（{value}）晚于解决时限（{where}：{other}）。事项不可能在解决之后才受理，请调整时限。',
    },
    seriousSlower: {
      en: '{promise} allows {value}, more than a less serious case ({other} on {where}). A more serious case should be handled at least as fast.',
      'zh-CN': '{promise}时限为{value}，长于较轻情形（{where}：{other}）。更严重、更紧急的事项不应更慢处理。',
    },
    resolveHere: { en: 'the resolution deadline', 'zh-CN': '解决时限' },
    generalHere: { en: 'the less serious case', 'zh-CN': '较轻情形' },
  },
} satisfies RuleMeta;

const durations = (rs: CommitmentRecord[]) => rs.filter((r) => isComparable(r) && r.comparator === 'at-most' && r.clock !== 'percent' && r.clock !== 'rate');
/** The ranked value a record has in dimension d (urgent before general), if any. */
const rankIn = (r: CommitmentRecord, d: DimensionId) => {
  const c = r.scope[d];
  return c === undefined ? undefined : rankOf(c);
};
/** The record's scope as a group key, leaving out dimension `d` when given. */
const scopeWithout = (r: CommitmentRecord, d?: DimensionId) =>
  Object.entries(r.scope).filter(([k]) => k !== d).map(([k, v]) => `${k}=${v}`).sort().join('+');

/** The shortest deadline; on a tie the first in document order, so the CLI and the editor cite the same one. */
function fastest(records: CommitmentRecord[]): CommitmentRecord {
  return [...records].sort((a, b) => a.normalized! - b.normalized! || byPosition(a, b))[0]!;
}

const rule = defineRule({
  id: 'sla-order',
  scope: 'project',
  judgesPromises: true,
  meta,
  check({ documents, reporter }) {
    for (const records of reporter.commitmentsByScope().values()) {
      const timed = durations(records);
      // Acknowledge vs resolve: same channel, scope and clock.
      for (const group of groupBy(timed, (r) => `${r.channel}|${scopeWithout(r)}|${clockClass(r)}|${r.strength}`).values()) {
        // A same-day deadline may end at any hour of its day: nothing is surely later than it.
        const resolves = group.filter((r) => r.metric === 'resolve' && !isSameDay(r));
        if (resolves.length === 0) continue;
        const fastestResolve = fastest(resolves);
        for (const r of group) {
          if (!FIRST_STEPS.has(r.metric!) || r.normalized! <= fastestResolve.normalized!) continue;
          reporter.report({
            record: r,
            messageId: 'ackAfterResolve',
            data: (l) => ({ promise: promiseLabel(r, l), value: r.valueText, other: fastestResolve.valueText, where: where(r, fastestResolve, l) }),
            related: [{ record: fastestResolve, message: meta.messages.resolveHere! }],
          });
        }
      }
      // A more serious case allowed more time than a less serious one: same channel, metric,
      // clock and every other dimension of scope.
      for (const d of RANKED_DIMENSIONS) {
        const ranked = timed.filter((r) => rankIn(r, d) !== undefined);
        for (const group of groupBy(ranked, (r) => `${r.channel}|${r.metric}|${scopeWithout(r, d)}|${clockClass(r)}|${r.strength}`).values()) {
          for (const r of group) {
            const rank = rankIn(r, d)!;
            const faster = group.filter((o) => rankIn(o, d)! > rank && !isSameDay(o) && o.normalized! < r.normalized!);
            if (faster.length === 0) continue;
            const lesser = fastest(faster);
            reporter.report({
              record: r,
              messageId: 'seriousSlower',
              data: (l) => ({ promise: promiseLabel(r, l), value: r.valueText, other: lesser.valueText, where: where(r, lesser, l) }),
              related: [{ record: lesser, message: meta.messages.generalHere! }],
            });
          }
        }
      }
    }
  },
});
export default rule;
