// samples/ is what `npm run demo` shows. samples/expected-findings.json lists
// every intended defect; each run (clean/, defects/) is one workspace, as the
// two folders belong to two organisations. Every expected finding counts: one
// naming a rule that no longer exists fails, as it should.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Project } from '../server/src/lint/project';
import { REPO_ROOT } from './helpers/cli';

interface Expected {
  kind: string;
  language: string;
  findings: { line: number; ruleId: string; topic?: string }[];
}

const samples = join(REPO_ROOT, 'samples');
const expected = JSON.parse(readFileSync(join(samples, 'expected-findings.json'), 'utf8')).files as Record<string, Expected>;

function lintFolder(folder: string) {
  const project = new Project();
  const files = readdirSync(join(samples, folder)).filter((f) => f.endsWith('.md'));
  for (const f of files) project.update(`${folder}/${f}`, readFileSync(join(samples, folder, f), 'utf8'));
  return project;
}

describe.each(['clean', 'defects'])('samples/%s', (folder) => {
  const project = lintFolder(folder);
  const paths = project.paths();

  it('every sample is annotated', () => {
    expect(paths.length).toBeGreaterThanOrEqual(4);
    for (const p of paths) expect(expected[p], p).toBeDefined();
  });

  it.each(paths)('%s', (path) => {
    const want = expected[path]!;
    const entry = project.get(path)!;
    expect(entry.result?.doc.kind).toBe(want.kind);
    expect(entry.result?.doc.language).toBe(want.language);
    const lines = entry.result!.doc.lines;
    const actual = project
      .findings(path)
      .map((f) => `${lines.toPoint(f.start).line} ${f.ruleId}${f.data?.topicId ? `(${f.data.topicId})` : ''}`)
      .sort();
    const wanted = want.findings
      .map((f) => `${f.line} ${f.ruleId}${f.topic ? `(${f.topic})` : ''}`)
      .sort();
    expect(actual).toEqual(wanted);
  });
});
