#!/usr/bin/env node
'use strict';
// The `policylint` command. Before loading the CLI bundle it turns on a cache of compiled
// code: compiling dist/cli.js (1.8 MB) was a fifth of a fully cached run. Node ≥ 22.1 has one
// built in (module.enableCompileCache). On older Node the same is done here with V8's code
// cache (vm.Script cachedData), for this package's own bundles only. Either way the cache is
// kept in a folder of this user's own outside any workspace (in the temporary folder, or in
// NODE_COMPILE_CACHE when that is an absolute path). What
// is cached is V8's compilation of our bundle, checked against the bundle's content: a cache
// that is missing, damaged, written by another Node or in a folder others could write to is
// not used. NODE_DISABLE_COMPILE_CACHE=1 turns it off, as it does in Node.

const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const mainModule = require.main;
const MAGIC = 'PLV8';
const HEADER = 8; // MAGIC, then the CRC-32 of the V8 data that follows.

/**
 * Where the compile cache lives: NODE_COMPILE_CACHE's folder when it is an absolute path (a
 * relative one would resolve inside the workspace, whose files anyone could have shipped),
 * else the temporary folder; in both, a folder of this user's own.
 */
function codeCacheDir(env, tmpdir) {
  const base = env.NODE_COMPILE_CACHE && path.isAbsolute(env.NODE_COMPILE_CACHE) ? env.NODE_COMPILE_CACHE : tmpdir;
  const user = typeof process.getuid === 'function' ? `-${process.getuid()}` : '';
  return path.join(base, `policylint-v8-cache${user}`);
}

/** Creates the folder; true only when it is a real folder that no one else can write to. */
function usableDir(dir) {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.lstatSync(dir);
    if (!st.isDirectory()) return false;
    if (typeof process.getuid === 'function' && st.uid !== process.getuid()) return false;
    return process.platform === 'win32' || (st.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/**
 * The cache file of one bundle: its name, its content's length and CRC-32, this Node and its
 * options (V8 refuses a cache made under other flags; one file per set keeps them apart).
 */
function cacheFileFor(dir, filename, source, crc32) {
  const options = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join('\n');
  const flags = options.trim() ? `-${crc32(options).toString(16)}` : '';
  const tag = `${crc32(source).toString(16)}-${source.length}-${process.version}-${process.arch}${flags}`;
  return path.join(dir, `${path.basename(filename, '.js')}-${tag}.cache`);
}

/** The V8 data in a cache file, or undefined when the file is missing, foreign or damaged. */
function readCache(file, crc32) {
  let data;
  try {
    const st = fs.lstatSync(file);
    if (!st.isFile() || (typeof process.getuid === 'function' && st.uid !== process.getuid())) return undefined;
    data = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  if (data.length <= HEADER || data.toString('latin1', 0, 4) !== MAGIC) return undefined;
  const payload = data.subarray(HEADER);
  return crc32(payload) === data.readUInt32LE(4) ? payload : undefined;
}

/** Writes a cache file whole or not at all (temporary file, then rename). */
function writeCache(file, payload, crc32) {
  const header = Buffer.alloc(HEADER);
  header.write(MAGIC, 0, 'latin1');
  header.writeUInt32LE(crc32(payload), 4);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, Buffer.concat([header, payload]), { flag: 'wx', mode: 0o600 });
    fs.renameSync(temp, file);
  } catch {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // Nothing more to do: a stray temporary file in our own cache folder.
    }
  }
}

/** Caches of one bundle kept: other versions or builds beside this one, not an endless pile. */
const KEEP = 4;

/** Removes all but the newest KEEP caches of the bundle `name` (after writing one). */
function prune(dir, name) {
  try {
    const prefix = `${path.basename(name, '.js')}-`;
    const caches = fs
      .readdirSync(dir)
      .filter((f) => f.startsWith(prefix) && f.endsWith('.cache'))
      .map((f) => ({ f, at: fs.lstatSync(path.join(dir, f)).mtimeMs }))
      .sort((a, b) => b.at - a.at);
    for (const { f } of caches.slice(KEEP)) fs.rmSync(path.join(dir, f), { force: true });
  } catch {
    // Pruning is housekeeping; the next write tries again.
  }
}

/**
 * Compiles the .js files directly in `bundleDir` with V8's code cache in `cacheDir`; any
 * other module loads as usual. A cache is written when there was none or V8 refused it, at
 * exit, so it also holds the functions this run compiled lazily. Returns what happened.
 */
function installCodeCache(bundleDir, cacheDir, crc32) {
  const vm = require('node:vm');
  const stats = { hits: [], misses: [], written: [] };
  const pending = [];
  const compile = Module.prototype._compile;
  Module.prototype._compile = function compileWithCodeCache(content, filename) {
    if (path.dirname(filename) !== bundleDir || !filename.endsWith('.js')) return compile.call(this, content, filename);
    const file = cacheFileFor(cacheDir, filename, content, crc32);
    const cachedData = readCache(file, crc32);
    let script;
    try {
      script = new vm.Script(Module.wrap(content), { filename, cachedData, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
    } catch {
      return compile.call(this, content, filename);
    }
    const hit = cachedData !== undefined && !script.cachedDataRejected;
    (hit ? stats.hits : stats.misses).push(path.basename(filename));
    if (!hit) pending.push({ script, file, name: path.basename(filename) });
    const mod = this;
    const require = (id) => mod.require(id);
    require.resolve = (request, options) => Module._resolveFilename(request, mod, false, options);
    require.main = mainModule;
    require.cache = Module._cache;
    return script.runInThisContext({ displayErrors: true }).call(mod.exports, mod.exports, require, mod, filename, path.dirname(filename));
  };
  const flush = () => {
    for (const { script, file, name } of pending.splice(0)) {
      try {
        writeCache(file, script.createCachedData(), crc32);
        stats.written.push(name);
        prune(cacheDir, name);
      } catch {
        // A cache that cannot be written only means the next run compiles again.
      }
    }
  };
  const uninstall = () => {
    Module.prototype._compile = compile;
  };
  return { stats, flush, uninstall };
}

function enableCompileCache(env) {
  if (env.NODE_DISABLE_COMPILE_CACHE === '1') return;
  const dir = codeCacheDir(env, require('node:os').tmpdir());
  // Never a folder another user could have filled: Node's default is a shared one under the temporary folder.
  if (!usableDir(dir)) return;
  if (typeof Module.enableCompileCache === 'function') {
    Module.enableCompileCache(dir);
    return;
  }
  const crc32 = require('node:zlib').crc32;
  if (typeof crc32 !== 'function') return;
  const { flush, stats } = installCodeCache(path.join(__dirname, '..', 'dist'), dir, crc32);
  process.once('exit', flush);
  if (env.POLICYLINT_DEBUG_CODE_CACHE === '1') process.once('exit', () => process.stderr.write(`policylint: code cache ${JSON.stringify(stats)}\n`));
}

if (require.main === module) {
  enableCompileCache(process.env);
  require('../dist/cli.js');
} else {
  module.exports = { codeCacheDir, usableDir, cacheFileFor, readCache, writeCache, installCodeCache, KEEP };
}
