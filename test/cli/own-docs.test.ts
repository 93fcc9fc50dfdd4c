// The project's own prose (README, ARCHITECTURE, docs/, the samples' README) is not a
// service policy: linting it without any config must report nothing. The rule pages
// show defects on purpose and say so with a disable comment at their top.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runJson } from '../helpers/cli';

describe('the project lints its own documentation clean', () => {
  it('README, ARCHITECTURE, CHANGELOG, docs and the samples README give no findings', async () => {
    const paths = ['README.md', 'MARKETPLACE.md', 'ARCHITECTURE.md', 'CHANGELOG.md', 'docs', 'samples/README.md'].filter((p) => existsSync(join(REPO_ROOT, p)));
    const { run, report } = await runJson([...paths, '--no-config']);
    const findings = report.files.flatMap((f) => f.findings.map((x) => `${f.path}:${x.line} ${x.ruleId} ${x.message}`));
    expect(findings).toEqual([]);
    expect(run.code).toBe(0);
  });
});
