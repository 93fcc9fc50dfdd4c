// npm run bench: speed and memory, measured in one run on this machine, as
// ratios against peers. Prints a table and writes bench-results.json.
//
//   CLI cold      policylint vs markdownlint-cli2 on zh-regulations/ (alternating runs, medians)
//   CLI cached    --cache with nothing changed, vs the cold run
//   editor        didChange → diagnostics over stdio, p50/p95, on a 50 KB and a 1 MB handbook
//   memory        peak RSS of the CLI, and of the server with the whole corpus as its workspace
//
// Usage: node scripts/bench.mjs [--runs N] [--corpus DIR]

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureEditor } from './bench-editor.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(option('--runs', 5));
const corpus = resolve(root, option('--corpus', '../shared/corpus'));
const regulations = join(corpus, 'zh-regulations');
if (!existsSync(regulations)) {
  console.error(`bench: ${regulations} not found; pass --corpus DIR`);
  process.exit(2);
}
if (!existsSync(join(root, 'dist/cli.js'))) spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });

const rssProbe = join(root, 'scripts/rss-probe.cjs');
const cli = join(root, 'bin/policylint.js');
const markdownlint = join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');

/** Runs a command, returning wall time and the process's peak RSS (from the probe). */
function timed(argv, cwd, env = {}) {
  const rssFile = join(tmpdir(), `policylint-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', rssProbe, ...argv], {
    cwd,
    env: { ...process.env, ...env, POLICYLINT_RSS_FILE: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  const rss = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
  rmSync(rssFile, { force: true });
  return { seconds, rssMb: rss / 1024 };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const results = { machine: { cores: (await import('node:os')).availableParallelism(), node: process.version }, runs };

// CLI cold vs markdownlint-cli2, alternating so both see the same machine state.
const cache = join(mkdtempSync(join(tmpdir(), 'policylint-bench-')), 'cache.json');
const ours = [];
const peer = [];
const rss = [];
timed([cli, 'zh-regulations', '--format', 'json'], corpus); // warm the file system cache
for (let i = 0; i < runs; i++) {
  const a = timed([cli, 'zh-regulations', '--format', 'json'], corpus);
  ours.push(a.seconds);
  rss.push(a.rssMb);
  peer.push(timed([markdownlint, 'zh-regulations/**/*.md'], corpus).seconds);
}
timed([cli, 'zh-regulations', '--format', 'json', '--cache', '--cache-location', cache], corpus);
const cached = [];
for (let i = 0; i < runs; i++) cached.push(timed([cli, 'zh-regulations', '--format', 'json', '--cache', '--cache-location', cache], corpus).seconds);
results.cli = {
  policylintCold: median(ours),
  markdownlintCli2: median(peer),
  speedupVsMarkdownlint: median(peer) / median(ours),
  cached: median(cached),
  cachedSpeedup: median(ours) / median(cached),
  peakRssMb: Math.max(...rss),
};

// SLA extraction and checks against parsing, in one process.
{
  const { build } = await import('esbuild');
  const out = join(mkdtempSync(join(tmpdir(), 'policylint-bench-x-')), 'bench-extract.cjs');
  await build({ entryPoints: [join(root, 'scripts/bench-extract.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: out, mainFields: ['module', 'main'], logLevel: 'warning' });
  const r = spawnSync(process.execPath, [out, regulations], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  results.extraction = JSON.parse(r.stdout);
}

results.editor = await measureEditor({ root, corpus, samples: join(root, 'samples/clean/customer-service-handbook.md'), log: (m) => console.log(`  ${m}`) });

const fmt = (n, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
const rows = [
  ['CLI cold, zh-regulations (684 files)', `${fmt(results.cli.policylintCold)} s`, ''],
  ['markdownlint-cli2, same files', `${fmt(results.cli.markdownlintCli2)} s`, ''],
  ['  speed-up vs markdownlint-cli2', `${fmt(results.cli.speedupVsMarkdownlint)}×`, '≥ 1.5×'],
  ['CLI cached (nothing changed)', `${fmt(results.cli.cached, 3)} s`, ''],
  ['  cached vs cold', `${fmt(results.cli.cachedSpeedup, 1)}×`, '≥ 20×'],
  ['CLI peak RSS', `${fmt(results.cli.peakRssMb, 0)} MB`, ''],
  ['parse zh-regulations, one thread', `${fmt(results.extraction.parseMs, 0)} ms`, ''],
  ['  + SLA extraction and checks', `${fmt(results.extraction.extractMs + results.extraction.checksMs, 0)} ms (${fmt(results.extraction.overhead * 100, 0)}%)`, '< 25%'],
  ['didChange → diagnostics, 50 KB, p50 / p95', `${fmt(results.editor.small.p50, 1)} / ${fmt(results.editor.small.p95, 1)} ms`, 'p95 < 30 ms'],
  ['didChange → diagnostics, 1 MB, p50 / p95', `${fmt(results.editor.large.p50, 1)} / ${fmt(results.editor.large.p95, 1)} ms`, 'p95 < 100 ms'],
  ['server RSS, corpus as workspace', `${fmt(results.editor.workspaceRssMb, 0)} MB`, '< 300 MB'],
  ['client bundle', `${fmt(results.editor.clientBundleKb, 1)} KB`, '< 300 KB'],
];
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`\npolicylint benchmark (${results.machine.cores} cores, Node ${results.machine.node}, median of ${runs} runs)\n`);
for (const [what, value, target] of rows) console.log(`${what.padEnd(width)}  ${value.padStart(16)}  ${target}`);
writeFileSync(join(root, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nwritten: bench-results.json');
