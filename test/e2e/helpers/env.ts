// Paths, child processes and condition waits shared by the end-to-end suites.
//
// Every process a suite starts is put in its own process group and remembered, so that
// stop() ends it with its children (code-server forks an extension host, a file watcher
// and the language server), and a last-resort exit hook kills whatever is left if a
// suite dies before its afterAll runs.

import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Where the suites write screenshots and logs; printed at the start of each suite. */
export const OUTPUT_DIR = resolve(process.env.POLICYLINT_E2E_OUTPUT ?? join(ROOT, 'test-output/e2e'));

/** The README's screenshots; rewritten on every run (POLICYLINT_E2E_KEEP_DOCS_SCREENSHOTS=1 leaves them alone). */
export const DOCS_SCREENSHOTS = join(ROOT, 'docs/screenshots');

export const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION ?? '4.100.3';

/** Same place as test/e2e/setup.sh installs it. */
export function codeServerBin(): string {
  const cache =
    process.env.POLICYLINT_E2E_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'policylint-e2e');
  const bin = join(cache, `code-server-${CODE_SERVER_VERSION}`, 'node_modules/.bin/code-server');
  if (!existsSync(bin)) throw new Error(`code-server is not installed at ${bin}: run \`bash test/e2e/setup.sh\` first`);
  return bin;
}

export const CHROMIUM = '/usr/bin/chromium';

export function requireExecutable(path: string, hint: string): void {
  if (!existsSync(path)) throw new Error(`${path} not found: ${hint}`);
}

/** A fresh temporary folder, removed by cleanupTemp() unless POLICYLINT_E2E_KEEP=1. */
const temps: string[] = [];
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `policylint-e2e-${prefix}-`));
  temps.push(dir);
  return dir;
}
export function cleanupTemp(): void {
  if (process.env.POLICYLINT_E2E_KEEP === '1') return;
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A port on 127.0.0.1 that was free a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion; a timeout kills it and is an error. */
export function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number },
): RunResult {
  const r = spawnSync(command, args, {
    cwd: options.cwd ?? ROOT,
    env: options.env ?? process.env,
    encoding: 'utf8',
    timeout: options.timeoutMs,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
    throw new Error(`\`${command} ${args.join(' ')}\` did not finish within ${options.timeoutMs} ms\n${tail(r.stdout)}\n${tail(r.stderr)}`);
  }
  if (r.error) throw r.error;
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

export function tail(text: string | undefined, lines = 40): string {
  if (!text) return '';
  const all = text.trimEnd().split('\n');
  return all.slice(-lines).join('\n');
}

// --- long-running processes ---------------------------------------------------------------

const live = new Set<ChildProcess>();
let exitHook = false;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Starts a process in its own group; stop it with stopProcess(). */
export function startProcess(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  live.add(child);
  child.on('exit', () => live.delete(child));
  if (!exitHook) {
    exitHook = true;
    process.on('exit', () => {
      for (const c of live) killGroup(c, 'SIGKILL');
    });
  }
  return child;
}

/** SIGTERM to the whole group, then SIGKILL if it has not exited within graceMs. */
export async function stopProcess(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    killGroup(child, 'SIGKILL'); // the leader is gone; its children may not be
    return;
  }
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  killGroup(child, 'SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((r) => (timer = setTimeout(() => r(true), graceMs)));
  const late = await Promise.race([exited.then(() => false), timedOut]);
  clearTimeout(timer);
  killGroup(child, 'SIGKILL');
  if (late) await exited;
}

/** Thrown by a probe to end a wait at once: the condition can no longer come true. */
export class FatalError extends Error {}

/**
 * Polls `probe` until it returns a value other than undefined/false, or throws after
 * timeoutMs with `what` and the last probe error. This is a condition wait, not a retry:
 * the probe only reads state. A FatalError from the probe ends the wait at once.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  options: { timeoutMs: number; intervalMs?: number; diagnose?: () => Promise<string> | string },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value as T;
    } catch (e) {
      if (e instanceof FatalError) throw e;
      lastError = e;
    }
    if (Date.now() >= deadline) {
      let detail = '';
      if (options.diagnose) {
        try {
          detail = await options.diagnose();
        } catch (e) {
          detail = `(diagnose failed: ${String(e)})`;
        }
      }
      throw new Error(
        `Timed out after ${options.timeoutMs} ms waiting for ${what}` +
          (lastError ? `\nlast error: ${String(lastError)}` : '') +
          (detail ? `\n${detail}` : ''),
      );
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 100));
  }
}

/** Files under dir (recursively) whose name matches, newest first. */
export function findFiles(dir: string, match: (name: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    if (!existsSync(d)) return;
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (match(entry.name)) out.push(p);
    }
  };
  walk(dir);
  return out.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
}
