import { insertSectionEdits } from '../engine/insert-section';
import { defineRule } from '../engine/rule';
import type { PolicyDocument } from '../engine/document';
import { collectCommitments, type CommitmentRecord } from '../policy/commitments';
import { coversTopic, requiredTopics, type ResolvedTopic } from '../policy/sections';
import type { OutlineEntry } from '../engine/outline';

const LABEL_LINE = /^[\s\u3000>*_]*([^:：\n]{1,12})[:：]/;

interface SectionText {
  text: string;
  /** The outline entry it comes from; undefined for form labels. */
  entry?: OutlineEntry;
}

/** The texts that may name a section: headings and short numbered lines; in commitment letters also clauses and form labels. */
function sectionTexts(doc: PolicyDocument): SectionText[] {
  const texts: SectionText[] = [];
  const titleLine = doc.title ? doc.lines.lineOf(doc.title.span.start) : -1;
  for (const e of doc.outline.entries) {
    if (e.line === titleLine) continue; // 投诉处理承诺书 names the document, not a section
    if (e.titleLike || doc.kind === 'commitment-letter') texts.push({ text: e.title, entry: e });
  }
  if (doc.kind === 'commitment-letter') {
    for (let line = 0; line < doc.lines.lineCount; line++) {
      const m = LABEL_LINE.exec(doc.lines.lineText(line));
      if (m && line !== titleLine && !doc.md.markupLines[line]) texts.push({ text: m[1]! });
    }
  }
  return texts;
}

/** Whether the document's own commitments cover the topic (a response time covers response-times). */
function promised(commitments: readonly CommitmentRecord[], topic: ResolvedTopic, metrics: readonly string[] | undefined): CommitmentRecord[] {
  if (!metrics?.length) return [];
  return commitments.filter(
    (c) => !c.placeholder && (c.value !== undefined || c.schedule !== undefined) && metrics.includes(c.metric ?? '') && (!topic.channel || c.channel === topic.channel),
  );
}

/** The text of every prose block except the title and the table of contents: where a topic can be covered by a sentence. */
function bodyTexts(doc: PolicyDocument): string[] {
  const toc = doc.outline.toc;
  const tocLines = toc ? new Set(toc.entries.map((e) => e.line).concat(toc.titleLine)) : undefined;
  const titleStart = doc.title?.span.start;
  const out: string[] = [];
  for (const block of doc.md.prose) {
    if (titleStart !== undefined && block.span.start <= titleStart && block.span.end > titleStart && block.kind === 'heading') continue;
    if (tocLines?.has(doc.lines.lineOf(block.span.start))) continue;
    out.push(block.text);
  }
  return out;
}

export default defineRule({
  id: 'required-section',
  meta: {
    summary: { en: 'Required section missing', 'zh-CN': '缺少必备章节' },
    description: {
      en: 'Each kind of policy document must cover certain topics (privacy, monitoring, complaint deadlines…). A topic is covered by a heading, a clause or a sentence anywhere in the body, and by the document\'s own commitments (a response time covers response times; a schedule covers service hours). Entries in the table of contents do not count. Complaint handling needs a measurable deadline, not just a heading.',
      'zh-CN': '各类服务文档须包含若干必备主题（客户信息保护、服务监督、投诉处理时限等）。标题、条款或正文中任一句话涉及该主题即视为具备；文档自身的承诺也算数（响应时限即涵盖「响应时效」，服务时间表即涵盖「服务时间」）。目录条目不计入。投诉处理须给出可衡量的时限，仅有标题不够。',
    },
    severity: 'warning',
    fixable: 'suggestion',
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
    const texts = sectionTexts(doc);
    // The document's first heading is where a reader looks for what the document is; front matter is not.
    const firstHeading = doc.md.headings.find((h) => h.depth === 1);
    const anchor = firstHeading?.contentSpan ?? doc.title?.span ?? { start: 0, end: Math.min(doc.text.length, doc.lines.lineEnd(0)) };
    const kindName = context.locale === 'zh-CN' ? KIND_NAMES_ZH[doc.kind] : KIND_NAMES_EN[doc.kind];
    const commitments = collectCommitments(doc);
    let body: string[] | undefined;
    for (const topic of requiredTopics(config, doc.kind)) {
      if (topic.onlyWhenPromised && promised(commitments, { ...topic, channel: undefined }, topic.onlyWhenPromised).length === 0) continue;
      if (topic.onlyWhenChannel && !commitments.some((c) => c.channel === topic.onlyWhenChannel)) continue;
      if (topic.channel) {
        // Complaint deadlines: a complaints heading is not enough, a measurable deadline must be promised.
        if (promised(commitments, topic, topic.metrics).length > 0) continue;
        const sections = texts.filter((t) => t.entry && coversTopic(t.text, topic)).map((t) => t.entry!);
        if (sections.length > 0) {
          context.report({ ...sections[0]!.titleSpan, messageId: 'noDeadline', data: { title: sections[0]!.title, topicId: topic.id } });
          continue;
        }
      } else {
        if (promised(commitments, topic, topic.metrics).length > 0) continue;
        if (texts.some((t) => coversTopic(t.text, topic))) continue;
        body ??= bodyTexts(doc);
        // Body patterns (an email address, a support URL) are read in the source: a link's target is not prose.
        if (body.some((b) => coversTopic(b, topic)) || topic.bodyMatcher?.test(doc.text)) continue;
      }
      const lang = doc.language;
      const skeleton = topic.skeleton[lang];
      context.report({
        ...anchor,
        messageId: 'missing',
        data: { topic: context.locale === 'zh-CN' ? topic.label.zh : topic.label.en, topicId: topic.id, title: skeleton.title, kind: kindName },
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

const KIND_NAMES_ZH = { handbook: '客户服务手册', 'commitment-letter': '承诺书', 'website-policy': '客户服务制度', sla: '服务水平协议' } as const;
const KIND_NAMES_EN = { handbook: 'handbook', 'commitment-letter': 'commitment letter', 'website-policy': 'service policy', sla: 'SLA' } as const;
