import type { CommitmentRecord } from '../policy/commitments';
import { clockClass, groupBy, isComparable, promiseLabel } from '../policy/promises';
import { CONDITION_GROUP } from '../policy/sla/lexicon';
import type { Condition } from '../policy/sla/types';
import type { ProjectRule } from './project';
import { ProjectReporter, where } from './project-support';

const FIRST_STEPS = new Set(['acknowledge', 'first-response']);
const SERIOUS = new Set<Condition>(['major', 'urgent']);

const meta: ProjectRule['meta'] = {
  summary: { en: 'SLA deadlines in an impossible order', 'zh-CN': 'SLA 时限先后顺序不合理' },
  description: {
    en: 'Deadlines that contradict the order of handling: acknowledging later than resolving, or a major or urgent case allowed more time than a general one.',
    'zh-CN': '时限与处理顺序相矛盾：确认受理晚于解决办结，或重大、紧急事项的时限长于一般事项。',
  },
  severity: 'warning',
  fixable: false,
  messages: {
    ackAfterResolve: {
      en: '{promise} ({value}) comes later than resolving it ({other} on {where}). A case cannot be acknowledged after it is resolved; shorten the first or lengthen the second.',
      'zh-CN': '{promise}时限（{value}）晚于解决时限（{where}：{other}）。事项不可能在解决之后才受理，请调整时限。',
    },
    seriousSlower: {
      en: '{promise} allows {value}, more than the general case ({other} on {where}). Major and urgent cases should be handled faster, not slower.',
      'zh-CN': '{promise}时限为{value}，长于一般情形（{where}：{other}）。重大、紧急事项应更快处理。',
    },
    resolveHere: { en: 'the resolution deadline', 'zh-CN': '解决时限' },
    generalHere: { en: 'the general case', 'zh-CN': '一般情形' },
  },
};

const durations = (rs: CommitmentRecord[]) => rs.filter((r) => isComparable(r) && r.comparator === 'at-most' && r.clock !== 'percent' && r.clock !== 'rate');
const severityOf = (r: CommitmentRecord) => r.conditions.filter((c) => CONDITION_GROUP[c] === 'severity');
const withoutSeverity = (r: CommitmentRecord) => r.conditions.filter((c) => CONDITION_GROUP[c] !== 'severity').join('+');

const rule: ProjectRule = {
  id: 'sla-order',
  meta,
  check(documents) {
    const reporter = new ProjectReporter(rule.id, meta, documents);
    for (const records of reporter.commitmentsByScope().values()) {
      const timed = durations(records);
      // Acknowledge vs resolve: same channel, conditions and clock.
      for (const group of groupBy(timed, (r) => `${r.channel}|${r.conditions.join('+')}|${clockClass(r)}|${r.strength}`).values()) {
        const resolves = group.filter((r) => r.metric === 'resolve');
        if (resolves.length === 0) continue;
        const fastestResolve = resolves.reduce((a, b) => (b.normalized! < a.normalized! ? b : a));
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
      // Major or urgent vs general: same channel, metric, other conditions and clock.
      for (const group of groupBy(timed, (r) => `${r.channel}|${r.metric}|${withoutSeverity(r)}|${clockClass(r)}|${r.strength}`).values()) {
        const general = group.filter((r) => severityOf(r).includes('general'));
        if (general.length === 0) continue;
        const slowestGeneral = general.reduce((a, b) => (b.normalized! > a.normalized! ? b : a));
        for (const r of group) {
          if (!severityOf(r).some((c) => SERIOUS.has(c)) || r.normalized! <= slowestGeneral.normalized!) continue;
          reporter.report({
            record: r,
            messageId: 'seriousSlower',
            data: (l) => ({ promise: promiseLabel(r, l), value: r.valueText, other: slowestGeneral.valueText, where: where(r, slowestGeneral, l) }),
            related: [{ record: slowestGeneral, message: meta.messages.generalHere! }],
          });
        }
      }
    }
    return reporter.findings;
  },
};
export default rule;
