// Sibling sections that list the same promises: "## Estimated Time to Resolution" over "### Technology Services"
// (P1 4 hours, P2 16, P3 40) and "### Network Operations" (P1 8 hours, P2 16, P3 40). A document does not state a
// whole list twice under two headings of one level to contradict itself: each section's promises are its own.
// Records are taken by shape, so that this module imports nothing of commitments.ts.

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
  const sectionOf = records.map((r) => innermostEntry(entries, r.start));
  // The promises of each section, by what they promise (without the value).
  const promises = new Map<number, Set<string>>();
  records.forEach((r, i) => {
    const entry = sectionOf[i]!;
    if (entry < 0) return;
    let set = promises.get(entry);
    if (!set) promises.set(entry, (set = new Set()));
    set.add(promiseOf(r));
  });
  const parallel = new Map<number, Condition>();
  const byParent = new Map<number, number[]>();
  for (const entry of promises.keys()) {
    const e = entries[entry]!;
    if (!namesPart(e)) continue;
    let list = byParent.get(e.parent);
    if (!list) byParent.set(e.parent, (list = []));
    list.push(entry);
  }
  for (const [parent, list] of byParent) {
    // Only where the section above says that its promises differ by part: "Time to resolution (varies by IT team)".
    // A summary beside its details ("## At a glance" beside "## Stage 1") restates one list, and may contradict it.
    if (list.length < 2 || !VARIES_BY_PART.test(`${entries[parent]!.title}\n${introOf(entries[parent]!) ?? ''}`)) continue;
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
  return e.parent >= 0 && e.titleLike && PART_TITLE.test(e.title) && !SECTION_WORD.test(e.title) && metricFromHeading(e.title) === undefined;
}

/** "varies by IT team", "depending on the service", "for each office", 因部门而异, 按业务类型. */
const VARIES_BY_PART =
  /\bvar(?:y|ies|ying)\s+(?:by|between|across|with)\b|\bdiffers?\s+(?:by|between|across)\b|\bdepend(?:s|ing)?\s+on\s+(?:the\s+|which\s+)?(?:team|department|service|product|region|location|site|office|area|group|unit)s?\b|\b(?:by|per|for\s+each)\s+(?:team|department|service|product|region|location|site|office|area|group|unit)\b|因[\u4e00-\u9fff]{1,6}而异|按(?:部门|团队|业务|服务|产品|地区|区域|单位)|各(?:部门|团队|业务|单位|地区)(?:的|分别)/i;

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

/** The index of the last outline entry that starts at or before an offset: the innermost section holding it; -1 before the first. */
function innermostEntry(entries: readonly OutlineEntry[], offset: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid]!.span.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
