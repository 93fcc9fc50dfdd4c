// docs/configuration.md, generated from the config schema (every key, its type and its
// description), the topic catalogue (the topic ids `requiredSections` takes) and the
// commitment key grammar (channels, metrics, scope values). `npm run docs` writes it; the
// docs test fails when it is stale.

import schema from '../../../schemas/policylintrc.schema.json';
import { DIMENSIONS } from '../policy/sla/dimensions';
import { CHANNEL_IDS, METRIC_IDS } from '../policy/sla-labels';
import { TOPICS } from '../policy/topics';

interface SchemaNode {
  type?: string | string[];
  enum?: unknown[];
  description?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode | SchemaNode[];
  anyOf?: SchemaNode[];
  $ref?: string;
}

const code = (s: string) => `\`${s}\``;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function typeOf(node: SchemaNode): string {
  if (node.enum) return node.enum.map((v) => code(JSON.stringify(v))).join(', ');
  if (node.anyOf) return node.anyOf.map(typeOf).join(' or ');
  if (node.$ref) return 'severity';
  if (node.type === 'array') {
    const items = Array.isArray(node.items) ? node.items[0] : node.items;
    return `list of ${items ? typeOf(items) : 'values'}`;
  }
  if (node.type === 'object') return 'object';
  return Array.isArray(node.type) ? node.type.join(' or ') : (node.type ?? 'value');
}

function keyRows(): string[] {
  const props = (schema as SchemaNode).properties ?? {};
  return Object.entries(props).map(([key, node]) => {
    const description = key === '$schema' ? 'The schema, for editors: `./node_modules/policylint/schemas/policylintrc.schema.json`.' : (node.description ?? '');
    const sub = node.properties && key !== 'rules' ? ` Keys: ${Object.keys(node.properties).map(code).join(', ')}.` : '';
    return `| ${code(key)} | ${cell(typeOf(node))} | ${cell(description + sub)} |`;
  });
}

export function configurationDoc(): string {
  const topicRows = TOPICS.map((t) => `| ${code(t.id)} | ${t.label.en} · ${t.label.zh} | ${t.requiredIn.map(code).join(', ')} |`);
  const dimensionRows = DIMENSIONS.map((d) => `| ${code(d.id)} | ${d.values.map((v) => code(v.id)).join(', ') || '—'} |`);
  return [
    '# Configuration',
    '',
    '<!-- Generated from schemas/policylintrc.schema.json and the topic and SLA tables by `npm run docs`; do not edit. -->',
    '',
    'A config file is `.policylintrc.json`, `.policylintrc.jsonc`, `.policylintrc.yaml` or',
    '`.policylintrc.yml`. It is data only: nothing in it is run. `policylint init` writes a',
    'commented one for the documents in the working folder.',
    '',
    '## Which files apply: the cascade',
    '',
    'Every config file from the workspace root down to a document\'s folder applies, merged in',
    'that order: a nearer file wins key by key. Objects (`rules`, `commitments`, `topics`,',
    '`requiredSections`, `placeholders`) merge by key; lists and values are replaced whole. A',
    'folder config that holds only `organization` therefore keeps the rules set above it.',
    '',
    '- **The workspace root** is the nearest folder whose config says `"root": true`, else the',
    '  top of the git repository. Configs above it are not read.',
    '- **`extends`** names config files this one builds on, relative to it (`"./base.jsonc"`,',
    '  `["../org.yaml", "./team.json"]`). They are merged first, in order, then the file itself.',
    '  Only relative paths to config files are accepted: no packages, no scripts.',
    '- `--config FILE` uses one file (with what it extends) for every document instead;',
    '  `--no-config` uses none.',
    '- `policylint --print-config docs/sla.md` prints the effective settings of a document and,',
    '  for each one, the file it came from.',
    '',
    'The workspace root also bounds the cross-document checks: a run over a few files reads the',
    'rest of the workspace for context and reports only the files it was given.',
    '',
    '## Keys',
    '',
    '| key | type | meaning |',
    '| --- | --- | --- |',
    ...keyRows(),
    '',
    'Rule ids are listed in [rules/README.md](rules/README.md). A misspelt rule id, key, topic',
    'id or commitment key is an error that names the file, line and key and suggests the',
    'closest known name; the CLI exits 2, the editor marks the config file.',
    '',
    '## Topic ids',
    '',
    '`requiredSections` lists, per kind, the topic ids a document must cover (replacing the',
    'default list for that kind). `topics` adds words to a catalogue topic or defines a new one.',
    '',
    '| topic id | label | required by default in |',
    '| --- | --- | --- |',
    ...topicRows,
    '',
    '## Commitment keys',
    '',
    '`commitments` holds an organisation\'s standard values; `sla-conflict` reports a document',
    'that promises another value. A key is written',
    '',
    '```text',
    'channel.metric[.scope…]',
    '```',
    '',
    `- **channel**: ${['any', ...CHANNEL_IDS].map(code).join(', ')}.`,
    `- **metric**: ${['any', ...METRIC_IDS].map(code).join(', ')}.`,
    '- **scope**: any number of values, each one of the known values below or',
    '  `dimension:value` for a value of your own (`plan:gold`, `region:eu`).',
    '',
    '| dimension | known values |',
    '| --- | --- |',
    ...dimensionRows,
    '',
    'Examples: `"email.acknowledge": "4h"`, `"ticket.first-response.urgent": "30 minutes"`,',
    '`"phone.answer-rate": "90%"`, `"ticket.resolve.plan:gold": "2 business days"`.',
    '',
  ].join('\n');
}
