// docs/rules/ must be what the rules' metadata generates. Run `npm run docs` to refresh.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { README_RULES_END, README_RULES_START, readmeRuleTable, replaceBlock, rulesSchema } from '../server/src/docs/generated-sections';
import { configurationDoc } from '../server/src/docs/config-docs';
import { regulationsDoc } from '../server/src/docs/regulation-docs';
import { ruleDoc, rulesIndex } from '../server/src/docs/rule-docs';
import { ALL_RULES } from '../server/src/rules/metadata';
import { REPO_ROOT, updating } from './helpers/cli';

const update = updating('UPDATE_DOCS');
const docsDir = join(REPO_ROOT, 'docs/rules');
const all = ALL_RULES.map((r) => ({ id: r.id, meta: r.meta }));

function check(file: string, content: string) {
  if (update) {
    mkdirSync(docsDir, { recursive: true });
    writeFileSync(file, content);
  }
  expect(existsSync(file) ? readFileSync(file, 'utf8') : '(missing)', `${file} is stale: run npm run docs`).toBe(content);
}

describe('generated rule docs', () => {
  it.each(all.map((r) => [r.id, r] as const))('%s', (id, rule) => {
    const fixtures = existsSync(join(REPO_ROOT, 'test/fixtures', id)) ? `test/fixtures/${id}` : undefined;
    check(join(docsDir, `${id}.md`), ruleDoc(rule, fixtures));
  });
  it('index', () => check(join(docsDir, 'README.md'), rulesIndex(all)));
  it('regulation packs', () => check(join(REPO_ROOT, 'docs/regulations.md'), regulationsDoc()));
  it('configuration, from the schema', () => check(join(REPO_ROOT, 'docs/configuration.md'), configurationDoc()));
  it('every rule has both languages and fixtures', () => {
    for (const r of all) {
      expect(r.meta.summary.en && r.meta.summary['zh-CN'], r.id).toBeTruthy();
      expect(existsSync(join(REPO_ROOT, 'test/fixtures', r.id)), `test/fixtures/${r.id}`).toBe(true);
    }
  });
});

describe('generated parts of hand-written files', () => {
  it("README's rule table", () => {
    const file = join(REPO_ROOT, 'README.md');
    const current = readFileSync(file, 'utf8');
    check(file, replaceBlock(current, readmeRuleTable(all), README_RULES_START, README_RULES_END));
  });
  it("the config schema's rule names", () => {
    const file = join(REPO_ROOT, 'schemas/policylintrc.schema.json');
    const schema = JSON.parse(readFileSync(file, 'utf8')) as { properties: Record<string, unknown> };
    schema.properties.rules = rulesSchema(all);
    check(file, `${JSON.stringify(schema, null, 2)}\n`);
  });
});
