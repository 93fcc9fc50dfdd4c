// A rule's examples, linted as they stand: the rule page shows the message a
// Bad example really produces, and test/rule-examples.test.ts checks that it
// produces exactly the documented finding and that a Good example produces none.
// Each example is a small workspace: its document, the other documents it
// names, and the config it needs.

import type { PolicylintConfig } from '../config/types';
import type { Locale, RuleExample } from '../engine/types';
import { Project } from '../lint/project';

/** The file name the example's document gets; chosen to say nothing about its kind. */
export const EXAMPLE_FILE = 'example.md';

export interface ExampleFinding {
  path: string;
  /** 1-based. */
  line: number;
  messageId: string;
  message: string;
}

/** Every finding of `ruleId` in the example's workspace (other rules are not the example's subject). */
export function lintExample(ruleId: string, example: RuleExample): ExampleFinding[] {
  const project = new Project();
  const config = (example.config ?? {}) as PolicylintConfig;
  for (const [name, text] of Object.entries(example.workspace ?? {})) project.update(name, text, { config });
  project.update(EXAMPLE_FILE, example.text, { config });
  return project.paths().flatMap((path) => {
    const lines = project.get(path)!.result!.doc.lines;
    return project
      .findings(path)
      .filter((f) => f.ruleId === ruleId)
      .map((f) => ({ path, line: lines.toPoint(f.start).line, messageId: f.messageId, message: f.message }));
  });
}

export const EXAMPLE_LOCALES: readonly Locale[] = ['zh-CN', 'en'];
