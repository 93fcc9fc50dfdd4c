// Sibling sections that list the same promises: "## Estimated Time to Resolution" over "### Technology Services"
// (P1 4 hours, P2 16, P3 40) and "### Network Operations" (P1 8 hours, P2 16, P3 40). A document does not state a
// whole list twice under two headings of one level to contradict itself: each section's promises are its own.
// Records are taken by shape, so that this module imports nothing of commitments.ts.

import { firstAtLeast } from '../engine/arrays';
import type { OutlineEntry } from '../engine/outline';
import { SECTION_WORD } from './heading-context';
import { metricFromHeading } from './sla';
import { dimensionOf, openValue } from './sla/dimensions';
import type { Condition } from './sla/types';

interface SectionedRecord {
  start: number;
  channel?: string;
  metric?: string;
  conditions: Condition[];
}

/** Promises two sibling sections must share, at least, to be read as parallel lists. */
const SHARED_PROMISES = 2;

/**
 * Gives the promises of parallel sibling sections their section as a condition (and takes it from those no longer
 * in one). Returns whether any record's conditions changed, so that the caller settles their scopes again.
 */
export function withParallelSections(records: SectionedRecord[], entries: readonly OutlineEntry[], introOf: (section: OutlineEntry) => string | undefined): boolean {
  // The sub-headings that could be parts: most documents have none, and then no record is looked at (a keystroke's cost).
  const varies = new Map<number, boolean>();
  const partsVary = (parent: number) => {
    let known = varies.get(parent);
    if (known === undefined) varies.set(parent, (known = VARIES_BY_PART.test(`${entries[parent]!.title}\n${introOf(entries[parent]!) ?? ''}`)));
    return known;
  };
  const parts = new Set<number>();
  entries.forEach((e, i) => {
    if (namesPart(e) && partsVary(e.parent)) parts.add(i);
  });
  if (parts.size < 2 && !records.some((r) => r.conditions.some((c) => dimensionOf(c) === 'section'))) return false;
  // The last entry that starts at or before the record: the innermost section holding it (-1 before the first).
  const sectionOf = records.map((r) => firstAtLeast(entries, r.start + 1, (e) => e.span.start) - 1);
  // The promises of each part, by what they promise (without the value).
  const promises = new Map<number, Set<string>>();
  records.forEach((r, i) => {
    const entry = sectionOf[i]!;
    if (!parts.has(entry)) return;
    let set = promises.get(entry);
    if (!set) promises.set(entry, (set = new Set()));
    set.add(promiseOf(r));
  });
  const parallel = new Map<number, Condition>();
  const byParent = new Map<number, number[]>();
  for (const entry of promises.keys()) {
    const parent = entries[entry]!.parent;
    let list = byParent.get(parent);
    if (!list) byParent.set(parent, (list = []));
    list.push(entry);
  }
  // Only where the section above says that its promises differ by part: "Time to resolution (varies by IT team)".
  // A summary beside its details ("## At a glance" beside "## Stage 1") restates one list, and may contradict it.
  for (const list of byParent.values()) {
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        if (shared(promises.get(list[a]!)!, promises.get(list[b]!)!) < SHARED_PROMISES) continue;
        for (const entry of [list[a]!, list[b]!]) {
          const section = openValue('section', entries[entry]!.title);
          if (section) parallel.set(entry, section);
        }
      }
    }
  }
  let changed = false;
  records.forEach((r, i) => {
    const wanted = parallel.get(sectionOf[i]!);
    const had = r.conditions.find((c) => dimensionOf(c) === 'section');
    if (had === wanted) return;
    // A new array: the extraction the conditions came from may be kept for the next keystroke.
    const rest = r.conditions.filter((c) => c !== had);
    r.conditions = wanted ? [...rest, wanted].sort() : rest;
    changed = true;
  });
  return changed;
}

/**
 * A sub-heading that can name a part of the service: "Network Operations", 技术服务部. Not a heading that names a
 * metric or an ordinary section ("Response times", "Summary", "Details"): a summary and its details restate one list.
 */
function namesPart(e: OutlineEntry): boolean {
  return e.parent >= 0 && e.titleLike && PART_TITLE.test(e.title) && !SECTION_WORD.test(e.title) && !VIEW_TITLE.test(e.title) && metricFromHeading(e.title) === undefined;
}

/** "varies by IT team", "differ between offices", "depending on the department", 因部门而异, 各部门分别: the parts are named. */
const VARIES_BY_PART =
  /\b(?:var(?:y|ies|ying)|differ(?:s|ing)?)\s+(?:by|between|across|from)\s+(?:(?:the|each|one|IT|support)\s+)?(?:teams?|departments?|services?|products?|regions?|locations?|sites?|offices?|areas?|groups?|units?)\b|\bdepend(?:s|ing)?\s+on\s+(?:the\s+|which\s+)?(?:team|department|service|product|region|location|site|office|area|group|unit)\b(?!\s+(?:request|level|type|plan))|因(?:部门|团队|业务|服务|产品|地区|区域|单位|网点)而异|各(?:部门|团队|业务|单位|地区|网点)(?:分别|各自)/i;

/**
 * Titles that are a view of the list, not a part of the service: "At a glance", "In detail", "Quick reference",
 * 时限一览, 详细说明. A summary and its details restate one list, and may contradict it.
 */
const VIEW_TITLE =
  /\b(?:at\s+a\s+glance|in\s+(?:detail|brief|short|full|summary)|quick\s+reference|overview|summary|details?|full\s+(?:details|definitions?|list)|key\s+points|highlights|definitions?|examples?)\b|一览|概览|概要|汇总|总览|摘要|详细|详情|说明|明细|细则|示例|举例/i;

/** At most four words or twelve Han characters. */
const PART_TITLE = /^\s*(?:[A-Za-z][\w&'’-]*(?:\s+[A-Za-z][\w&'’-]*){0,3}|[\u4e00-\u9fff]{2,12})\s*$/;

function promiseOf(r: SectionedRecord): string {
  return [r.channel ?? '', r.metric ?? '', ...r.conditions.filter((c) => dimensionOf(c) !== 'section')].join('\u0000');
}

function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}
