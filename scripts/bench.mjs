// npm run bench: speed and memory, measured in one run on this machine, as ratios against
// peers run alternately in the same run. Prints a table (each figure beside issue 14's
// target) and writes bench-results.json. docs/performance.md (Method) says what each row is.
//
//   CLI cold      policylint vs markdownlint-cli2 on zh-regulations/, and on realdocs en/ + zh/
//   baseline      the same runs of another policylint build (--baseline DIR), alternating with this one
//   CLI cached    --cache with nothing changed, vs the cold run
//   extraction    SLA extraction and checks against parsing, in one process
//   open          didOpen of a 1 MB handbook → its first diagnostics, a fresh server each time
//   editor        didChange → diagnostics over stdio, p50/p95, 50 KB and 1 MB; server RSS; client bundle
//   browser       code-server in Chromium: opening a policy → extension active, → first squiggle
//                 (only where test/e2e/setup.sh installed them; otherwise skipped with the reason)
//
// Usage: node scripts/bench.mjs [--runs N] [--corpus DIR] [--realdocs DIR] [--baseline DIR]
//          [--only STEP,STEP…] [--skip STEP,STEP…] [--browser-runs N] [--vsix FILE]

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureBrowser } from './bench-browser.mjs';
import { checkBaseline, compareCold, measureCached } from './bench-cli.mjs';
import { measureEditor, measureOpen } from './bench-editor.mjs';
import { printTable } from './bench-report.mjs';

const STEPS = ['cli', 'realdocs', 'extraction', 'open', 'editor', 'browser'];
const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const OPTIONS = ['--runs', '--corpus', '--realdocs', '--baseline', '--only', '--skip', '--browser-runs', '--vsix'];
const fail = (message) => {
  console.error(`bench: ${message}`);
  process.exit(2);
};
for (let i = 0; i < args.length; i += 2) {
  if (!OPTIONS.includes(args[i])) fail(`unknown option ${args[i]}; the options are ${OPTIONS.join(', ')}, each with a value`);
  if (args[i + 1] === undefined || args[i + 1].startsWith('--')) fail(`${args[i]} needs a value`);
}
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const count = (name, fallback) => {
  const n = Number(option(name, fallback));
  if (!Number.isInteger(n) || n < 1) fail(`${name} takes a whole number of at least 1, not ${option(name)}`);
  return n;
};
const steps = (name, fallback) => {
  const list = option(name, fallback).split(',').filter(Boolean);
  const unknown = list.filter((s) => !STEPS.includes(s));
  if (unknown.length) fail(`${name}: unknown step ${unknown.join(', ')}; the steps are ${STEPS.join(', ')}`);
  return list;
};

const runs = count('--runs', 5);
// Each browser run starts code-server and Chromium afresh (5–30 s); three are enough for a median.
const browserRuns = count('--browser-runs', Math.min(runs, 3));
const skipped = steps('--skip', '');
const selected = steps('--only', STEPS.join(',')).filter((s) => !skipped.includes(s));
const corpus = resolve(root, option('--corpus', '../shared/corpus'));
const regulations = join(corpus, 'zh-regulations');
const realdocs = resolve(root, option('--realdocs', '../shared/realdocs'));
const baseline = option('--baseline') ? checkBaseline(resolve(option('--baseline'))) : undefined;
if (!existsSync(regulations)) fail(`${regulations} not found; pass --corpus DIR`);
if (selected.includes('realdocs') && !existsSync(join(realdocs, 'en'))) fail(`${realdocs}/en not found; pass --realdocs DIR`);
if (!existsSync(join(root, 'dist/cli.js'))) spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });

const log = (m) => console.log(`  ${m}`);
const results = {
  machine: { cores: availableParallelism(), node: process.version },
  runs,
  steps: selected,
  baseline: baseline ? { commit: baseline.commit } : null,
};

/** A cold comparison's medians and ratios, as bench-results.json records them (null where no baseline ran). */
function peers(c) {
  return {
    policylint: c.policylint,
    markdownlintCli2: c.markdownlintCli2,
    speedupVsMarkdownlint: c.speedupVsMarkdownlint,
    baseline: c.baseline ?? null,
    speedupVsBaseline: c.speedupVsBaseline ?? null,
    speedupVsBaselineRange: c.speedupVsBaselineRange ?? null,
  };
}

if (selected.includes('cli')) {
  const cold = compareCold({ root, cwd: corpus, paths: ['zh-regulations'], globs: ['zh-regulations/**/*.md'], rounds: runs, baseline });
  log(`zh-regulations cold: policylint ${cold.policylint.toFixed(2)} s, markdownlint-cli2 ${cold.markdownlintCli2.toFixed(2)} s${baseline ? `, baseline ${cold.baseline.toFixed(2)} s` : ''}`);
  const cached = measureCached({ root, cwd: corpus, paths: ['zh-regulations'], rounds: runs });
  log(`zh-regulations cached: ${cached.seconds.toFixed(3)} s (node -e 0: ${cached.nodeStart.toFixed(3)} s)`);
  const { policylint, baseline: baselineCold, ...versus } = peers(cold);
  results.cli = {
    policylintCold: policylint,
    ...versus,
    baselineCold,
    cached: cached.seconds,
    cachedSpeedup: cold.policylint / cached.seconds,
    nodeStart: cached.nodeStart,
    // The most any cached run could reach: the cold run against Node's own start.
    cachedSpeedupCeiling: cold.policylint / cached.nodeStart,
    peakRssMb: cold.peakRssMb,
    runs: { ...cold.runs, cached: cached.runs, nodeStart: cached.nodeStartRuns },
  };
}

if (selected.includes('realdocs')) {
  // A few hundred KB: each run is mostly process start, so three times the rounds steady the medians.
  const r = compareCold({ root, cwd: realdocs, paths: ['en', 'zh'], globs: ['en/**/*.md', 'zh/**/*.md'], rounds: 3 * runs, baseline });
  log(`realdocs cold: policylint ${r.policylint.toFixed(3)} s, markdownlint-cli2 ${r.markdownlintCli2.toFixed(3)} s${baseline ? `, baseline ${r.baseline.toFixed(3)} s` : ''}`);
  results.realdocs = { rounds: r.rounds, ...peers(r), runs: r.runs };
}

if (selected.includes('extraction')) {
  const { build } = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'policylint-bench-x-'));
  const out = join(dir, 'bench-extract.cjs');
  await build({ entryPoints: [join(root, 'scripts/bench-extract.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: out, mainFields: ['module', 'main'], logLevel: 'warning' });
  const r = spawnSync(process.execPath, [out, regulations], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  rmSync(dir, { recursive: true, force: true });
  results.extraction = JSON.parse(r.stdout);
}

const samples = join(root, 'samples/clean/customer-service-handbook.md');
if (selected.includes('open')) results.open = await measureOpen({ root, samples, opens: runs, log });
if (selected.includes('editor')) results.editor = await measureEditor({ root, corpus, samples, log });
if (selected.includes('browser')) results.browser = await measureBrowser({ root, runs: browserRuns, vsix: option('--vsix'), log });

results.targets = printTable(results);
writeFileSync(join(root, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nwritten: bench-results.json');
