// Every Markdown file under test/fixtures/<rule-id>/ is a test case:
//   <!-- expect: numbering@7, required-section(privacy)@1, placeholder:signatureBlank@21 -->
// lists exactly the findings of <rule-id> (and of any other rule it names)
// that the file must produce; a file without the comment must produce none.
//   <!-- config: {"kind": "handbook"} -->  lints with that config.
// When <name>.fixed.md sits beside it, applying that rule's fixes (suggestions
// included) must give exactly that text, and linting the result again must
// find nothing more for the rule.

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../server/src/config/load';
import type { PolicylintConfig } from '../server/src/config/types';
import { applyEdits } from '../server/src/engine/edits';
import { lintText } from '../server/src/engine/linter';
import type { TextEdit } from '../server/src/engine/types';

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

/** Applies the first edit-carrying fix of each finding of `ruleId`, as a writer clicking every quick fix would. */
function applyRuleFixes(file: string, text: string, ruleId: string, config: PolicylintConfig): string {
  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    const { findings } = lintText(file, current, { config });
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

const ruleDirs = readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory());

for (const dir of ruleDirs) {
  const ruleId = dir.name;
  const files = readdirSync(join(ROOT, ruleId)).filter((f) => f.endsWith('.md') && !f.endsWith('.fixed.md'));
  describe(ruleId, () => {
    it.each(files)('%s', (name) => {
      const file = join(ROOT, ruleId, name);
      const text = readFileSync(file, 'utf8');
      const config = parseFixtureConfig(file, text);
      const expected = parseExpectations(text);
      const checked = new Set([ruleId, ...expected.map((e) => e.ruleId)]);
      const result = lintText(name, text, { config });
      const actual = result.findings.filter((f) => checked.has(f.ruleId)).map((f) => ({ f, line: result.doc.lines.toPoint(f.start).line }));
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

      for (const f of result.findings) {
        expect(f.start).toBeGreaterThanOrEqual(0);
        expect(f.end).toBeLessThanOrEqual(text.length);
        // Every {slot} in the template was filled (data values may themselves contain braces).
        const withoutData = Object.values(f.data ?? {}).reduce<string>((m, v) => m.split(String(v)).join(''), f.message);
        expect(withoutData).not.toMatch(/\{\w+\}/);
      }

      const fixedFile = file.replace(/\.md$/, '.fixed.md');
      if (existsSync(fixedFile)) {
        const fixed = applyRuleFixes(name, text, ruleId, config);
        expect(fixed).toBe(readFileSync(fixedFile, 'utf8'));
        const again = lintText(name, fixed, { config }).findings.filter((f) => f.ruleId === ruleId);
        expect(again.map((f) => `${f.ruleId}@${f.message}`)).toEqual([]);
      }
    });
  });
}
