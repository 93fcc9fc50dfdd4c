import type { RuleExamples } from '../engine/types';
import { defineRule } from './contract';
import { collectCommitments } from '../policy/commitments';
import { documentAnchor } from '../policy/coverage';
import { promiseLabel } from '../policy/promises';
import { documentLegalLimits } from '../policy/regulations/check';
import type { UncertainReason } from '../policy/regulations/compare';
import { limitCitation, limitValue } from '../policy/regulations/labels';
import { regulationLimit } from '../policy/regulations/packs';

/** The warning for each way a promise on another clock may exceed the limit. */
const UNCERTAIN_MESSAGE: Record<UncertainReason, 'businessDays' | 'calendarDays' | 'monthLength'> = { 'business-vs-calendar': 'businessDays', 'calendar-vs-business': 'calendarDays', 'month-length': 'monthLength' };

/** A Bad and a Good example in each language: the rule's page shows them, test/rule-examples.test.ts lints them. */
const EXAMPLES: RuleExamples = {
  bad: {
    'zh-CN': {
      text: [
        '# 投诉处理承诺书',
        '',
        '一般投诉自收到之日起20日内作出处理决定并告知投诉人。',
      ].join('\n'),
      config: { regulations: ['cn-banking-consumer-complaints'] },
      finding: { line: 3, messageId: 'exceeds' },
    },
    en: {
      text: [
        '---',
        'kind: website-policy',
        '---',
        '# Privacy Policy',
        '',
        'We respond to data subject requests within two months of receipt.',
      ].join('\n'),
      config: { regulations: ['eu-gdpr'] },
      finding: { line: 6, messageId: 'exceeds' },
    },
  },
  good: {
    'zh-CN': {
      text: [
        '# 投诉处理承诺书',
        '',
        '一般投诉自收到之日起15日内作出处理决定并告知投诉人。',
      ].join('\n'),
      config: { regulations: ['cn-banking-consumer-complaints'] },
    },
    en: {
      text: [
        '---',
        'kind: website-policy',
        '---',
        '# Privacy Policy',
        '',
        'We respond to data subject requests within one month of receipt.',
      ].join('\n'),
      config: { regulations: ['eu-gdpr'] },
    },
  },
};

export default defineRule({
  id: 'regulatory-limit',
  meta: {
    summary: { en: 'Promise outside a statutory limit', 'zh-CN': '承诺超出法定时限' },
    finds: 'with a regulation pack enabled (`regulations:`), a promise slower than the cited statutory limit, one on another clock that may exceed it (10个工作日 vs 15日), or a required promise never stated ([packs](docs/regulations.md); a drafting aid, not legal advice)',
    description: {
      en: 'Checks each promise against the statutory limits of the regulation packs the config or front matter enables (`regulations: ["uk-fca-disp"]`; see docs/regulations.md). A promise slower than the law allows is an error that cites the law and article. A promise on another clock that may exceed the limit (10 business days against 15 days: weekends and holidays can make it longer) is a warning that says why; it is never treated as equal. A promise the law requires that the document never states is a warning too. With no pack enabled the rule does nothing. A drafting aid, not legal advice.',
      'zh-CN': '按配置或文档头信息启用的法规包（`regulations: ["cn-banking-consumer-complaints"]`，见 docs/regulations.md）逐项核对承诺是否在法定时限内。承诺慢于法律允许的时限时报错，并注明法律及条款。计量口径不同、可能超出时限的承诺（如10个工作日对15日：遇周末和节假日可能更长）给出警告并说明原因，绝不视为相等。法律要求而文档未作出的承诺也给出警告。未启用法规包时本规则不做任何检查。仅为起草辅助，不构成法律意见。',
    },
    severity: 'error',
    fixable: false,
    examples: EXAMPLES,
    messages: {
      exceeds: {
        en: '{promise} is promised within {value}, but {citation} allows at most {limit}. {explanation}',
        'zh-CN': '{promise}承诺为{value}，超出{citation}规定的{limit}上限。{explanation}',
      },
      short: {
        en: '{promise} grants {value}, but {citation} requires at least {limit}. {explanation}',
        'zh-CN': '{promise}承诺为{value}，低于{citation}规定的{limit}。{explanation}',
      },
      businessDays: {
        en: '{promise} is promised within {value}, counted in business days, while {citation} counts calendar days: at most {limit}. Weekends and public holidays can make {value} longer than {limit}; state the promise in calendar days.',
        'zh-CN': '{promise}承诺为{value}（按工作日计），{citation}按自然日计，上限为{limit}。遇周末和节假日，{value}可能超过{limit}，请改按自然日承诺。',
      },
      calendarDays: {
        en: '{promise} is promised within {value}, counted in calendar days, while {citation} counts business days: at most {limit}. In a period with few weekends or holidays {value} can be longer than {limit}; state the promise in business days.',
        'zh-CN': '{promise}承诺为{value}（按自然日计），{citation}按工作日计，上限为{limit}。节假日较少时，{value}可能超过{limit}，请改按工作日承诺。',
      },
      monthLength: {
        en: '{promise} is promised within {value}, but {citation} allows {limit}, and a month can be as short as 28 days. State the promise in months, or in no more days than the shortest month has.',
        'zh-CN': '{promise}承诺为{value}，{citation}规定为{limit}，而一个月最短只有28天。请按月承诺，或承诺不超过28天。',
      },
      missing: {
        en: 'The document states no {promise} deadline, but {citation} requires one of at most {limit}. {explanation}',
        'zh-CN': '文档未写明{promise}时限，而{citation}要求不超过{limit}。{explanation}',
      },
    },
  },
  check(context) {
    const { doc, config, locale } = context;
    const judged = documentLegalLimits(doc, config);
    if (judged.checks.length === 0 && judged.missing.length === 0) return;
    const records = new Map(collectCommitments(doc).map((r) => [r.valueStart, r]));
    for (const check of judged.checks) {
      const found = regulationLimit(check.pack, check.limit);
      const record = records.get(check.valueStart);
      if (!found || !record || check.verdict === 'meets') continue;
      const { pack, limit } = found;
      const messageId = check.verdict === 'exceeds' ? (limit.comparator === 'at-most' ? 'exceeds' : 'short') : UNCERTAIN_MESSAGE[check.reason ?? 'month-length'];
      context.report({
        start: record.valueStart,
        end: record.valueEnd,
        messageId,
        severity: check.verdict === 'exceeds' ? undefined : 'warning',
        data: {
          promise: promiseLabel(record, locale),
          value: record.valueText,
          limit: limitValue(limit, locale),
          citation: limitCitation(pack, limit, locale),
          explanation: limit.explanation[locale],
          pack: pack.id,
        },
      });
    }
    for (const { pack, limit } of judged.missing) {
      context.report({
        ...documentAnchor(doc),
        messageId: 'missing',
        severity: 'warning',
        data: {
          promise: limit.topic[locale],
          limit: limitValue(limit, locale),
          citation: limitCitation(pack, limit, locale),
          explanation: limit.explanation[locale],
          pack: pack.id,
        },
      });
    }
  },
});
