import type { CommitmentRecord } from '../policy/commitments';
import type { ScheduleSlot, ServiceHours } from '../policy/sla/types';
import { groupBy } from '../policy/promises';
import { channelLabel } from '../policy/sla-labels';
import type { RuleExamples, RuleMeta } from '../engine/types';
import { defineRule } from './contract';
import { byPosition, relatedOthers, where } from './project-support';

/** A Bad and a Good example in each language: the rule's page shows them, test/rule-examples.test.ts lints them. */
const EXAMPLES: RuleExamples = {
  bad: {
    'zh-CN': {
      text: [
        '# 客户服务手册',
        '',
        '热线电话提供7×24小时服务。',
        '',
        '热线电话服务时间为工作日9:00-18:00。',
      ].join('\n'),
      finding: { line: 5, messageId: 'conflict' },
    },
    en: {
      text: [
        '# Customer promise',
        '',
        'Our hotline is available 24/7.',
        '',
        'The hotline is open Monday to Friday, 9:00-18:00.',
      ].join('\n'),
      finding: { line: 5, messageId: 'conflict' },
    },
  },
  good: {
    'zh-CN': {
      text: [
        '# 客户服务手册',
        '',
        '热线电话提供7×24小时服务。',
        '',
        '在线客服服务时间为工作日9:00-18:00。',
      ].join('\n'),
    },
    en: {
      text: [
        '# Customer promise',
        '',
        'Our hotline is available 24/7.',
        '',
        'Live chat is open Monday to Friday, 9:00-18:00.',
      ].join('\n'),
    },
  },
};

const meta = {
  summary: { en: 'Conflicting service hours', 'zh-CN': '服务时间相互矛盾' },
  finds: "one channel's hours stated differently (热线7×24小时 vs 热线工作日9:00-18:00)",
  description: {
    en: 'The same channel, in the same scope, given different service hours for the same days, such as a hotline open 7×24 in one place and workdays 9:00–18:00 in another. Schedules for different days (weekdays 17:30–9:30, weekends 24×7), or for hours of the same days that do not overlap (9am–5pm, then 5pm–9pm), complete each other; a schedule that names no days, or only a defined term ("Business hours"), is not compared.',
    'zh-CN': '同一渠道在同一范围内、同样的日子里服务时间表述不一致，如一处为热线7×24小时、另一处为工作日9:00-18:00。针对不同日子的时间表（工作日17:30-9:30、周末7×24），或同样日子里互不重叠的时段（9:00-17:00、17:00-21:00），互为补充；未写明日子或只写「工作时间」等定义术语的不作比较。',
  },
  severity: 'error',
  fixable: false,
  examples: EXAMPLES,
  messages: {
    conflict: {
      en: '{channel} hours are {value} here but {other} on {where}. Customers will call when one of them says you are open; state one schedule.',
      'zh-CN': '{channel}服务时间不一致：此处为{value}，{where}为{other}。请统一服务时间。',
    },
    otherHours: { en: 'the same channel\'s hours, stated differently', 'zh-CN': '同一渠道的另一服务时间' },
  },
} satisfies RuleMeta;

const label = (r: CommitmentRecord, l: 'zh-CN' | 'en') => (r.channel ? channelLabel(r.channel, l) : l === 'zh-CN' ? '客户服务' : 'Service');

function comparable(schedule: ServiceHours): boolean {
  if (schedule.twentyFourSeven) return true;
  if (schedule.slots.length === 0) return false;
  return schedule.slots.every((slot) => slot.days !== undefined || slot.holidays === true);
}

/** The days a schedule covers; holidays as day 8. */
function daysOf(schedule: ServiceHours): Set<number> {
  if (schedule.twentyFourSeven) return new Set([1, 2, 3, 4, 5, 6, 7]);
  const out = new Set<number>();
  for (const slot of schedule.slots) {
    if (slot.holidays) out.add(8);
    for (const d of slot.days ?? []) out.add(d);
  }
  return out;
}

function overlaps(a: Set<number>, b: Set<number>): boolean {
  for (const d of a) if (b.has(d)) return true;
  return false;
}

/** A slot's clock times as intervals within one day: 22:00-06:00 runs over midnight. */
function intervals(slot: ScheduleSlot): [number, number][] | undefined {
  if (slot.from === undefined || slot.to === undefined) return undefined;
  return slot.to > slot.from ? [[slot.from, slot.to]] : [[slot.from, 24 * 60], [0, slot.to]];
}

/**
 * Whether two schedules keep hours that overlap on a day both cover. "Monday - Friday (9am - 5pm)" and
 * "Monday - Friday (5pm - 9pm)" are two bands of one service that complete each other, as weekdays and
 * weekends do; a slot without clock times (5×8, 24/7) overlaps anything on its days.
 */
function hoursOverlap(a: ServiceHours, b: ServiceHours): boolean {
  if (a.twentyFourSeven || b.twentyFourSeven) return true;
  for (const x of a.slots) {
    for (const y of b.slots) {
      if (x.days && y.days && !x.days.some((d) => y.days!.includes(d))) continue;
      const xi = intervals(x);
      const yi = intervals(y);
      if (!xi || !yi || xi.some(([f, t]) => yi.some(([g, u]) => f < u && g < t))) return true;
    }
  }
  return false;
}

const rule = defineRule({
  id: 'service-hours-conflict',
  scope: 'project',
  judgesPromises: true,
  meta,
  check({ documents, reporter }) {
    for (const records of reporter.commitmentsByScope().values()) {
      // Only schedules that say which days they cover can disagree: "9am to 5pm" alone may well mean Monday to Friday,
      // and a defined term ("Support hours: Business hours") stands for a schedule stated elsewhere.
      const schedules = records.filter((r) => r.metric === 'service-hours' && r.schedule && !r.placeholder && comparable(r.schedule));
      for (const group of groupBy(schedules, (r) => r.key).values()) {
        const ordered = [...group].sort(byPosition);
        const reference = ordered[0]!;
        for (const r of ordered) {
          if (r.schedule!.canonical === reference.schedule!.canonical) continue;
          // Two schedules in one line are told apart on purpose ("9-10 are additionally covered by…"), and
          // schedules for different days complete each other (weekdays 17:30-9:30, weekends 24x7).
          if (r.path === reference.path && r.line === reference.line) continue;
          if (!overlaps(daysOf(r.schedule!), daysOf(reference.schedule!)) || !hoursOverlap(r.schedule!, reference.schedule!)) continue;
          reporter.report({
            record: r,
            messageId: 'conflict',
            data: (l) => ({ channel: label(r, l), value: r.valueText, other: reference.valueText, where: where(r, reference, l) }),
            ...relatedOthers(ordered, r, meta.messages.otherHours!),
          });
        }
      }
    }
  },
});
export default rule;
