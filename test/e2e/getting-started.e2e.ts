// What a new user meets first, in a real VS Code (code-server in Chromium): the walkthrough and
// its sample, the commands (Show Output, Create or Open Config File, Toggle Linting), the SLA
// table button in the editor title, typing 「 with the CJK auto-closing pairs off and then on,
// and fix-on-save (`source.fixAll.policylint` in editor.codeActionsOnSave).
//
// Its own session, with fix-on-save on: the quick-fix tests of vscode.e2e.ts compare saved files
// byte for byte and must not be renumbered behind their back. Screenshots go to
// test-output/e2e/vscode-getting-started/; the README's ones also to docs/screenshots/.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { commandTitle, EXTENSION_ID, installVsix, packageVsix } from './helpers/code-server';
import { cleanupTemp, codeServerBin, OUTPUT_DIR, waitFor } from './helpers/env';
import { cliFindings } from './helpers/expected';
import { failureScreenshot, Session } from './helpers/session';

const HANDBOOK = 'customer-service-handbook.md';
/** Line 31 is 「## 四、客户信息保护」 after 「二、」: the one numbering gap --fix renumbers in this file. */
const LETTER = 'complaint-commitment-letter.md';
/** A file of the workspace whose blank line 9 the typing test types on (Quick Open does not list files created later at once). */
const SCRATCH = 'field-service-standards.md';

let extensionsDir = '';
let extensionPath = '';
let session: Session;
const title = (command: string) => commandTitle(extensionPath, command);
const lineOf = (file: string, line: number) => readFileSync(join(session.workspace, file), 'utf8').split(/\r?\n/)[line - 1] ?? '';

/** Workspace settings, written to .vscode/settings.json as a user would; VS Code picks them up by itself. */
function workspaceSettings(settings: Record<string, unknown>): void {
  const dir = join(session.workspace, '.vscode');
  mkdirSync(dir, { recursive: true });
  let current: Record<string, unknown> = {};
  try {
    current = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'));
  } catch {
    // none yet
  }
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ ...current, ...settings }, null, 2));
}

beforeAll(async () => {
  console.log(`[e2e] getting-started screenshots and logs: ${OUTPUT_DIR}/vscode-getting-started`);
  codeServerBin();
  const installed = installVsix(packageVsix());
  extensionsDir = installed.extensionsDir;
  extensionPath = join(extensionsDir, `${EXTENSION_ID}-${installed.version}`);
  session = await Session.start({
    label: 'vscode-getting-started',
    extensionsDir,
    settings: { 'policylint.locale': 'zh-CN', 'editor.codeActionsOnSave': { 'source.fixAll.policylint': 'explicit' } },
  });
}, 600_000);

afterAll(async () => {
  await session?.stop();
  cleanupTemp();
}, 30_000);

afterEach(async (ctx: TestContext) => failureScreenshot(session, ctx), 30_000);

describe('VS Code (code-server): getting started', () => {
  it('the walkthrough opens, and its first step opens the sample letter with its findings', async () => {
    const { wb, shots } = session;
    const page = wb.page;
    try {
      await wb.openFile(HANDBOOK);
      await wb.statusItem(EXTENSION_ID).first().waitFor({ state: 'visible', timeout: 60_000 });
      // "Welcome: Open Walkthrough..." asks which walkthrough in a second picker, so it is driven by hand.
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.fill('>Welcome: Open Walkthrough');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Open Walkthrough' }).first().waitFor({ state: 'visible', timeout: 15_000 });
      await page.keyboard.press('Enter');
      const pick = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Get started with policylint' });
      await pick.first().waitFor({ state: 'visible', timeout: 15_000 });
      await pick.first().click();
      const walkthrough = page.locator('.gettingStartedContainer');
      await walkthrough.getByText('Open a sample policy').first().waitFor({ state: 'visible', timeout: 30_000 });
      for (const step of ['See a conflicting promise', 'Hover a value', 'Apply a fix', 'Create a config file']) {
        await expect(walkthrough.getByText(step).first().isVisible()).resolves.toBe(true);
      }
      await shots.take('walkthrough', 'walkthrough.png');
      await walkthrough.getByText('Open Sample', { exact: true }).first().click();
      await page.locator('.tabs-container .tab.active', { hasText: /Untitled/ }).waitFor({ state: 'visible', timeout: 15_000 });
      // Line 21 of the sample promises 48小时 where line 16 says 24小时: sla-conflict, an error.
      await wb.goTo(21, 1);
      await waitFor('an error squiggle on line 21 of the sample (sla-conflict)', async () => (await wb.squiggles(21)).includes('error'), {
        timeoutMs: 60_000,
        intervalMs: 250,
        diagnose: () => wb.context(),
      });
      await shots.take('walkthrough-sample');
      // Unsaved: close it without the save prompt, so later steps find a clean workbench.
      await wb.runCommand('View: Revert and Close Editor');
    } catch (e) {
      session.broken = e as Error;
      throw e;
    }
  }, 180_000);

  it('the editor title has the SLA table button on a policy document', async () => {
    session.ready();
    const { wb, shots } = session;
    await wb.openFile(HANDBOOK);
    const button = wb.page.locator('.editor-group-container.active .editor-actions [aria-label^="Show SLA Table"]');
    await button.first().waitFor({ state: 'visible', timeout: 30_000 });
    await button.first().click();
    await wb.webview().locator('tbody tr').first().waitFor({ state: 'visible', timeout: 30_000 });
    await shots.take('sla-table-from-title-button');
    await wb.runCommand('View: Close All Editor Groups');
  }, 90_000);

  it('"Show Output" shows the language server\'s log', async () => {
    session.ready();
    const { wb, shots } = session;
    await wb.openFile(HANDBOOK);
    await wb.runCommand(title('policylint.showOutput'));
    const output = wb.page.locator('.part.panel .monaco-editor .view-lines');
    let text = '';
    await waitFor('the policylint output channel, with the server\'s "indexed" line', async () => {
      text = await output.first().innerText().catch(() => '');
      return /indexed\s+\d+\s+Markdown\s+files/.test(text);
    }, { timeoutMs: 20_000, diagnose: async () => `output: ${JSON.stringify(text.slice(0, 500))}\n${await wb.context()}` });
    await shots.take('output-channel');
    await wb.hidePanel();
  }, 60_000);

  it('"Toggle Linting" turns the squiggles off and on again', async () => {
    session.ready();
    const { wb } = session;
    await wb.openFile(HANDBOOK);
    await wb.goTo(19, 1);
    await waitFor('the error squiggle on line 19', async () => (await wb.squiggles(19)).includes('error'), { timeoutMs: 30_000 });
    await wb.runCommand(title('policylint.toggle'));
    await waitFor('no squiggle on line 19 with linting off', async () => (await wb.squiggles(19)).length === 0, { timeoutMs: 30_000, diagnose: () => wb.context() });
    await wb.runCommand(title('policylint.toggle'));
    await waitFor('the error squiggle back on line 19', async () => (await wb.squiggles(19)).includes('error'), { timeoutMs: 30_000, diagnose: () => wb.context() });
  }, 90_000);

  it('"Create or Open Config File" creates .policylintrc.json where there is none, and opens it', async () => {
    session.ready();
    const { wb, shots } = session;
    rmSync(join(session.workspace, '.policylintrc.json'));
    await wb.openFile(HANDBOOK);
    await wb.runCommand(title('policylint.openConfig'));
    await wb.activeTab('.policylintrc.json').waitFor({ state: 'visible', timeout: 15_000 });
    const created = JSON.parse(readFileSync(join(session.workspace, '.policylintrc.json'), 'utf8'));
    expect(Object.keys(created).sort()).toEqual(['locale', 'placeholders', 'rules']);
    await shots.take('config-created');
    // Run again from the document: the same file opens, nothing is overwritten.
    writeFileSync(join(session.workspace, '.policylintrc.json'), '{ "locale": "zh-CN" }\n');
    await wb.openFile(HANDBOOK);
    await wb.runCommand(title('policylint.openConfig'));
    await wb.activeTab('.policylintrc.json').waitFor({ state: 'visible', timeout: 15_000 });
    expect(readFileSync(join(session.workspace, '.policylintrc.json'), 'utf8')).toBe('{ "locale": "zh-CN" }\n');
  }, 90_000);

  it('typing 「 inserts one character while policylint.autoClosingPairs is off, and the pair once it is on', async () => {
    session.ready();
    const { wb } = session;
    /** Empties line 9, types 「 there as a writer would, saves. */
    const typeBracket = async () => {
      await wb.openFile(SCRATCH);
      await wb.goTo(9, 1);
      if (lineOf(SCRATCH, 9) !== '') {
        await wb.page.keyboard.press('Shift+End');
        await wb.page.keyboard.press('Delete');
      }
      await wb.page.keyboard.type('「');
      await wb.save(SCRATCH);
    };
    await typeBracket();
    expect(lineOf(SCRATCH, 9)).toBe('「');
    workspaceSettings({ 'policylint.autoClosingPairs': true });
    let line = '';
    await waitFor(
      'typing 「 to insert 「」 once the setting is on',
      async () => {
        await typeBracket();
        line = lineOf(SCRATCH, 9);
        return line === '「」';
      },
      { timeoutMs: 30_000, intervalMs: 1_000, diagnose: async () => `line 9: ${JSON.stringify(line)}` },
    );
    workspaceSettings({ 'policylint.autoClosingPairs': false });
  }, 120_000);

  it('fix on save: saving renumbers the skipped 四、 to 三、', async () => {
    session.ready();
    const { wb, shots } = session;
    writeFileSync(join(session.workspace, '.policylintrc.json'), '{}\n');
    expect(lineOf(LETTER, 31)).toBe('## 四、客户信息保护');
    await wb.openFile(LETTER);
    await wb.goTo(31, 1);
    // An edit and its undoing: the file is dirty, its text unchanged; the save runs the fix-all action.
    await wb.page.keyboard.type('x');
    await wb.page.keyboard.press('Backspace');
    await wb.save(LETTER);
    await waitFor('line 31 to be saved as 「## 三、客户信息保护」', () => lineOf(LETTER, 31) === '## 三、客户信息保护', {
      timeoutMs: 15_000,
      diagnose: async () => `line 31: ${JSON.stringify(lineOf(LETTER, 31))}\n${await wb.context()}`,
    });
    expect((cliFindings(session.workspace, 'zh-CN').get(LETTER) ?? []).filter((f) => f.ruleId === 'numbering')).toEqual([]);
    await shots.take('fix-on-save');
  }, 90_000);
});
