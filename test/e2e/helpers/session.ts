// One editor session: a code-server with its own user data and settings, a Chromium with a
// fresh profile, the workbench loaded on a temp copy of the defect samples. stop() ends both,
// and is called from afterAll so that a failed test still cleans up.

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestContext } from 'vitest';
import { launchBrowser, Screenshots, type Browser } from './browser';
import { copyWorkspace, startCodeServer, type CodeServer } from './code-server';
import { ensureDir, FatalError, OUTPUT_DIR, ROOT } from './env';
import { Workbench } from './workbench';

/** The quick fix for 【公司名称】 offers the organisation's canonical name from the config. */
export const COMPANY = '恒启数字服务有限公司';
export const WORKSPACE_CONFIG = JSON.stringify({ placeholders: { values: { '【公司名称】': COMPANY } } }, null, 2) + '\n';

export interface SessionOptions {
  label: string;
  extensionsDir: string;
  settings?: Record<string, unknown>;
  /** code-server --locale */
  locale?: string;
  /** An existing workspace (for sessions that share one); else a fresh copy of samples/defects. */
  workspace?: string;
}

export class Session {
  /** Set by the first test of a session when the extension never came up; later tests fail fast with it. */
  broken: Error | undefined;

  private constructor(
    readonly label: string,
    readonly dir: string,
    readonly workspace: string,
    readonly server: CodeServer,
    readonly browser: Browser,
    readonly wb: Workbench,
    readonly shots: Screenshots,
  ) {}

  static async start(options: SessionOptions): Promise<Session> {
    const dir = join(OUTPUT_DIR, options.label);
    rmSync(dir, { recursive: true, force: true });
    ensureDir(dir);
    const workspace =
      options.workspace ?? copyWorkspace(join(ROOT, 'samples/defects'), { '.policylintrc.json': WORKSPACE_CONFIG });
    const server = await startCodeServer({
      workspace,
      extensionsDir: options.extensionsDir,
      settings: options.settings,
      locale: options.locale,
      logFile: join(dir, 'code-server.log'),
    });
    let browser: Browser | undefined;
    try {
      browser = await launchBrowser(join(dir, 'browser-console.log'));
      const wb = new Workbench(browser.page, () => server.logs());
      const session = new Session(options.label, dir, workspace, server, browser, wb, new Screenshots(browser.page, dir));
      await wb.open(server.url);
      return session;
    } catch (e) {
      await browser?.close();
      await server.stop();
      throw e;
    }
  }

  /**
   * For probes that wait on the server: ends the wait at once, with the language client's own
   * words, when the server could not start or died.
   */
  assertServerAlive(): void {
    const failure = this.server.serverFailure();
    if (failure) {
      throw new FatalError(`The policylint language server failed to start or crashed. The language client logged:\n${failure}`);
    }
  }

  /** Throws the first test's failure in later tests instead of letting each one time out. */
  ready(): void {
    if (this.broken) throw new Error(`not run: the extension did not start in this session (${this.broken.message.split('\n')[0]})`);
  }

  async stop(): Promise<void> {
    await this.browser.close();
    await this.server.stop();
  }
}

/** After a failed test, a screenshot of the workbench as it was, named after the test. */
export async function failureScreenshot(session: Session | undefined, ctx: TestContext): Promise<void> {
  if (!session || ctx.task.result?.state !== 'fail') return;
  const slug = ctx.task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
  const file = await session.shots.take(`FAILED-${slug}`).catch(() => undefined);
  if (file) console.log(`[e2e] failure screenshot: ${file}`);
}
