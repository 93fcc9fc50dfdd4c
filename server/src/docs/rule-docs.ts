// Rule documentation is generated from each rule's metadata, so the docs can't
// drift from the code: test/docs.test.ts fails when docs/rules/ is stale, and
// `npm run docs` rewrites it.

import type { RuleDescriptor } from '../engine/types';

const SEVERITY_ZH = { error: '错误', warning: '警告', info: '提示' } as const;

export function ruleDoc(rule: RuleDescriptor, fixtureDir: string | undefined): string {
  const m = rule.meta;
  const fixable = m.fixable === 'fix' ? 'yes (`--fix` and the editor)' : m.fixable === 'suggestion' ? 'suggestions in the editor' : 'no';
  const lines = [
    // A rule's page shows on purpose the defects rules find; linting the docs must not report them.
    '<!-- policylint-disable -->',
    `# \`${rule.id}\``,
    '',
    '<!-- Generated from the rule\'s metadata by `npm run docs`. Do not edit. -->',
    '',
    `**${m.summary.en}** · ${m.summary['zh-CN']}`,
    '',
    `| | |`,
    `| --- | --- |`,
    `| Default severity | \`${m.severity}\` (${SEVERITY_ZH[m.severity]}) |`,
    `| Fixable | ${fixable} |`,
    '',
    m.description.en,
    '',
    m.description['zh-CN'],
    '',
    '## Messages',
    '',
    '| id | English | 中文 |',
    '| --- | --- | --- |',
    ...Object.entries(m.messages).map(([id, t]) => `| \`${id}\` | ${escapeCell(t.en)} | ${escapeCell(t['zh-CN'])} |`),
    '',
    '## Configuration',
    '',
    '```json',
    `{ "rules": { "${rule.id}": "warning" } }`,
    '```',
    '',
    `Set it to \`error\`, \`warning\`, \`info\` or \`off\`. To silence it in one place: \`<!-- policylint-disable-next-line ${rule.id} -->\`.`,
  ];
  if (fixtureDir) lines.push('', `Examples: the fixtures in [\`${fixtureDir}\`](../../${fixtureDir}).`);
  return `${lines.join('\n')}\n`;
}

export function rulesIndex(rules: readonly RuleDescriptor[]): string {
  return [
    '# Rules',
    '',
    '<!-- Generated from the rules\' metadata by `npm run docs`. Do not edit. -->',
    '',
    '| rule | summary | 说明 | severity | fixable |',
    '| --- | --- | --- | --- | --- |',
    ...rules.map((r) => `| [\`${r.id}\`](${r.id}.md) | ${r.meta.summary.en} | ${r.meta.summary['zh-CN']} | ${r.meta.severity} | ${r.meta.fixable || 'no'} |`),
    '',
  ].join('\n');
}

function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
