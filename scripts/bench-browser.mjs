// The real-browser step of `npm run bench`: VS Code as code-server serves it, in Debian's
// Chromium driven by playwright-core, as the end-to-end suite runs it (test/e2e/README.md), but
// timed. Optional: it runs only where test/e2e/setup.sh has installed code-server and Chromium,
// and otherwise, or when anything in it goes wrong, it reports why and the bench goes on.
//
// Each run starts a fresh code-server (own user-data dir, nothing restored) and a fresh
// Chromium profile on a copy of samples/defects/ without a config file, so that nothing
// activates policylint before the document is opened (it activates onLanguage:markdown). Then
// Quick Open opens the handbook and the clock starts at the Enter that opens it:
//   active     the policylint status bar item appears: activate() has returned (the language
//              client started and the server initialised) and the server answered for the document
//   squiggle   the first policylint squiggle is drawn in the editor (markdown's own validation is off)
//   activation VS Code's extension host logs that it starts activating policylint (from its log)

import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './bench-stats.mjs';

const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION ?? '4.100.3';
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const HANDBOOK = 'customer-service-handbook.md';
const EXTENSION_ID = 'policylint.policylint';
// The settings the end-to-end suite quiets VS Code with: no trust prompt, welcome page or updates.
const SETTINGS = JSON.parse(readFileSync(new URL('../test/e2e/quiet-workbench.json', import.meta.url), 'utf8'));

/** Where test/e2e/setup.sh installs code-server. */
function codeServerBin() {
  const cache = process.env.POLICYLINT_E2E_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'policylint-e2e');
  return join(cache, `code-server-${CODE_SERVER_VERSION}`, 'node_modules/.bin/code-server');
}

/** Why the step cannot run here, or undefined when it can. */
async function missing() {
  if (!existsSync(codeServerBin())) return `code-server ${CODE_SERVER_VERSION} is not installed (bash test/e2e/setup.sh installs it)`;
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} not found (bash test/e2e/setup.sh installs Debian's chromium)`;
  try {
    await import('playwright-core');
  } catch {
    return 'playwright-core is not installed (npm ci)';
  }
  return undefined;
}

const tempDir = (prefix) => mkdtempSync(join(tmpdir(), `policylint-bench-${prefix}-`));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function until(what, probe, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The extension as users install it: the .vsix `vsce package` makes (a production build), or
 * the one given. Packaging rebuilds dist/ minified; the development build is put back after.
 */
function packageVsix(root, given, log) {
  if (given) {
    if (!existsSync(given)) throw new Error(`--vsix ${given} does not exist`);
    return { vsix: given, cleanup: () => {} };
  }
  const dir = tempDir('vsix');
  const vsix = join(dir, 'policylint.vsix');
  log('browser: packaging the extension (vsce package)');
  const r = spawnSync(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--out', vsix], { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'ignore' });
  if (r.status !== 0 || !existsSync(vsix)) throw new Error(`vsce package failed (exit ${r.status}): ${`${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-5).join(' | ')}`);
  return { vsix, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function installVsix(vsix) {
  const extensionsDir = tempDir('extensions');
  const userDataDir = tempDir('install-user-data');
  const config = join(userDataDir, 'code-server.yaml');
  writeFileSync(config, '');
  const r = spawnSync(codeServerBin(), ['--config', config, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix], { encoding: 'utf8', timeout: 180_000 });
  rmSync(userDataDir, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`code-server --install-extension failed (exit ${r.status}): ${`${r.stdout}${r.stderr}`.trim().split('\n').slice(-3).join(' | ')}`);
  return extensionsDir;
}

/** The moment the extension host logged that it starts activating policylint (its clock is this machine's). */
function activationLogged(userDataDir) {
  const logs = [];
  const walk = (d) => {
    for (const e of existsSync(d) ? readdirSync(d, { withFileTypes: true }) : []) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (/^(remote)?exthost\.log$/.test(e.name)) logs.push(join(d, e.name));
    }
  };
  walk(join(userDataDir, 'logs'));
  for (const file of logs.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)) {
    const line = readFileSync(file, 'utf8').split('\n').find((l) => l.includes(`_doActivateExtension ${EXTENSION_ID}`));
    const stamp = line?.match(/^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3})/);
    if (stamp) return new Date(`${stamp[1]}T${stamp[2]}`).getTime();
  }
  return NaN;
}

async function oneRun(root, chromium, extensionsDir) {
  const dir = tempDir('browser');
  const workspace = join(dir, 'policies');
  cpSync(join(root, 'samples/defects'), workspace, { recursive: true });
  // A config file would activate the extension on opening the folder (workspaceContains).
  rmSync(join(workspace, '.policylintrc.json'), { force: true });
  const userDataDir = join(dir, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User/settings.json'), JSON.stringify(SETTINGS));
  writeFileSync(join(dir, 'code-server.yaml'), '');
  const port = await freePort();
  const args = ['--config', join(dir, 'code-server.yaml'), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', workspace];
  // Its own process group, so that stopping it ends its extension host and language server too.
  const server = spawn(codeServerBin(), args, { cwd: workspace, stdio: 'ignore', detached: true });
  let context;
  try {
    await until('code-server to answer', async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, 60_000);
    context = await chromium.launchPersistentContext(join(dir, 'chromium'), { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1440, height: 900 }, timeout: 60_000 });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 120_000 });
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget .quick-input-box input').fill(HANDBOOK);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: HANDBOOK }).first().waitFor({ timeout: 60_000 });
    const opened = Date.now();
    await page.keyboard.press('Enter');
    const since = (locator) => locator.waitFor({ state: 'visible', timeout: 120_000 }).then(() => Date.now() - opened);
    const [activeMs, squiggleMs] = await Promise.all([
      since(page.locator(`.statusbar .statusbar-item[id^="${EXTENSION_ID}."]`).first()),
      since(page.locator('.editor-group-container.active .monaco-editor[data-uri] .view-overlays [class*="squiggly-"]').first()),
    ]);
    return { activeMs, squiggleMs, activationStartMs: activationLogged(userDataDir) - opened };
  } finally {
    await context?.close().catch(() => {});
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function measureBrowser({ root, runs, vsix, log = () => {} }) {
  const reason = await missing();
  if (reason) {
    log(`browser: skipped, ${reason}`);
    return { skipped: reason };
  }
  let packaged;
  let extensionsDir;
  try {
    packaged = packageVsix(root, vsix, log);
    extensionsDir = installVsix(packaged.vsix);
    const { chromium } = await import('playwright-core');
    const all = [];
    for (let i = 0; i < runs; i++) {
      const r = await oneRun(root, chromium, extensionsDir);
      log(`browser run ${i + 1}: activation begun ${r.activationStartMs} ms, extension active ${r.activeMs} ms, first squiggle ${r.squiggleMs} ms after opening`);
      all.push(r);
    }
    const of = (key) => median(all.map((r) => r[key]).filter(Number.isFinite));
    return { runs, activeMs: of('activeMs'), squiggleMs: of('squiggleMs'), activationStartMs: of('activationStartMs'), all };
  } catch (e) {
    const message = String(e instanceof Error ? e.message : e).split('\n')[0];
    log(`browser: failed, ${message}`);
    return { skipped: `failed: ${message}` };
  } finally {
    packaged?.cleanup();
    if (extensionsDir) rmSync(extensionsDir, { recursive: true, force: true });
  }
}
