// Parts of hand-written files that the rules' metadata generates: the README's
// rule table and the rule names the config schema accepts. `npm run docs`
// writes them; the docs test fails when they are stale.

import type { RuleDescriptor } from '../engine/types';

export const README_RULES_START = '<!-- rules:start (generated from the rules\' metadata by `npm run docs`) -->';
export const README_RULES_END = '<!-- rules:end -->';

export function readmeRuleTable(rules: readonly RuleDescriptor[]): string {
  const rows = rules.map((r) => `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.meta.finds} |`);
  return [README_RULES_START, '| rule | what it finds |', '| --- | --- |', ...rows, README_RULES_END].join('\n');
}

/** Replaces the generated block of `text` (markers included); throws when the markers are missing. */
export function replaceBlock(text: string, block: string, start: string, end: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end, from);
  if (from < 0 || to < 0) throw new Error(`the markers ${start} … ${end} are missing`);
  return text.slice(0, from) + block + text.slice(to + end.length);
}

/** The schema of the config's `rules` key: every rule by name, nothing else, so a misspelt id is an error. */
export function rulesSchema(rules: readonly RuleDescriptor[]): Record<string, unknown> {
  const setting = { anyOf: [{ $ref: '#/definitions/severity' }, { type: 'array', items: [{ $ref: '#/definitions/severity' }], minItems: 1, maxItems: 1 }] };
  return {
    type: 'object',
    description: 'Rule severities: error, warning, info or off. Keys are rule ids (docs/rules/).',
    properties: Object.fromEntries(rules.map((r) => [r.id, { ...setting, description: `${r.meta.summary.en} (default: ${r.meta.severity}).` }])),
    additionalProperties: false,
  };
}
