// The regulation packs: statutory limits on what a service policy may promise,
// one JSON file per pack under packs/ (schemas/regulation-pack.schema.json, checked
// when the build compiles the config schema). This file only lists them; the
// limits, their citations and their explanations are the packs' data.

import type { LocalizedText } from '../../engine/types';
import type { DimensionId } from '../sla/dimensions';
import type { Channel, Metric } from '../sla/types';
import cnBankingConsumerComplaints from './packs/cn-banking-consumer-complaints.json';
import cnConsumerProtectionDistanceSales from './packs/cn-consumer-protection-distance-sales.json';
import euGdpr from './packs/eu-gdpr.json';
import ukFcaDisp from './packs/uk-fca-disp.json';

export type LimitUnit = 'hour' | 'day' | 'week' | 'month' | 'business-day';

/** The promises a limit constrains, in the commitment model's terms. */
export interface LimitPromise {
  /** Undefined: a promise on any channel, or none. */
  channels?: Channel[];
  metrics: Metric[];
  /** Dimension → the values covered; null covers a promise that names no value of that dimension. */
  scope?: Partial<Record<DimensionId, (string | null)[]>>;
  /** One of these words must appear in the promise's clause or its headings. */
  subject?: { zh?: string[]; en?: string[] };
}

export interface RegulationLimit {
  id: string;
  /** What the limit is about, as a message names it. */
  topic: LocalizedText;
  article: LocalizedText;
  /** The words of the provision the limit was read from. */
  provision: string;
  promise: LimitPromise;
  comparator: 'at-most' | 'at-least';
  value: number;
  unit: LimitUnit;
  /** A document the pack applies to must state this promise. */
  required: boolean;
  explanation: LocalizedText;
}

export interface RegulationPack {
  id: string;
  jurisdiction: string;
  sector: string;
  language: 'zh' | 'en';
  title: LocalizedText;
  citation: { law: LocalizedText; instrument: string; inForce: string; url: string };
  limits: RegulationLimit[];
}

export const REGULATION_PACKS: readonly RegulationPack[] = [
  cnBankingConsumerComplaints,
  cnConsumerProtectionDistanceSales,
  euGdpr,
  ukFcaDisp,
] as unknown as RegulationPack[];

const BY_ID = new Map(REGULATION_PACKS.map((p) => [p.id, p]));

export function regulationPack(id: string): RegulationPack | undefined {
  return BY_ID.get(id);
}

export function regulationLimit(packId: string, limitId: string): { pack: RegulationPack; limit: RegulationLimit } | undefined {
  const pack = BY_ID.get(packId);
  const limit = pack?.limits.find((l) => l.id === limitId);
  return pack && limit ? { pack, limit } : undefined;
}

/**
 * The packs a document enables: front matter `regulations:` (a list or one id) overrides the
 * config's, like `organization:`. Ids no pack has are returned apart, for the front-matter rule.
 */
export function enabledRegulations(frontMatter: Record<string, unknown>, config: { regulations?: string[] }): { packs: RegulationPack[]; unknown: string[] } {
  const declared = frontMatter.regulations;
  const ids = declared === undefined ? (config.regulations ?? []) : declared === null ? [] : Array.isArray(declared) ? declared.map(String) : [String(declared)];
  const packs: RegulationPack[] = [];
  const unknown: string[] = [];
  for (const id of ids) {
    const pack = BY_ID.get(id);
    if (!pack) unknown.push(id);
    else if (!packs.includes(pack)) packs.push(pack);
  }
  return { packs, unknown };
}
