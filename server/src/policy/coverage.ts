// Which required topics a document covers, and how: a heading, a clause or a
// sentence naming the topic, evidence in the source (an email address covers
// channels), or the document's own commitments (a response time covers
// response-times). The required-section rule reports what is not covered; for a
// page of a multi-page manual, the pages are judged together (policy/manual.ts).

import type { PolicylintConfig } from '../config/types';
import type { PolicyDocument } from '../engine/document';
import type { OutlineEntry } from '../engine/outline';
import type { Span } from '../engine/types';
import { collectCommitments, type CommitmentRecord } from './commitments';
import { coversTopic, requiredTopics, type ResolvedTopic } from './sections';

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

/** Where a document-level finding goes: the first heading, where a reader looks for what the document is; front matter is not. */
export function documentAnchor(doc: PolicyDocument): Span {
  const firstHeading = doc.md.headings.find((h) => h.depth === 1);
  return firstHeading?.contentSpan ?? doc.title?.span ?? { start: 0, end: Math.min(doc.text.length, doc.lines.lineEnd(0)) };
}

export interface TopicVerdict {
  topic: ResolvedTopic;
  covered: boolean;
  /** False for a topic required only on a condition this document does not meet (service hours of an SLA that promises no response). */
  applies: boolean;
  /** For complaint deadlines: the complaints heading that promises no measurable deadline. */
  deadlineless?: OutlineEntry;
}

/** Each topic the document's kind requires, whether its condition applies here, and whether it is covered. */
export function topicCoverage(doc: PolicyDocument, config: PolicylintConfig): TopicVerdict[] {
  if (!doc.kind) return [];
  const texts = sectionTexts(doc);
  const commitments = collectCommitments(doc);
  let body: string[] | undefined;
  const out: TopicVerdict[] = [];
  for (const topic of requiredTopics(config, doc.kind)) {
    const applies =
      !(topic.onlyWhenPromised && promised(commitments, { ...topic, channel: undefined }, topic.onlyWhenPromised).length === 0) &&
      !(topic.onlyWhenChannel && !commitments.some((c) => c.channel === topic.onlyWhenChannel));
    if (topic.channel) {
      // Complaint deadlines: a complaints heading is not enough, a measurable deadline must be promised.
      if (promised(commitments, topic, topic.metrics).length > 0) {
        out.push({ topic, covered: true, applies });
        continue;
      }
      const sections = texts.filter((t) => t.entry && coversTopic(t.text, topic)).map((t) => t.entry!);
      out.push({ topic, covered: false, applies, deadlineless: sections[0] });
      continue;
    }
    let covered =
      promised(commitments, topic, topic.metrics).length > 0 ||
      (topic.promisedOn !== undefined && commitments.some((c) => c.channel !== undefined && topic.promisedOn!.includes(c.channel))) ||
      texts.some((t) => coversTopic(t.text, topic));
    if (!covered) {
      body ??= bodyTexts(doc);
      // Body patterns (an email address, a support URL) are read in the source: a link's target is not prose.
      covered = body.some((b) => coversTopic(b, topic)) || topic.bodyMatcher?.test(doc.text) === true;
    }
    out.push({ topic, covered, applies });
  }
  return out;
}
