// The editor carries the cross-document findings over a keystroke that changes
// no commitment in what it promises (lint/cross-reuse.ts). Here: that the checks
// are not run again then, that the findings move with the edit (offsets, and
// columns on the edited line), and that a changed value or an inline disable
// makes them run again, each step equal to a fresh workspace.

import { describe, expect, it } from 'vitest';
import { EditorCache } from '../../server/src/engine/editor-cache';
import { Project } from '../../server/src/lint/project';
import { PROJECT_RULES } from '../../server/src/rules/project';
import type { ProjectRule } from '../../server/src/rules/contract';

const HANDBOOK = '/workspace/handbook.md';
const LETTER = '/workspace/letter.md';
const TEXTS = {
  [HANDBOOK]: '# 客户服务手册\n\n## 服务渠道\n\n热线电话须在20秒内接通。\n\n## 服务时间\n\n全年无休。\n',
  [LETTER]: '# 服务承诺书\n\n## 服务承诺\n\n本公司承诺如下。热线电话30秒内接通。\n\n特此承诺。\n',
};
const CONFIG = { organization: '华信' };

/** A workspace whose checks count how often they ran. */
function workspace(): { project: Project; runs: () => number; update: (path: string, text: string) => void } {
  let runs = 0;
  const rules = PROJECT_RULES.map((rule) => ({ ...rule, check: (context: Parameters<ProjectRule['check']>[0]) => (runs++, rule.check(context)) })) as unknown as ProjectRule[];
  const project = new Project(rules);
  const cache = new EditorCache();
  const update = (path: string, text: string) => project.update(path, text, { config: CONFIG, cache });
  for (const [path, text] of Object.entries(TEXTS)) update(path, text);
  return { project, runs: () => runs, update };
}

function fresh(texts: Record<string, string>): Project {
  const project = new Project();
  for (const [path, text] of Object.entries(texts)) project.update(path, text, { config: CONFIG });
  return project;
}

describe('cross-document findings carried over a keystroke', () => {
  it('are not judged again when no commitment changed, and move with the edit', () => {
    const { project, runs, update } = workspace();
    expect(project.findings(LETTER).map((f) => f.ruleId)).toContain('sla-conflict');
    const checks = runs();
    // Typed into the sentence before the promise, on its line: the promise's offset and column move.
    const letter = TEXTS[LETTER].replace('本公司承诺如下', '本公司郑重承诺如下');
    update(LETTER, letter);
    const now = fresh({ ...TEXTS, [LETTER]: letter });
    expect(project.findings(LETTER)).toEqual(now.findings(LETTER));
    expect(project.findings(HANDBOOK)).toEqual(now.findings(HANDBOOK));
    expect(runs()).toBe(checks);
  });

  it.each([
    ['a value changes', (t: string) => t.replace('30秒', '40秒')],
    ['a line is added above the value', (t: string) => t.replace('## 服务承诺', '## 服务承诺\n')],
    // Nothing but the lines move: the messages of the other document name this one's lines.
    ['a blank line is added under the title', (t: string) => t.replace('# 服务承诺书\n', '# 服务承诺书\n\n')],
    ['the rule is switched off inline', (t: string) => t.replace('特此承诺。', '特此承诺。<!-- policylint-disable sla-conflict -->')],
  ])('are judged again when %s', (_what, edit) => {
    const { project, runs, update } = workspace();
    project.findings(LETTER);
    const checks = runs();
    const letter = edit(TEXTS[LETTER]);
    update(LETTER, letter);
    const now = fresh({ ...TEXTS, [LETTER]: letter });
    expect(project.findings(LETTER)).toEqual(now.findings(LETTER));
    expect(project.findings(HANDBOOK)).toEqual(now.findings(HANDBOOK));
    expect(runs()).toBeGreaterThan(checks);
  });
});
