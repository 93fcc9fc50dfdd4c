import type { RuleExamples } from '../engine/types';
import { insertSectionEdits } from '../engine/insert-section';
import { defineRule } from './contract';
import { documentAnchor, topicCoverage } from '../policy/coverage';
import { kindName } from '../policy/kinds';
import { manualOf } from '../policy/manual';

/** A Bad and a Good example in each language: the rule's page shows them, test/rule-examples.test.ts lints them. */
const EXAMPLES: RuleExamples = {
  bad: {
    'zh-CN': {
      text: [
        '# 客户服务手册',
        '',
        '## 服务渠道',
        '',
        '客户可拨打服务热线 400-800-1234。',
      ].join('\n'),
      config: { kind: 'handbook', requiredSections: { handbook: ['privacy'] } },
      finding: { line: 1, messageId: 'missing' },
    },
    en: {
      text: [
        '# Customer Service Handbook',
        '',
        '## Channels',
        '',
        'Call us on 0800 123 456.',
      ].join('\n'),
      config: { kind: 'handbook', requiredSections: { handbook: ['privacy'] } },
      finding: { line: 1, messageId: 'missing' },
    },
  },
  good: {
    'zh-CN': {
      text: [
        '# 客户服务手册',
        '',
        '## 服务渠道',
        '',
        '客户可拨打服务热线 400-800-1234。',
        '',
        '## 客户信息保护',
        '',
        '我们依法保护客户个人信息，未经客户同意不向第三方提供。',
      ].join('\n'),
      config: { kind: 'handbook', requiredSections: { handbook: ['privacy'] } },
    },
    en: {
      text: [
        '# Customer Service Handbook',
        '',
        '## Channels',
        '',
        'Call us on 0800 123 456.',
        '',
        '## Privacy',
        '',
        'We never share your personal data without your consent.',
      ].join('\n'),
      config: { kind: 'handbook', requiredSections: { handbook: ['privacy'] } },
    },
  },
};

export default defineRule({
  id: 'required-section',
  meta: {
    summary: { en: 'Required section missing', 'zh-CN': '缺少必备章节' },
    finds: "a topic the document's kind requires (privacy, monitoring, complaint deadlines, channels, service hours, response times, escalation, signature, effective date) is covered nowhere: no heading, clause, sentence or commitment of the document covers it; table-of-contents entries don't count ([catalogue](docs/kinds.md))",
    description: {
      en: 'Each kind of policy document must cover certain topics (privacy, monitoring, complaint deadlines…). A topic is covered by a heading, a clause or a sentence anywhere in the body, and by the document\'s own commitments (a response time covers response times; a schedule covers service hours). Entries in the table of contents do not count. Complaint handling needs a measurable deadline, not just a heading.',
      'zh-CN': '各类服务文档须包含若干必备主题（客户信息保护、服务监督、投诉处理时限等）。标题、条款或正文中任一句话涉及该主题即视为具备；文档自身的承诺也算数（响应时限即涵盖「响应时效」，服务时间表即涵盖「服务时间」）。目录条目不计入。投诉处理须给出可衡量的时限，仅有标题不够。',
    },
    severity: 'warning',
    fixable: 'suggestion',
    examples: EXAMPLES,
    messages: {
      missing: {
        en: 'This {kind} says nothing about {topic}: no heading, clause or sentence covers it, and no commitment does. Reviewers and regulators expect it (for example a section "{title}"). Add it.',
        'zh-CN': '本{kind}未涉及「{topic}」：没有相关的标题、条款或语句，也没有相应的承诺。审核与监管通常要求具备该内容（如「{title}」章节）。请补充。',
      },
      insert: { en: 'Insert a "{title}" section', 'zh-CN': '插入「{title}」章节' },
      noDeadline: {
        en: 'Section "{title}" promises no measurable complaint deadline (acknowledge, investigate or resolve within a stated time). Add one, for example "acknowledged within 1 business day, resolved within 5 business days".',
        'zh-CN': '「{title}」未给出可衡量的投诉处理时限（受理、调查或办结的具体期限）。请补充，例如「投诉受理后1个工作日内确认，5个工作日内办结」。',
      },
    },
  },
  check(context) {
    const { doc, config } = context;
    if (!doc.kind) return;
    const anchor = documentAnchor(doc);
    const kind = kindName(doc.kind, context.locale);
    // A page of a multi-page manual is judged with its other pages (rules/required-section-manual.ts).
    if (manualOf(doc, config)) return;
    for (const { topic, covered, applies, deadlineless } of topicCoverage(doc, config)) {
      if (covered || !applies) continue;
      if (deadlineless) {
        context.report({ ...deadlineless.titleSpan, messageId: 'noDeadline', data: { title: deadlineless.title, topicId: topic.id } });
        continue;
      }
      const lang = doc.language;
      const skeleton = topic.skeleton[lang];
      context.report({
        ...anchor,
        messageId: 'missing',
        data: { topic: context.locale === 'zh-CN' ? topic.label.zh : topic.label.en, topicId: topic.id, title: skeleton.title, kind },
        fixes: [
          {
            kind: 'suggestion',
            title: context.message('insert', { title: skeleton.title }),
            edits: insertSectionEdits(doc, skeleton.title, skeleton.body),
          },
        ],
      });
    }
  },
});
