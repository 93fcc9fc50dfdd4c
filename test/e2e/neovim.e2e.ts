// The language server in a second, independent LSP client: Neovim's built-in client
// (Debian's neovim 0.7, no plugins), headless. nvim/lsp-check.lua starts dist/server.js over
// stdio with vim.lsp.start_client, opens a sample, collects the pushed diagnostics and one
// hover, and writes them as JSON; the assertions are made here.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyWorkspace } from './helpers/code-server';
import { cleanupTemp, ensureDir, findFiles, OUTPUT_DIR, ROOT, run, tail, tempDir } from './helpers/env';
import { annotated, cliFindings, HAN, keys, type CliFinding } from './helpers/expected';

const NVIM = '/usr/bin/nvim';
/** POLICYLINT_E2E_SERVER=path runs another server build (how the broken-server check is done by hand). */
const SERVER = process.env.POLICYLINT_E2E_SERVER ?? join(ROOT, 'dist/server.js');
const WAIT_MS = 30_000;

interface NvimResult {
  nvim: string;
  error?: string;
  capabilities?: Record<string, boolean>;
  diagnosticsComplete?: boolean;
  changeApplied?: boolean;
  diagnostics?: { code: string; source: string; message: string; severity: number; line: number; col: number }[];
  hover?: string | null;
  hoverError?: unknown;
  crashed?: { code: number; signal: number };
  stopped?: boolean;
}

/** Runs nvim with the Lua script; a hang is killed and reported, never waited out. */
async function runNvim(env: Record<string, string>, label: string): Promise<NvimResult> {
  const dir = ensureDir(join(OUTPUT_DIR, 'neovim', label));
  const home = tempDir('nvim-home');
  const resultFile = join(dir, 'result.json');
  const child = spawn(NVIM, ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${join(ROOT, 'test/e2e/nvim/lsp-check.lua')}`], {
    cwd: env.POLICYLINT_ROOT,
    env: {
      ...process.env,
      // Keep Neovim's state and its LSP log (server stderr goes there) in a temp dir.
      HOME: home,
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_DATA_HOME: join(home, 'data'),
      XDG_STATE_HOME: join(home, 'state'),
      XDG_CACHE_HOME: join(home, 'cache'),
      POLICYLINT_SERVER: SERVER,
      POLICYLINT_RESULT: resultFile,
      POLICYLINT_TIMEOUT: String(WAIT_MS),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const limit = 3 * WAIT_MS + 10_000;
  const code = await new Promise<number | string>((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // gone
      }
      resolve(`killed after ${limit} ms`);
    }, limit);
    child.on('exit', (c, s) => {
      clearTimeout(timer);
      resolve(c ?? String(s));
    });
  });
  const lspLog = findFiles(home, (n) => n === 'lsp.log').map((f) => tail(readFileSync(f, 'utf8'), 30)).join('\n');
  if (!existsSync(resultFile)) {
    throw new Error(`nvim wrote no result (exit ${code}).\nnvim output:\n${tail(output)}\nLSP log:\n${lspLog}`);
  }
  const result = JSON.parse(readFileSync(resultFile, 'utf8')) as NvimResult;
  const problems = [
    result.error && `lsp-check.lua: ${result.error}`,
    result.crashed && `the language server exited on its own (code ${result.crashed.code}, signal ${result.crashed.signal})`,
  ].filter(Boolean);
  if (problems.length) {
    throw new Error(`${problems.join('\n')}\nnvim exit: ${code}\nLSP log (server stderr):\n${lspLog || '(empty)'}`);
  }
  return result;
}

describe('Neovim 0.7 built-in LSP client (headless)', () => {
  let workspace: string;
  let cli: { 'zh-CN': Map<string, CliFinding[]>; en: Map<string, CliFinding[]> };

  beforeAll(() => {
    console.log(`[e2e] Neovim results: ${join(OUTPUT_DIR, 'neovim')}`);
    expect(existsSync(NVIM), 'nvim is missing: run `bash test/e2e/setup.sh`').toBe(true);
    if (!process.env.POLICYLINT_E2E_SERVER) {
      const build = run('npm', ['run', 'build'], { timeoutMs: 180_000 });
      if (build.code !== 0) throw new Error(`npm run build failed:\n${tail(build.stdout)}\n${tail(build.stderr)}`);
    }
    workspace = copyWorkspace(join(ROOT, 'samples/defects'));
    cli = { 'zh-CN': cliFindings(workspace, 'zh-CN'), en: cliFindings(workspace, 'en') };
  }, 240_000);

  afterAll(() => cleanupTemp());

  it('reports the annotated findings of an English SLA, with the CLI\'s messages, and answers a hover', async () => {
    const file = 'support-sla.md';
    const expected = cli.en.get(file) ?? [];
    const result = await runNvim(
      {
        POLICYLINT_ROOT: workspace,
        POLICYLINT_FILE: join(workspace, file),
        POLICYLINT_LOCALE: 'en',
        POLICYLINT_EXPECT: keys(expected).join(','),
        // "2 business hours": its hover card normalises the value and names the other statement.
        POLICYLINT_HOVER: '48:2 business hours',
      },
      'support-sla-en',
    );
    expect(result.nvim).toMatch(/^0\.7\./);
    expect(result.capabilities?.hoverProvider, 'the server announces hover').toBe(true);

    const got = result.diagnostics ?? [];
    expect(got.every((d) => d.source === 'policylint')).toBe(true);
    // Same findings as the CLI: rule ids, lines, columns (0-based in LSP), messages.
    expect(keys(got)).toEqual(keys(expected));
    const norm = (d: { code?: string; ruleId?: string; line: number; col?: number; column?: number; message: string }) =>
      `${d.code ?? d.ruleId}:${d.line}:${d.col ?? (d.column ?? 1) - 1} ${d.message}`;
    expect(got.map(norm).sort()).toEqual(expected.map(norm).sort());
    // Every annotated defect of the sample is among them.
    for (const k of keys(annotated(`defects/${file}`))) expect(keys(got)).toContain(k);
    expect(result.diagnosticsComplete).toBe(true);

    expect(result.hoverError).toBeUndefined();
    // The raw Markdown of the card (Neovim shows it as is): escaped punctuation, hence \\?.
    const hover = result.hover ?? '';
    expect(hover, 'hover card').not.toBe('');
    expect(hover).toMatch(/\*\*SLA commitment\*\*/);
    expect(hover, 'the value').toMatch(/\*\*Value\*\*: ≤ 2 business hours/);
    expect(hover, 'the normalised value').toMatch(/\*\*Normalised\*\*: 2 business hours \\?\(business clock\\?\)/);
    expect(hover).toContain('**Other statements of the same promise**');
    expect(hover, 'the other statement of the same promise (line 10, 2 hours)').toMatch(/\[support\\?-sla\.md:10\]\(file:\/\/\S+#L10\) ≤ 2 h/);
    expect(result.stopped, 'the server exits after shutdown/exit').toBe(true);
  }, 120_000);

  it('follows policylint.locale: Chinese messages for the same English document with zh-CN', async () => {
    const file = 'support-sla.md';
    const expected = cli['zh-CN'].get(file) ?? [];
    const result = await runNvim(
      {
        POLICYLINT_ROOT: workspace,
        POLICYLINT_FILE: join(workspace, file),
        POLICYLINT_LOCALE: 'zh-CN',
        POLICYLINT_EXPECT: keys(expected).join(','),
      },
      'support-sla-zh',
    );
    const got = result.diagnostics ?? [];
    expect(keys(got)).toEqual(keys(expected));
    expect(got.map((d) => d.message).sort()).toEqual(expected.map((d) => d.message).sort());
    expect(got.every((d) => HAN.test(d.message)), 'every message is in Chinese').toBe(true);
  }, 120_000);

  it('re-publishes diagnostics in the new language after workspace/didChangeConfiguration', async () => {
    const file = 'support-sla.md';
    const expected = cli['zh-CN'].get(file) ?? [];
    const result = await runNvim(
      {
        POLICYLINT_ROOT: workspace,
        POLICYLINT_FILE: join(workspace, file),
        POLICYLINT_LOCALE: 'en',
        POLICYLINT_EXPECT: keys(expected).join(','),
        POLICYLINT_CHANGE_LOCALE: 'zh-CN',
      },
      'support-sla-change-locale',
    );
    expect(result.changeApplied, 'every diagnostic turned Chinese after the settings change').toBe(true);
    const got = result.diagnostics ?? [];
    expect(keys(got)).toEqual(keys(expected));
    expect(got.map((d) => d.message).sort()).toEqual(expected.map((d) => d.message).sort());
  }, 120_000);
});
