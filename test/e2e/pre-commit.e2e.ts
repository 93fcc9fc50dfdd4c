// The pre-commit hook as pre-commit itself runs it: `pre-commit try-repo` installs the
// package from this repository (npm pack, then an install into pre-commit's own
// environment) and runs the `policylint` hook on a repository with a defective policy.
// test/e2e/setup.sh installs Debian's pre-commit.

import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = resolve(__dirname, '../..');

describe('.pre-commit-hooks.yaml through pre-commit', () => {
  it('pre-commit try-repo installs the hook from this repository and runs it', { timeout: 300_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'policylint-pre-commit-'));
    mkdirSync(join(dir, 'docs'));
    cpSync(join(REPO_ROOT, 'samples/defects/support-sla.md'), join(dir, 'docs/support-sla.md'));
    writeFileSync(join(dir, 'README.md'), '# Project\n\nNot a policy.\n');
    const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    git('add', '.');
    const r = spawnSync('pre-commit', ['try-repo', REPO_ROOT, 'policylint', '--all-files'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PRE_COMMIT_HOME: join(dir, '.pre-commit-home'), NO_COLOR: '1' },
    });
    expect(r.error, 'pre-commit must be installed (test/e2e/setup.sh installs it)').toBeUndefined();
    expect(r.stdout).toMatch(/policylint\.+Failed/);
    expect(r.stdout).toContain('docs/support-sla.md');
    expect(r.stdout).toMatch(/placeholder/);
    expect(r.status).toBe(1);
  });
});
