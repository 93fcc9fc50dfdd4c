// code-server (VS Code served to a browser, installed by test/e2e/setup.sh): packaging and
// installing the .vsix, and one code-server per session on a free 127.0.0.1 port with
// --auth none, a fresh user-data dir and its own settings.json.

import type { ChildProcess } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  codeServerBin,
  ensureDir,
  findFiles,
  freePort,
  ROOT,
  run,
  startProcess,
  stopProcess,
  tail,
  tempDir,
  waitFor,
} from './env';
import quietWorkbench from '../quiet-workbench.json';

export const EXTENSION_ID = 'policylint.policylint';

/**
 * `npm run package`, then the .vsix it wrote. POLICYLINT_VSIX=path skips packaging and uses
 * that file instead (how the broken-server check is run by hand).
 */
export function packageVsix(): string {
  const given = process.env.POLICYLINT_VSIX;
  if (given) {
    if (!existsSync(given)) throw new Error(`POLICYLINT_VSIX=${given} does not exist`);
    return given;
  }
  const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts ?? {};
  if (!scripts.package) throw new Error('package.json has no "package" script: the extension cannot be packaged yet');
  const started = Date.now();
  const r = run('npm', ['run', 'package'], { timeoutMs: 300_000 });
  if (r.code !== 0) {
    throw new Error(`\`npm run package\` failed (exit ${r.code}):\n${tail(r.stdout, 30)}\n${tail(r.stderr, 30)}`);
  }
  // vsce writes <name>-<version>.vsix next to package.json.
  const fresh = readdirSync(ROOT)
    .filter((n) => n.endsWith('.vsix'))
    .map((n) => join(ROOT, n))
    .filter((p) => statSync(p).mtimeMs >= started - 1_000)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (fresh.length === 0) {
    throw new Error(`\`npm run package\` succeeded but wrote no new .vsix under ${ROOT}\n${tail(r.stdout, 20)}`);
  }
  return fresh[0];
}

/** Installs the .vsix into a fresh extensions dir with `code-server --install-extension`. */
export function installVsix(vsix: string): { extensionsDir: string; version: string } {
  const extensionsDir = tempDir('extensions');
  const userDataDir = tempDir('install-user-data');
  const config = join(userDataDir, 'code-server.yaml');
  writeFileSync(config, '');
  const common = ['--config', config, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir];
  const r = run(codeServerBin(), [...common, '--install-extension', vsix], { timeoutMs: 120_000 });
  const out = `${r.stdout}\n${r.stderr}`;
  if (r.code !== 0 || !/successfully installed/i.test(out)) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.code}):\n${tail(out)}`);
  }
  const list = run(codeServerBin(), [...common, '--list-extensions', '--show-versions'], { timeoutMs: 60_000 });
  const line = list.stdout.split('\n').find((l) => l.toLowerCase().startsWith(`${EXTENSION_ID}@`));
  if (!line) throw new Error(`${EXTENSION_ID} is not listed after installing ${vsix}:\n${list.stdout}${list.stderr}`);
  return { extensionsDir, version: line.split('@')[1].trim() };
}

export interface CodeServerOptions {
  /** The folder to open (copied by the caller into a temp dir). */
  workspace: string;
  extensionsDir: string;
  /** Written to <user-data-dir>/User/settings.json, after the suite's defaults. */
  settings?: Record<string, unknown>;
  /** code-server's --locale (VS Code's display language). */
  locale?: string;
  /** Where code-server's stdout/stderr go. */
  logFile: string;
}

export interface CodeServer {
  url: string;
  port: number;
  userDataDir: string;
  workspace: string;
  logFile: string;
  process: ChildProcess;
  stop(): Promise<void>;
  /** The extension host's and the policylint output channel's logs, for failure messages. */
  logs(): string;
  /** The language client's report of a server that failed to start or died, if any. */
  serverFailure(): string | undefined;
}

/**
 * Keeps the workbench quiet and predictable: no trust prompt, no welcome page, no updates
 * (quiet-workbench.json, shared with scripts/bench-browser.mjs), and a steady look for screenshots.
 */
export const BASE_SETTINGS: Record<string, unknown> = {
  ...quietWorkbench,
  'workbench.colorTheme': 'Default Light Modern',
  'editor.minimap.enabled': false,
  'editor.hover.delay': 200,
  'editor.fontSize': 15,
  'editor.wordWrap': 'on',
  'files.autoSave': 'off',
  'problems.defaultViewMode': 'table',
};

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const userDataDir = tempDir('user-data');
  ensureDir(join(userDataDir, 'User'));
  writeFileSync(
    join(userDataDir, 'User/settings.json'),
    JSON.stringify({ ...BASE_SETTINGS, ...options.settings }, null, 2),
  );
  // An empty config file of our own, so code-server neither reads nor writes ~/.config.
  const configFile = join(userDataDir, 'code-server.yaml');
  writeFileSync(configFile, '');
  const port = await freePort();
  const args = [
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userDataDir,
    '--extensions-dir', options.extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...(options.locale ? ['--locale', options.locale] : []),
    options.workspace,
  ];
  const log = createWriteStream(options.logFile);
  const child = startProcess(codeServerBin(), args, { cwd: options.workspace, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  let exited: string | undefined;
  child.on('exit', (code, signal) => (exited = `code-server exited (code ${code}, signal ${signal})`));

  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(options.workspace)}`;
  const server: CodeServer = {
    url,
    port,
    userDataDir,
    workspace: options.workspace,
    logFile: options.logFile,
    process: child,
    stop: async () => {
      await stopProcess(child);
      log.end();
    },
    logs: () => collectLogs(userDataDir, options.logFile),
    serverFailure: () => serverFailure(userDataDir),
  };
  try {
    await waitFor(
      `code-server to answer on 127.0.0.1:${port}`,
      async () => {
        if (exited) throw new Error(exited);
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        return res.ok;
      },
      { timeoutMs: 30_000, intervalMs: 100, diagnose: () => tail(readLog(options.logFile)) },
    );
  } catch (e) {
    await server.stop();
    throw e;
  }
  return server;
}

function readLog(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/** The extension's output channel (its language client's log), newest session first. */
function policylintLogs(userDataDir: string): string[] {
  return findFiles(join(userDataDir, 'logs'), (n) => /policylint.*\.log$/i.test(n));
}

/** Stack frames make a log unreadable in a failure message; the messages are what tell. */
function withoutStacks(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/^\s+at /.test(l))
    .join('\n');
}

/**
 * Errors and warnings of the extension host, the policylint output channel, and the tail of
 * code-server's own log: the context a failed wait prints.
 */
export function collectLogs(userDataDir: string, codeServerLog: string): string {
  const parts: string[] = [];
  const logsDir = join(userDataDir, 'logs');
  for (const file of policylintLogs(userDataDir)) {
    parts.push(`--- ${file.slice(logsDir.length + 1)} ---\n${tail(withoutStacks(readFileSync(file, 'utf8')), 25)}`);
  }
  for (const file of findFiles(logsDir, (n) => /^(remote)?exthost\.log$/.test(n))) {
    const errors = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => /\[(error|warning)\]/.test(l))
      .join('\n');
    if (errors) parts.push(`--- ${file.slice(logsDir.length + 1)} (errors) ---\n${tail(errors, 10)}`);
  }
  parts.push(`--- code-server ---\n${tail(readLog(codeServerLog), 10)}`);
  return parts.join('\n');
}

/**
 * What the language client logged when the server could not be started or died: a crashed
 * server never brings diagnostics, so a test waiting for them stops at once with this.
 */
export function serverFailure(userDataDir: string): string | undefined {
  const fatal = /Server process exited with code|crashed \d+ times|couldn't create connection to server|Server initialization failed|Cannot find module/;
  for (const file of policylintLogs(userDataDir)) {
    const lines = withoutStacks(readFileSync(file, 'utf8')).split('\n');
    const i = lines.findIndex((l) => fatal.test(l));
    if (i >= 0) return lines.slice(Math.max(0, i - 3), i + 8).join('\n');
  }
  return undefined;
}

/** Copies samples/defects (or any folder) into a fresh temp workspace. */
export function copyWorkspace(from: string, extraFiles: Record<string, string> = {}): string {
  const dir = join(tempDir('workspace'), 'hengqi-drafts');
  cpSync(from, dir, { recursive: true });
  for (const [name, text] of Object.entries(extraFiles)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A command's palette title ("category: title") as the extension's package.nls.json spells it. */
export function commandTitle(extensionPath: string, command: string, nlsFile = 'package.nls.json'): string {
  const manifest = JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8'));
  const nlsPath = join(extensionPath, nlsFile);
  const nls: Record<string, string> = existsSync(nlsPath) ? JSON.parse(readFileSync(nlsPath, 'utf8')) : {};
  const resolve = (s: string | undefined) => (s && /^%.+%$/.test(s) ? (nls[s.slice(1, -1)] ?? s) : s);
  const entry = (manifest.contributes?.commands ?? []).find((c: { command: string }) => c.command === command);
  if (!entry) throw new Error(`${extensionPath}/package.json contributes no command ${command}`);
  const category = resolve(entry.category);
  return category ? `${category}: ${resolve(entry.title)}` : resolve(entry.title)!;
}
