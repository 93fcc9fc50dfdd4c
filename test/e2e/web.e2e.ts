// The web build in a browser-hosted VS Code: code-server told to run policylint in its web
// worker extension host (`remote.extensionKind: web`, as vscode.dev runs every extension), so
// the client is dist/web/client.js and the server dist/web/server.js in a web worker, with no
// Node and no file system. Opening a sample shows its diagnostics; the output channel says
// where the server runs.

import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { commandTitle, EXTENSION_ID, installVsix, packageVsix } from './helpers/code-server';
import { cleanupTemp, codeServerBin, OUTPUT_DIR, waitFor } from './helpers/env';
import { failureScreenshot, Session } from './helpers/session';

const HANDBOOK = 'customer-service-handbook.md';

let extensionPath = '';
let session: Session;

beforeAll(async () => {
  console.log(`[e2e] web-worker screenshots and logs: ${OUTPUT_DIR}/vscode-web-worker`);
  codeServerBin();
  const installed = installVsix(packageVsix());
  extensionPath = join(installed.extensionsDir, `${EXTENSION_ID}-${installed.version}`);
  session = await Session.start({
    label: 'vscode-web-worker',
    extensionsDir: installed.extensionsDir,
    settings: { 'policylint.locale': 'zh-CN', 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } },
  });
}, 600_000);

afterAll(async () => {
  await session?.stop();
  cleanupTemp();
}, 30_000);

afterEach(async (ctx: TestContext) => failureScreenshot(session, ctx), 30_000);

describe('VS Code (code-server) running policylint in its web worker extension host', () => {
  it('opening a sample shows its diagnostics, from the server in a web worker', async () => {
    const { wb, shots } = session;
    await wb.openFile(HANDBOOK);
    // Line 19: the 【公司名称】 placeholder, an error.
    await wb.goTo(19, 1);
    await waitFor('an error squiggle on line 19 (placeholder 【公司名称】)', async () => (await wb.squiggles(19)).includes('error'), {
      timeoutMs: 90_000,
      intervalMs: 500,
      diagnose: () => wb.context(),
    });
    await shots.take('web-worker-squiggles');
    await wb.runCommand(commandTitle(extensionPath, 'policylint.showOutput'));
    const output = wb.page.locator('.part.panel .monaco-editor .view-lines');
    let text = '';
    await waitFor('the output channel to say the server runs in a web worker', async () => {
      text = await output.first().innerText().catch(() => '');
      return /running\s+in\s+a\s+web\s+worker/.test(text);
    }, { timeoutMs: 20_000, diagnose: async () => `output: ${JSON.stringify(text.slice(0, 800))}\n${await wb.context()}` });
    // No file system in the worker: nothing is indexed, the open document is linted all the same.
    expect(text).toMatch(/indexed\s+0\s+Markdown\s+files/);
    await shots.take('web-worker-output');
  }, 180_000);
});
