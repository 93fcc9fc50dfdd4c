// Which topics a document must cover, and whether a heading covers one.

import type { PolicylintConfig } from '../config/types';
import type { DocumentKind } from '../engine/types';
import { TOPICS, type TopicDefinition } from './topics';
import { ownValue } from '../config/own';
import { simplified } from './traditional';

export interface ResolvedTopic extends TopicDefinition {
  matchers: RegExp[];
  bodyMatcher?: RegExp;
}

const cache = new WeakMap<PolicylintConfig, Map<DocumentKind, ResolvedTopic[]>>();

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** zh synonyms match anywhere; en ones as whole words, in any case. */
function matchersFor(zh: string[], en: string[]): RegExp[] {
  const out: RegExp[] = [];
  if (zh.length) out.push(new RegExp(zh.map((s) => escape(s.normalize('NFKC').replace(/\s+/g, ''))).join('|')));
  // English synonyms are small patterns ("resolution times?"); a space matches any run of spaces.
  if (en.length) out.push(new RegExp(`\\b(?:${en.map((s) => s.replace(/\s+/g, '\\s+')).join('|')})\\b`, 'i'));
  return out;
}

/** The topics required for `kind`, with the config's extra synonyms merged in. */
export function requiredTopics(config: PolicylintConfig, kind: DocumentKind): ResolvedTopic[] {
  let byKind = cache.get(config);
  if (!byKind) cache.set(config, (byKind = new Map()));
  const hit = byKind.get(kind);
  if (hit) return hit;
  const ids = ownValue(config.requiredSections, kind) ?? TOPICS.filter((t) => t.requiredIn.includes(kind)).map((t) => t.id);
  const topics = ids.map((id) => {
    const base = TOPICS.find((t) => t.id === id);
    const extra = ownValue(config.topics, id);
    const zh = [...(base?.zh ?? []), ...(extra?.zh ?? [])];
    // The catalogue's English synonyms are small patterns; a config's are plain words.
    const en = [...(base?.en ?? []), ...(extra?.en ?? []).map(escape)];
    const titleZh = extra?.title?.zh ?? base?.skeleton.zh.title ?? zh[0] ?? id;
    const titleEn = extra?.title?.en ?? base?.skeleton.en.title ?? en[0] ?? id;
    const topic: ResolvedTopic = {
      ...(base ?? {}),
      id,
      zh,
      en,
      requiredIn: [kind],
      label: base?.label ?? { zh: titleZh, en: titleEn },
      skeleton: {
        zh: { title: titleZh, body: base?.skeleton.zh.body ?? '【待补充】' },
        en: { title: titleEn, body: base?.skeleton.en.body ?? 'TODO' },
      },
      matchers: matchersFor(zh, en),
    };
    if (base?.body?.length) topic.bodyMatcher = new RegExp(base.body.join('|'), 'i');
    return topic;
  });
  byKind.set(kind, topics);
  return topics;
}

/** A number of business hours: a value's unit, not a mention of the hours themselves. */
const VALUE_ON_A_CLOCK = /(?:(?<![\d.])\d+(?:\.\d+)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|sixteen|twenty|twenty-four|forty|forty-eight))\s*(?:business|working|office)\s+hours?\b/gi;

export function coversTopic(text: string, topic: ResolvedTopic): boolean {
  // "P1 – 4 business hours" measures a time on a clock; it does not say when the business hours are.
  const compact = simplified(text.normalize('NFKC')).replace(VALUE_ON_A_CLOCK, ' ');
  const noSpace = compact.replace(/\s+/g, '');
  return topic.matchers.some((m, i) => (i === 0 && topic.zh.length ? m.test(noSpace) : m.test(compact)));
}
