// The GitHub Action and the pre-commit hook, run as CI and pre-commit run them: the
// action's lint step is the shell script in action.yml, run with bash and the built CLI
// in place of the installed one; the hook's entry command with staged file names. The hook
// through pre-commit itself (`pre-commit try-repo`) is in test/e2e/pre-commit.e2e.ts: it
// installs the package from this repository, which takes most of a minute.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers/cli';

const BIN = join(REPO_ROOT, 'bin/policylint.js');

interface ActionStep {
  id?: string;
  run?: string;
  env?: Record<string, string>;
}

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'policylint-hooks-'));
  // A checkout, as pre-commit and GitHub Actions run in: its top (.git) is the workspace root.
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'docs'));
  cpSync(join(REPO_ROOT, 'samples/defects/support-sla.md'), join(dir, 'docs/support-sla.md'));
  cpSync(join(REPO_ROOT, 'samples/clean/support-sla.md'), join(dir, 'docs/clean-sla.md'));
  writeFileSync(join(dir, 'README.md'), '# Project\n\nNot a policy.\n');
  return dir;
}

describe('action.yml', () => {
  const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as { runs: { using: string; steps: ActionStep[] }; inputs: Record<string, unknown> };
  const lintStep = action.runs.steps.find((s) => s.id === 'lint')!;

  function runAction(inputs: { paths: string; args: string; sarif: string }) {
    const dir = workspace();
    const runnerTemp = mkdtempSync(join(tmpdir(), 'policylint-runner-'));
    const githubOutput = join(runnerTemp, 'output');
    writeFileSync(githubOutput, '');
    // As GitHub runs a composite step's `shell: bash`.
    const script = join(runnerTemp, 'step.sh');
    writeFileSync(script, lintStep.run!);
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, POLICYLINT: BIN, INPUT_PATHS: inputs.paths, INPUT_ARGS: inputs.args, INPUT_SARIF_FILE: inputs.sarif, RUNNER_TEMP: runnerTemp, GITHUB_OUTPUT: githubOutput },
    });
    return { ...r, dir, githubOutput: readFileSync(githubOutput, 'utf8') };
  }

  it('is a composite action whose inputs the lint step reads', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs).sort()).toEqual(['args', 'paths', 'sarif-file', 'version']);
    expect(Object.keys(lintStep.env ?? {}).sort()).toEqual(['INPUT_ARGS', 'INPUT_PATHS', 'INPUT_SARIF_FILE']);
  });

  it('writes annotations and a SARIF file, and fails on findings', () => {
    const r = runAction({ paths: 'docs', args: '--max-warnings 0', sarif: 'out/policylint.sarif' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^::error file=docs\/support-sla\.md,line=\d+/m);
    const sarif = JSON.parse(readFileSync(join(r.dir, 'out/policylint.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]!.results.map((x) => x.ruleId)).toContain('placeholder');
    expect(r.githubOutput).toBe('sarif-file=out/policylint.sarif\n');
  });

  it('lints several paths given on separate lines, and passes a clean document', () => {
    const r = runAction({ paths: 'docs/clean-sla.md\nREADME.md', args: '', sarif: '' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
    expect(existsSync(join(r.dir, 'policylint.sarif'))).toBe(false);
  });

  it('exits 2 and writes no SARIF when policylint cannot run (a misspelt option)', () => {
    const r = runAction({ paths: 'docs', args: '--max-warning 0', sarif: 'policylint.sarif' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--max-warning'/);
    expect(existsSync(join(r.dir, 'policylint.sarif'))).toBe(false);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; types: string[] }[];

  it('declares node hooks for Markdown files', () => {
    expect(hooks.map((h) => h.id)).toEqual(['policylint', 'policylint-fix']);
    for (const hook of hooks) {
      expect(hook.language).toBe('node');
      expect(hook.types).toEqual(['markdown']);
      expect(hook.entry.split(' ')[0]).toBe('policylint');
    }
  });

  it('each entry command, given staged file names, lints those files', () => {
    for (const hook of hooks) {
      const dir = workspace();
      const args = [...hook.entry.split(' ').slice(1), 'docs/support-sla.md', 'README.md'];
      const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(r.status, hook.id).toBe(1);
      expect(r.stdout).toMatch(/^docs\/support-sla\.md$/m);
      // The unstaged document is not reported, but its conflict with the staged one is.
      expect(r.stdout).not.toMatch(/^docs\/clean-sla\.md$/m);
      expect(r.stdout).toMatch(/99\.9% on clean-sla\.md, line \d+/);
    }
  });
});
