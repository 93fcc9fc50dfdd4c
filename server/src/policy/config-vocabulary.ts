// What a config may name beyond its schema: topic ids (`requiredSections`) and commitment
// keys (`commitments`). The schema cannot list them (topics grow with the config's own
// `topics`; keys are a grammar), so they are checked here, with the closest known name.
//
// Commitment key grammar: `channel.metric` followed by scope values, each a known value
// (`urgent`, `business-hours`) or `dimension:slug` (`plan:gold`); `any` stands for a channel
// or metric the document does not name.

import type { ConfigCheck } from '../config/cascade';
import { didYouMean } from '../config/suggest';
import { DIMENSIONS, knownCondition } from './sla/dimensions';
import { CHANNEL_IDS, METRIC_IDS } from './sla-labels';
import { TOPICS } from './topics';

const CHANNELS = ['any', ...CHANNEL_IDS];
const METRICS = ['any', ...METRIC_IDS];
const DIMENSION_IDS = DIMENSIONS.map((d) => d.id as string);
const CONDITIONS = DIMENSIONS.flatMap((d) => d.values.map((v) => v.id));

export const checkConfigVocabulary: ConfigCheck = (config, known) => {
  const topicIds = [...TOPICS.map((t) => t.id), ...known.topics];
  for (const [kind, ids] of Object.entries(config.requiredSections ?? {})) {
    const list = ids ?? [];
    for (let i = 0; i < list.length; i++) {
      const id = list[i]!;
      if (!topicIds.includes(id)) {
        return { path: ['requiredSections', kind, i], message: `unknown topic id "${id}".${didYouMean(id, topicIds)} Topic ids are listed in docs/configuration.md; a new topic needs its words under "topics".` };
      }
    }
  }
  for (const key of Object.keys(config.commitments ?? {})) {
    const problem = commitmentKeyProblem(key);
    if (problem) return { path: ['commitments', key], message: `${problem} A key is channel.metric[.scope…], e.g. "email.acknowledge" or "ticket.first-response.urgent" (docs/configuration.md).` };
  }
  return undefined;
};

/** Why a commitment key cannot match any promise, or undefined when it can. */
export function commitmentKeyProblem(key: string): string | undefined {
  const [channel = '', metric, ...scope] = key.split('.');
  if (!CHANNELS.includes(channel)) return `unknown channel "${channel}" in commitment key "${key}".${didYouMean(channel, CHANNELS)}`;
  if (metric === undefined) return `commitment key "${key}" names no metric.`;
  if (!METRICS.includes(metric)) return `unknown metric "${metric}" in commitment key "${key}".${didYouMean(metric, METRICS)}`;
  for (const value of scope) {
    const colon = value.indexOf(':');
    if (colon > 0) {
      const dimension = value.slice(0, colon);
      if (!DIMENSION_IDS.includes(dimension)) return `unknown scope dimension "${dimension}" in commitment key "${key}".${didYouMean(dimension, DIMENSION_IDS)}`;
      if (value.length === colon + 1) return `scope "${value}" in commitment key "${key}" has no value.`;
    } else if (!knownCondition(value)) {
      return `unknown scope value "${value}" in commitment key "${key}".${didYouMean(value, CONDITIONS)} Write a value of your own as dimension:value (${DIMENSION_IDS.join(', ')}).`;
    }
  }
  return undefined;
}

