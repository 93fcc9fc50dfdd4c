// What a run loads and compiles before it works (issue 14, "start less"): a fully cached run
// with no config file loads neither the engine nor the config parsers nor commander, a cache
// hit on an unchanged size and mtime reads no document, and bin/policylint.js keeps V8's
// code cache of the bundles where Node has no compile cache of its own.

import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli';
import * as allFormatters from '../../server/src/cli/formatters/index';
import * as formattersByName from '../../server/src/cli/formatters/load';

const BIN = join(REPO_ROOT, 'bin/policylint.js');

function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** What the run says it loaded (POLICYLINT_DEBUG_LOADS=1). */
function loads(args: string[], cwd: string): { stdout: string; lazily: string[]; files: string[]; paths: string[] } {
  const r = run(args, cwd, { POLICYLINT_DEBUG_LOADS: '1' });
  const line = r.stderr.split('\n').find((l) => l.startsWith('policylint: loaded '));
  if (!line) throw new Error(`no load report on stderr: ${r.stderr}`);
  const { lazily, files } = JSON.parse(line.slice('policylint: loaded '.length)) as { lazily: string[]; files: string[] };
  return { stdout: r.stdout, lazily, files: files.map((f) => f.split(/[\\/]/).slice(-2).join('/')), paths: files };
}

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'policylint-start-'));
  writeFileSync(join(dir, 'a.md'), '# 服务说明\n\n本说明适用于【公司名称】。\n');
  writeFileSync(join(dir, 'b.md'), '# 服务说明\n\n热线电话提供服务。\n');
  return dir;
}

describe('a fully cached run', () => {
  it('loads neither the engine, nor a config parser, nor commander', () => {
    const dir = workspace();
    const args = ['--format', 'json', '--cache', '--cache-location', join(dir, 'cache.json')];
    const first = loads(args, dir);
    expect(first.lazily).toContain('engine');
    expect(first.files).toContain('dist/engine.js');

    const cached = loads(args, dir);
    expect(cached.stdout).toBe(first.stdout);
    expect(cached.lazily).toEqual([]);
    expect(cached.files).not.toContain('dist/engine.js');
    // No worker pool either: piscina is never loaded.
    expect(cached.paths.filter((f) => /[\\/]piscina[\\/]/.test(f))).toEqual([]);
  });

  it('loads what a config file, an uncached file or help needs', () => {
    const dir = workspace();
    writeFileSync(join(dir, '.policylintrc.yaml'), 'placeholders:\n  patterns: ["待定"]\n');
    const withConfig = loads(['--format', 'json', '--cache', '--cache-location', join(dir, 'cache.json')], dir);
    expect(withConfig.lazily).toEqual(expect.arrayContaining(['yaml', 're2js', 'engine']));
    expect(withConfig.lazily).not.toContain('commander');
    expect(loads(['--help'], dir).lazily).toContain('commander');
  });

  it('trusts an unchanged size and mtime without reading the file', async () => {
    const dir = workspace();
    const file = join(dir, 'b.md');
    const when = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
    utimesSync(file, when, when);
    const first = (await runCli(['--format', 'json', '--cache'], dir)).stdout;
    // Same size, a placeholder more, and the old mtime back: only reading the file would show it.
    writeFileSync(file, readFileSync(file, 'utf8').replace('热线电话', '【电话】'));
    utimesSync(file, when, when);
    expect(statSync(file).size).toBe(Buffer.byteLength('# 服务说明\n\n热线电话提供服务。\n'));
    expect((await runCli(['--format', 'json', '--cache'], dir)).stdout).toBe(first);
    // With another mtime the file is read and hashed, and the change is seen.
    utimesSync(file, new Date(), new Date());
    expect((await runCli(['--format', 'json', '--cache'], dir)).stdout).not.toBe(first);
  });
});

it('loads each formatter by name: the same names and functions as the formatters loaded at once', async () => {
  expect(formattersByName.formatterNames).toEqual(allFormatters.formatterNames);
  for (const name of allFormatters.formatterNames) expect(await formattersByName.loadFormatter(name)).toBe(allFormatters.getFormatter(name));
  await expect(formattersByName.loadFormatter('xml')).rejects.toThrow('Unknown formatter "xml". Valid formatters: stylish, json, sarif, github, junit, gitlab.');
});

describe('the code cache of the bundles', () => {
  const bin = createRequire(__filename)(BIN) as {
    codeCacheDir: (env: Record<string, string | undefined>, tmp: string) => string;
    usableDir: (dir: string) => boolean;
    cacheFileFor: (dir: string, filename: string, source: string, crc: typeof crc32) => string;
    readCache: (file: string, crc: typeof crc32) => Buffer | undefined;
    writeCache: (file: string, payload: Buffer, crc: typeof crc32) => void;
    installCodeCache: (bundleDir: string, cacheDir: string, crc: typeof crc32) => { stats: { hits: string[]; misses: string[]; written: string[] }; flush: () => void; uninstall: () => void };
    KEEP: number;
  };

  it('is kept outside the workspace, under NODE_COMPILE_CACHE or the temporary folder', () => {
    expect(bin.codeCacheDir({}, '/tmp-like')).toMatch(/^\/tmp-like\/policylint-v8-cache/);
    expect(bin.codeCacheDir({ NODE_COMPILE_CACHE: '/elsewhere' }, '/tmp-like')).toMatch(/^\/elsewhere\/policylint-v8-cache/);
  });

  it('is not used in a folder others can write to, or through a symlink', () => {
    const root = mkdtempSync(join(tmpdir(), 'policylint-codecache-'));
    expect(bin.usableDir(join(root, 'fresh'))).toBe(true);
    mkdirSync(join(root, 'open'));
    chmodSync(join(root, 'open'), 0o777);
    expect(bin.usableDir(join(root, 'open'))).toBe(process.platform === 'win32');
    symlinkSync(join(root, 'fresh'), join(root, 'link'));
    expect(bin.usableDir(join(root, 'link'))).toBe(false);
  });

  it('names the bundle\'s content, and ignores a damaged or foreign file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policylint-codecache-'));
    expect(bin.cacheFileFor(dir, '/x/cli.js', 'a', crc32)).not.toBe(bin.cacheFileFor(dir, '/x/cli.js', 'b', crc32));
    const file = join(dir, 'c.cache');
    const payload = Buffer.from('v8 data, as far as this test is concerned');
    bin.writeCache(file, payload, crc32);
    expect(bin.readCache(file, crc32)).toEqual(payload);
    const damaged = readFileSync(file);
    damaged[damaged.length - 1]! ^= 1;
    writeFileSync(file, damaged);
    expect(bin.readCache(file, crc32)).toBeUndefined();
    writeFileSync(file, payload);
    expect(bin.readCache(file, crc32)).toBeUndefined();
    expect(bin.readCache(join(dir, 'missing.cache'), crc32)).toBeUndefined();
  });

  it('compiles a bundle from the cache the run before wrote, and again from source when the cache is damaged', () => {
    const root = mkdtempSync(join(tmpdir(), 'policylint-codecache-'));
    const bundles = join(root, 'dist');
    const cacheDir = join(root, 'cache');
    mkdirSync(bundles);
    mkdirSync(cacheDir, { mode: 0o700 });
    const bundle = join(bundles, 'bundle.js');
    writeFileSync(bundle, 'exports.twice = (n) => 2 * n; exports.where = __filename; exports.builtin = typeof require("node:path").join;\n');
    const load = () => {
      const hook = bin.installCodeCache(bundles, cacheDir, crc32);
      try {
        delete require.cache[bundle];
        const m = require(bundle) as { twice: (n: number) => number; where: string; builtin: string };
        expect([m.twice(21), m.where, m.builtin]).toEqual([42, bundle, 'function']);
        hook.flush();
        return hook.stats;
      } finally {
        hook.uninstall();
      }
    };
    expect(load()).toEqual({ hits: [], misses: ['bundle.js'], written: ['bundle.js'] });
    expect(load()).toEqual({ hits: ['bundle.js'], misses: [], written: [] });
    const [current] = readdirSync(cacheDir);
    for (const f of readdirSync(cacheDir)) writeFileSync(join(cacheDir, f), 'garbage');
    // Caches of earlier builds pile up no further than KEEP.
    const old = new Date(Date.now() - 86_400_000);
    for (let i = 0; i < bin.KEEP + 2; i++) {
      writeFileSync(join(cacheDir, `bundle-earlier${i}.cache`), 'an earlier build');
      utimesSync(join(cacheDir, `bundle-earlier${i}.cache`), old, old);
    }
    expect(load()).toEqual({ hits: [], misses: ['bundle.js'], written: ['bundle.js'] });
    expect(readdirSync(cacheDir).length).toBe(bin.KEEP);
    expect(readdirSync(cacheDir)).toContain(current);
    rmSync(root, { recursive: true, force: true });
  });

  it('changes nothing a run prints, with the cache fresh, warm or damaged', () => {
    const dir = workspace();
    const cache = mkdtempSync(join(tmpdir(), 'policylint-codecache-'));
    const lines = [['--version'], ['--format', 'json'], ['a.md']];
    const without = lines.map((args) => run(args, dir, { NODE_DISABLE_COMPILE_CACHE: '1' }));
    const withCache = () => lines.map((args) => run(args, dir, { NODE_COMPILE_CACHE: cache }));
    expect(withCache()).toEqual(without);
    expect(readdirSync(cache, { recursive: true }).length).toBeGreaterThan(0);
    expect(withCache()).toEqual(without);
    for (const f of readdirSync(cache, { recursive: true, withFileTypes: true })) if (f.isFile()) writeFileSync(join(f.parentPath, f.name), 'garbage');
    expect(withCache()).toEqual(without);
  });

  it('can work: the bundles hold no import() (on Node 20 an import() in code compiled from the cache finds no loader)', () => {
    for (const bundle of ['dist/cli.js', 'dist/engine.js']) {
      const code = readFileSync(join(REPO_ROOT, bundle), 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\*|\/\/)/.test(line));
      expect(code.filter((line) => /(^|[^\w$.])import\s*\(/.test(line)), bundle).toEqual([]);
    }
  });
});
