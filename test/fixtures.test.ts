// Every Markdown file under test/fixtures/<rule-id>/ is a test case:
//   <!-- expect: numbering@7, required-section(privacy)@1, placeholder:signatureBlank@21 -->
// lists exactly the findings of <rule-id> (and of any other rule it names)
// that the file must produce; a file without the comment must produce none.
//   <!-- config: {"kind": "handbook"} -->  lints with that config.
// When <name>.fixed.md sits beside it, applying that rule's fixes (suggestions
// included) must give exactly that text, and linting the result again must
// find nothing more for the rule.
// A subfolder is one workspace: its files are linted together (cross-document
// rules), each with its own expect comment.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../server/src/config/load';
import type { PolicylintConfig } from '../server/src/config/types';
import { applyEdits } from '../server/src/engine/edits';
import { Project } from '../server/src/lint/project';
import type { Finding } from '../server/src/engine/types';
import type { TextEdit } from '../server/src/engine/types';
import { updating } from './helpers/cli';

const ROOT = join(__dirname, 'fixtures');

interface Expectation {
  ruleId: string;
  detail?: string;
  line: number;
}

function parseExpectations(text: string): Expectation[] {
  const m = /<!--\s*expect:([\s\S]*?)-->/.exec(text);
  if (!m) return [];
  return m[1]!
    .split(/[,\s]+/)
    .filter(Boolean)
    .map((item) => {
      const parsed = /^([a-z-]+)(?:\(([^)]+)\)|:([A-Za-z]+))?@(\d+)$/.exec(item);
      if (!parsed) throw new Error(`bad expectation "${item}"`);
      return { ruleId: parsed[1]!, detail: parsed[2] ?? parsed[3], line: Number(parsed[4]) };
    });
}

function parseFixtureConfig(file: string, text: string): PolicylintConfig {
  const m = /<!--\s*config:([\s\S]*?)-->/.exec(text);
  return m ? parseConfigText(`${file}.json`, m[1]!) : {};
}

/** Lints one document as a workspace of its own, so project-wide rules run too. */
function lintAlone(file: string, text: string, config: PolicylintConfig): { findings: Finding[]; lineOf: (offset: number) => number } {
  const project = new Project();
  const result = project.update(file, text, { config });
  return { findings: project.findings(file), lineOf: (o) => result.doc.lines.toPoint(o).line };
}

/** Applies the first edit-carrying fix of each finding of `ruleId`, as a writer clicking every quick fix would. */
function applyRuleFixes(file: string, text: string, ruleId: string, config: PolicylintConfig): string {
  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    const { findings } = lintAlone(file, current, config);
    const edits: TextEdit[] = [];
    for (const f of findings.filter((x) => x.ruleId === ruleId)) {
      const fix = f.fixes.find((x) => x.edits.length > 0);
      if (!fix) continue;
      if (fix.edits.some((e) => edits.some((c) => e.start <= c.end && c.start <= e.end))) continue;
      edits.push(...fix.edits);
    }
    if (edits.length === 0) break;
    current = applyEdits(current, edits);
  }
  return current;
}

function check(expected: Expectation[], checked: Set<string>, findings: Finding[], lineOf: (o: number) => number, text: string): void {
  const actual = findings.filter((f) => checked.has(f.ruleId)).map((f) => ({ f, line: lineOf(f.start) }));
  const unmatched = [...actual];
  const missing: string[] = [];
  for (const e of expected) {
    const i = unmatched.findIndex(
      ({ f, line }) => f.ruleId === e.ruleId && line === e.line && (!e.detail || e.detail === f.messageId || e.detail === String(f.data?.topicId ?? '')),
    );
    if (i >= 0) unmatched.splice(i, 1);
    else missing.push(`${e.ruleId}${e.detail ? `(${e.detail})` : ''}@${e.line}`);
  }
  const unexpected = unmatched.map(({ f, line }) => `${f.ruleId}:${f.messageId}@${line} ${f.message}`);
  expect({ missing, unexpected }).toEqual({ missing: [], unexpected: [] });
  for (const f of findings) {
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeLessThanOrEqual(text.length);
    // Every {slot} in the template was filled (data values may themselves contain braces).
    const withoutData = Object.values(f.data ?? {}).reduce<string>((m, v) => m.split(String(v)).join(''), f.message);
    expect(withoutData).not.toMatch(/\{\w+\}/);
  }
}

const ruleDirs = readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory());

for (const dir of ruleDirs) {
  const ruleId = dir.name;
  const entries = readdirSync(join(ROOT, ruleId), { withFileTypes: true });
  const files = entries.filter((f) => f.isFile() && f.name.endsWith('.md') && !f.name.endsWith('.fixed.md')).map((f) => f.name);
  const workspaces = entries.filter((f) => f.isDirectory()).map((f) => f.name);
  describe(ruleId, () => {
    it.each(files)('%s', (name) => {
      const file = join(ROOT, ruleId, name);
      const text = readFileSync(file, 'utf8');
      const config = parseFixtureConfig(file, text);
      const expected = parseExpectations(text);
      const { findings, lineOf } = lintAlone(name, text, config);
      check(expected, new Set([ruleId, ...expected.map((e) => e.ruleId)]), findings, lineOf, text);

      const fixedFile = file.replace(/\.md$/, '.fixed.md');
      if (existsSync(fixedFile)) {
        const fixed = applyRuleFixes(name, text, ruleId, config);
        // UPDATE_FIXTURES=1 rewrites the expected result after a deliberate change; read the diff before committing it.
        if (updating('UPDATE_FIXTURES')) writeFileSync(fixedFile, fixed);
        expect(fixed).toBe(readFileSync(fixedFile, 'utf8'));
        const again = lintAlone(name, fixed, config).findings.filter((f) => f.ruleId === ruleId);
        expect(again.map((f) => `${f.ruleId}@${f.message}`)).toEqual([]);
      }
    });

    it.each(workspaces)('workspace %s/', (folder) => {
      const project = new Project();
      const names = readdirSync(join(ROOT, ruleId, folder)).filter((f) => f.endsWith('.md')).sort();
      const docs = names.map((name) => {
        const text = readFileSync(join(ROOT, ruleId, folder, name), 'utf8');
        const config = parseFixtureConfig(name, text);
        return { name, text, result: project.update(name, text, { config }) };
      });
      for (const { name, text, result } of docs) {
        const expected = parseExpectations(text);
        check(expected, new Set([ruleId, ...expected.map((e) => e.ruleId)]), project.findings(name), (o) => result.doc.lines.toPoint(o).line, text);
      }
    });
  });
}
