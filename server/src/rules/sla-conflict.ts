import type { ProjectEntry } from './analysis';
import type { Fix, RuleExamples } from '../engine/types';
import { formatMessage } from '../l10n/format';
import type { CommitmentRecord } from '../policy/commitments';
import { clockClass, groupBy, isComparable, kindRank, parseCanonical, promiseId, promiseLabel, writtenValue } from '../policy/promises';
import type { RuleMeta } from '../engine/types';
import { defineRule } from './contract';
import { byPosition, MAX_RELATED, type ProjectReporter, relatedOthers, where } from './project-support';

/** A Bad and a Good example in each language: the rule's page shows them, test/rule-examples.test.ts lints them. */
const EXAMPLES: RuleExamples = {
  bad: {
    'zh-CN': {
      text: [
        '# 客户服务承诺书',
        '',
        '热线电话30秒内接通。',
      ].join('\n'),
      workspace: { 'handbook.md': '# 客户服务手册\n\n热线电话须在20秒内接通。\n' },
      finding: { line: 3, messageId: 'conflict' },
    },
    en: {
      text: [
        '# Customer promise',
        '',
        'We answer the phone within 20 seconds.',
        '',
        'Phone calls are answered within 30 seconds.',
      ].join('\n'),
      finding: { line: 5, messageId: 'conflict' },
    },
  },
  good: {
    'zh-CN': {
      text: [
        '# 客户服务承诺书',
        '',
        '热线电话20秒内接通。',
      ].join('\n'),
      workspace: { 'handbook.md': '# 客户服务手册\n\n热线电话须在20秒内接通。\n' },
    },
    en: {
      text: [
        '# Customer promise',
        '',
        'We answer the phone within 60 seconds.',
        '',
        'Phone calls are answered within 1 minute.',
      ].join('\n'),
    },
  },
};

const meta = {
  summary: { en: 'Conflicting SLA commitments', 'zh-CN': 'SLA 承诺相互矛盾' },
  finds: "the same promise (channel, metric, conditions) with different values, in one document or across documents, or against the config's canonical value; 60秒 and 1分钟 are equal",
  description: {
    en: 'The same promise stated with different values, in one document or across the documents of one organisation, or against the canonical value in the config. The same promise means the same channel, metric, kind of comparator, strength and scope in every dimension (priority, plan, time regime, case, customer…): different plans or priorities never conflict, and a promise stated for working days is the unqualified promise unless the document also promises something for the rest of the time. 60 seconds and 1 minute are the same value.',
    'zh-CN': '同一承诺在同一文档或同一组织的不同文档中数值不同，或与配置中的统一标准不同。同一承诺指渠道、指标、比较方式、约束力以及各个范围维度（优先级、服务版本、时段、事项类别、客户类别等）都相同：不同版本或优先级不冲突；仅注明「工作日」的承诺，若文档未对其他时段另作承诺，即视为一般承诺。60秒与1分钟视为相同。',
  },
  severity: 'error',
  fixable: 'suggestion',
  examples: EXAMPLES,
  messages: {
    conflict: {
      en: 'Inconsistent {promise}: {value} here, {other} on {where}. A customer can hold you to either; state one value.',
      'zh-CN': '{promise}时限不一致：此处为{value}，{where}为{other}。客户可依据任一处主张权利，请统一为一个数值。',
    },
    // A rate is a target, not a deadline: 满意度目标不一致, never 满意度时限不一致.
    conflictRate: {
      en: 'Inconsistent {promise}: {value} here, {other} on {where}. A customer can hold you to either; state one value.',
      'zh-CN': '{promise}目标不一致：此处为{value}，{where}为{other}。客户可依据任一处主张权利，请统一为一个数值。',
    },
    canonical: {
      en: '{promise} is {value} here, but the organisation\'s standard (config "commitments.{key}") is {canonical}. Use the standard value.',
      'zh-CN': '{promise}此处为{value}，与组织统一标准（配置 commitments.{key}）{canonical}不一致。请使用统一标准。',
    },
    use: { en: 'Use {value} as on {where}', 'zh-CN': '改为{value}（同{where}）' },
    useCanonical: { en: 'Use the standard value {value}', 'zh-CN': '改为统一标准{value}' },
    sameHere: { en: 'the same promise, with another value', 'zh-CN': '同一承诺的另一数值' },
  },
} satisfies RuleMeta;

/** The value most statements give; on a tie, the handbook's (others follow it), then the one stated first. */
function referenceOf(records: CommitmentRecord[]): CommitmentRecord {
  const counts = groupBy(records, (r) => String(r.normalized));
  let best = records[0]!;
  let bestCount = 0;
  for (const r of records) {
    const n = counts.get(String(r.normalized))!.length;
    if (n > bestCount || (n === bestCount && kindRank(r) < kindRank(best))) [best, bestCount] = [r, n];
  }
  return best;
}

function conflicts(reporter: ProjectReporter, group: CommitmentRecord[]): void {
  const ordered = [...group].sort(byPosition);
  const reference = referenceOf(ordered);
  const values = groupBy(ordered, (r) => String(r.normalized));
  if (values.size < 2) return;
  for (const r of ordered) {
    if (r.normalized === reference.normalized) continue;
    reporter.report({
      record: r,
      messageId: r.clock === 'percent' || r.clock === 'rate' ? 'conflictRate' : 'conflict',
      data: (l) => ({ promise: promiseLabel(r, l), value: r.valueText, other: reference.valueText, where: where(r, reference, l), key: r.key }),
      ...relatedOthers(ordered, r, meta.messages.sameHere!),
      fixes: (l) =>
        [...values.values()]
          .map((list) => list[0]!)
          .filter((o) => o.normalized !== r.normalized)
          // One suggestion per other value, as many as a menu can show: thousands of values would be O(n²).
          .slice(0, MAX_RELATED)
          .map<Fix>((o) => {
            const text = o.language === r.language ? o.valueText : writtenValue(o, l);
            return { kind: 'suggestion', title: formatMessage(meta.messages.use!, l, { value: text, where: where(r, o, l) }), edits: [{ start: r.valueStart, end: r.valueEnd, text }] };
          }),
    });
  }
}

function againstConfig(reporter: ProjectReporter, documents: readonly ProjectEntry[]): void {
  for (const entry of documents) {
    const canonical = entry.config.commitments;
    if (!canonical) continue;
    for (const r of entry.analysis.commitments) {
      if (r.documentKind === undefined || !isComparable(r) || !(r.key in canonical)) continue;
      const want = parseCanonical(canonical[r.key]!);
      if (!want || want.clock !== clockClass(r) || want.normalized === r.normalized) continue;
      reporter.report({
        record: r,
        messageId: 'canonical',
        data: (l) => ({ promise: promiseLabel(r, l), value: r.valueText, canonical: canonical[r.key]!, key: r.key }),
        related: [],
        fixes: (l) => {
          const text = writtenValue({ value: { min: want.value, max: want.value }, unit: want.unit, comparator: 'exact' }, l);
          const title = formatMessage(meta.messages.useCanonical!, l, { value: text });
          return [{ kind: 'suggestion', title, edits: [{ start: r.valueStart, end: r.valueEnd, text }] }];
        },
      });
    }
  }
}

const rule = defineRule({
  id: 'sla-conflict',
  scope: 'project',
  judgesPromises: true,
  meta,
  check({ documents, reporter }) {
    for (const records of reporter.commitmentsByScope().values()) {
      const comparable = records.filter(isComparable);
      for (const group of groupBy(comparable, promiseId).values()) {
        for (const sameClock of groupBy(group, clockClass).values()) conflicts(reporter, sameClock);
      }
    }
    againstConfig(reporter, documents);
  },
});
export default rule;
