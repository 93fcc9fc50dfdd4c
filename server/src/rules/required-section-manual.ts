// required-section for a manual written as several pages (front matter `part-of`, or the
// config's partOf): a topic covered on any page is covered for the manual, and what no
// page covers is reported once, on the first page. Same rule id, meta and messages as the
// per-document rule, which stays quiet on such pages.

import type { ManualPage } from '../policy/manual';
import { kindName } from '../policy/kinds';
import { groupBy } from '../policy/promises';
import { defineRule } from './contract';
import requiredSection from './required-section';

const rule = defineRule({
  id: requiredSection.id,
  scope: 'project',
  judgesPromises: false,
  meta: requiredSection.meta,
  check({ documents, reporter }) {
    const pages = documents.filter((d) => d.analysis.manual).map((d) => ({ path: d.analysis.path, page: d.analysis.manual as ManualPage }));
    for (const group of groupBy(pages, (p) => `${p.page.organization}\u0000${p.page.manual}`).values()) {
      const ordered = [...group].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      const first = ordered[0]!;
      // A topic is required when any page meets its condition, and covered when any page covers it.
      const covered = new Set(group.flatMap((p) => p.page.topics.filter((t) => t.covered).map((t) => t.id)));
      const required = new Map(group.flatMap((p) => p.page.topics.filter((t) => t.applies).map((t) => [t.id, t] as const)));
      for (const topic of required.values()) {
        if (covered.has(topic.id)) continue;
        reporter.reportAt(first.path, first.page.anchor, 'missing', (l) => ({
          topic: l === 'zh-CN' ? topic.label.zh : topic.label.en,
          topicId: topic.id,
          title: topic.title,
          kind: kindName(first.page.kind, l),
        }));
      }
    }
  },
});
export default rule;
