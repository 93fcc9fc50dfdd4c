// The command-line half of `npm run bench`: whole runs of policylint as a user starts them
// (`node bin/policylint.js …`, a fresh process each time), side by side with
// markdownlint-cli2 and, given --baseline, with another build of policylint, alternating
// (scripts/bench-stats.mjs) so that all of them see the same machine state.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alternate, median } from './bench-stats.mjs';

/** Runs `node argv…` in `cwd`; wall time in seconds and peak RSS in MB (from scripts/rss-probe.cjs). */
function timed(root, argv, cwd) {
  const rssFile = join(tmpdir(), `policylint-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', join(root, 'scripts/rss-probe.cjs'), ...argv], {
    cwd,
    env: { ...process.env, POLICYLINT_RSS_FILE: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // 1 is "findings reported", a normal outcome for both linters.
  if (r.status !== 0 && r.status !== 1) throw new Error(`bench: \`node ${argv.join(' ')}\` in ${cwd} exited ${r.status}: ${r.stderr}`);
  const rss = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
  rmSync(rssFile, { force: true });
  return { seconds, rssMb: rss / 1024 };
}

/**
 * A policylint build to compare with: a folder holding bin/policylint.js and a built dist/
 * (`git worktree add DIR 29acbd7 && (cd DIR && npm ci)`). Exits with what to do when it is not one.
 */
export function checkBaseline(dir) {
  for (const file of ['bin/policylint.js', 'dist/cli.js']) {
    if (!existsSync(join(dir, file))) {
      console.error(
        `bench: --baseline ${dir} has no ${file}. Make one with \`git worktree add ${dir} <commit> && (cd ${dir} && npm ci)\` (npm ci builds dist/).`,
      );
      process.exit(2);
    }
  }
  const head = spawnSync('git', ['-C', dir, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
  return { dir, commit: head.status === 0 ? head.stdout.trim() : null };
}

/**
 * Cold runs of policylint on `paths` (relative to `cwd`) against markdownlint-cli2 on `globs`,
 * and against the baseline build when given: one warm-up run of each (file-system cache),
 * then `rounds` alternating rounds. Medians in seconds.
 */
export function compareCold({ root, cwd, paths, globs, rounds, baseline }) {
  const policylint = (bin) => () => timed(root, [bin, ...paths, '--format', 'json'], cwd);
  const contenders = {
    policylint: policylint(join(root, 'bin/policylint.js')),
    markdownlintCli2: () => timed(root, [join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), ...globs], cwd),
  };
  if (baseline) contenders.baseline = policylint(join(baseline.dir, 'bin/policylint.js'));
  for (const run of Object.values(contenders)) run();
  const runs = alternate(rounds, contenders);
  const seconds = (name) => runs[name].map((r) => r.seconds);
  const out = {
    rounds,
    policylint: median(seconds('policylint')),
    markdownlintCli2: median(seconds('markdownlintCli2')),
    peakRssMb: Math.max(...runs.policylint.map((r) => r.rssMb)),
    runs: Object.fromEntries(Object.keys(runs).map((name) => [name, seconds(name)])),
  };
  out.speedupVsMarkdownlint = out.markdownlintCli2 / out.policylint;
  if (baseline) {
    out.baseline = median(seconds('baseline'));
    // Above 1: this build is faster than the baseline.
    out.speedupVsBaseline = out.baseline / out.policylint;
    // The two ran next to each other in every round: the spread of those ratios says how much of the median is noise.
    const perRound = seconds('baseline').map((b, i) => b / seconds('policylint')[i]);
    out.speedupVsBaselineRange = [Math.min(...perRound), Math.max(...perRound)];
  }
  return out;
}

/**
 * `--cache` with nothing changed: one run that fills a fresh cache, then `rounds` runs, alternating
 * with `node -e 0` (Node's own start, under the same probe): no cached run can be faster than that.
 * Medians in seconds.
 */
export function measureCached({ root, cwd, paths, rounds }) {
  const dir = mkdtempSync(join(tmpdir(), 'policylint-bench-'));
  const argv = [join(root, 'bin/policylint.js'), ...paths, '--format', 'json', '--cache', '--cache-location', join(dir, 'cache.json')];
  timed(root, argv, cwd);
  const runs = alternate(rounds, { cached: () => timed(root, argv, cwd), nodeStart: () => timed(root, ['-e', '0'], cwd) });
  rmSync(dir, { recursive: true, force: true });
  const seconds = (name) => runs[name].map((r) => r.seconds);
  return { seconds: median(seconds('cached')), nodeStart: median(seconds('nodeStart')), runs: seconds('cached'), nodeStartRuns: seconds('nodeStart') };
}
