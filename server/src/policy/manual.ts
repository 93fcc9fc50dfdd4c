// A manual written as several pages (front matter `part-of: 客户服务手册`, or the config's
// `partOf`): its pages are judged together for required topics, since a topic covered
// on one page is covered for the manual. Each page contributes plain data (which topics
// it covers), so a worker, the cache or a CI shard can carry it to the project rule.

import type { PolicylintConfig } from '../config/types';
import type { PolicyDocument } from '../engine/document';
import type { DocumentKind, Language, Place, Span } from '../engine/types';
import { documentAnchor, topicCoverage } from './coverage';

export interface ManualPage {
  manual: string;
  organization: string;
  kind: DocumentKind;
  language: Language;
  /** Where the manual's missing topics are reported when this page is the manual's first: its title. */
  anchor: Span & Place;
  topics: { id: string; covered: boolean; applies: boolean; label: { zh: string; en: string }; title: string }[];
}

/** The manual a page belongs to: front matter part-of (or partOf, manual), else the config's partOf. */
export function manualOf(doc: PolicyDocument, config: PolicylintConfig): string | undefined {
  const fm = doc.frontMatter;
  const declared = fm['part-of'] ?? fm.partOf ?? fm.manual;
  const name = typeof declared === 'string' ? declared : config.partOf;
  return name?.trim() || undefined;
}

export function manualPage(doc: PolicyDocument, config: PolicylintConfig): ManualPage | undefined {
  const manual = manualOf(doc, config);
  if (!manual || !doc.kind) return undefined;
  const anchor = documentAnchor(doc);
  return {
    manual,
    organization: doc.organization,
    kind: doc.kind,
    language: doc.language,
    anchor: { ...anchor, ...doc.lines.toPlace(anchor) },
    topics: topicCoverage(doc, config).map(({ topic, covered, applies }) => ({ id: topic.id, covered, applies, label: topic.label, title: topic.skeleton[doc.language].title })),
  };
}
