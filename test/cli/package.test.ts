// The package as a user gets it: `npm pack`, installed into a project outside the
// repository, run with `npx policylint`. The tarball's dependencies come from the
// registry (or npm's cache); nothing else is fetched.

import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

describe('the npm package', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'policylint-install-'));
  const project = join(scratch, 'project');

  it('packs, installs outside the repository, and runs with npx', () => {
    // dist/ is already built by `npm test`; --ignore-scripts keeps this test from rebuilding it
    // under the feet of the other tests (prepack runs the same build).
    const packed = execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], { cwd: REPO_ROOT, encoding: 'utf8' });
    const [{ filename, files }] = JSON.parse(packed) as [{ filename: string; files: { path: string }[] }];
    // The allow-list in .npmignore: the bin script, the bundles, the config schema; no sources, maps or tests.
    expect(files.map((f) => f.path).sort()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'bin/policylint.js', 'dist/cli.js', 'dist/client.js', 'dist/engine.js', 'dist/server.js', 'package.json', 'schemas/policylintrc.schema.json']);

    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'scratch-project', version: '1.0.0', private: true }));
    execFileSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', join(scratch, filename)], { cwd: project, encoding: 'utf8', stdio: 'pipe' });
    cpSync(join(REPO_ROOT, 'samples/defects'), join(project, 'docs'), { recursive: true });

    const version = spawnSync(npx, ['--no-install', 'policylint', '--version'], { cwd: project, encoding: 'utf8' });
    expect(version.stderr).toBe('');
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);

    const lint = spawnSync(npx, ['--no-install', 'policylint', 'docs', '--format', 'json'], { cwd: project, encoding: 'utf8' });
    expect(lint.status).toBe(1);
    const report = JSON.parse(lint.stdout) as { files: { path: string; findings: { ruleId: string }[] }[] };
    expect(report.files.map((f) => f.path).sort()).toEqual(readdirSync(join(project, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`).sort());
    expect(report.files.flatMap((f) => f.findings.map((x) => x.ruleId))).toContain('placeholder');
  });
});
