// Rule documentation is generated from each rule's metadata, so the docs can't
// drift from the code: test/docs.test.ts fails when docs/rules/ is stale, and
// `npm run docs` rewrites it.

import type { Locale, RuleDescriptor, RuleExample } from '../engine/types';
import { EXAMPLE_FILE, EXAMPLE_LOCALES, lintExample } from './rule-examples';

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
    ...examplesSection(rule),
    '## Configuration',
    '',
    '```json',
    `{ "rules": { "${rule.id}": "warning" } }`,
    '```',
    '',
    `Set it to \`error\`, \`warning\`, \`info\` or \`off\`. To silence it in one place: \`<!-- policylint-disable-next-line ${rule.id} -->\`.`,
  ];
  if (fixtureDir) lines.push('', `More cases, each with the findings it must give: the fixtures in [\`${fixtureDir}\`](../../${fixtureDir}).`);
  return `${lines.join('\n')}\n`;
}

const LANGUAGE_NAME: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

/** "## Examples": each Bad example with the message it gives (linted now, so the page shows the real one), then each Good one. */
function examplesSection(rule: RuleDescriptor): string[] {
  const examples = rule.meta.examples;
  if (!examples) return [];
  const out = ['## Examples', ''];
  for (const [kind, title] of [['bad', '### ❌ Bad'], ['good', '### ✅ Good']] as const) {
    out.push(title, '');
    for (const locale of EXAMPLE_LOCALES) {
      const example: RuleExample = examples[kind][locale];
      out.push(`**${LANGUAGE_NAME[locale]}**`, '');
      if (example.config) out.push('`.policylintrc.json`:', '', '```json', JSON.stringify(example.config), '```', '');
      for (const [name, text] of Object.entries(example.workspace ?? {})) out.push(`\`${name}\`, in the same workspace:`, '', ...fenced(text), '');
      if (example.workspace) out.push(`\`${EXAMPLE_FILE}\`:`, '');
      out.push(...fenced(example.text), '');
      if (kind === 'bad') {
        for (const f of lintExample(rule.id, example)) out.push(locale === 'zh-CN' ? `→ 第${f.line}行：${f.message}` : `→ Line ${f.line}: ${f.message}`, '');
      }
    }
  }
  return out;
}

function fenced(text: string): string[] {
  return ['```markdown', ...text.replace(/\n$/, '').split('\n'), '```'];
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
