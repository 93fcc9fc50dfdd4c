// Debian's Chromium driven by playwright-core: never a downloaded browser.

import { copyFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, DOCS_SCREENSHOTS, ensureDir, requireExecutable, tempDir } from './env';

/** The flags this machine needs: no sandbox as root, and no background network traffic. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** A new Chromium with a fresh, empty profile (--user-data-dir). */
export async function launchBrowser(consoleLog: string): Promise<Browser> {
  requireExecutable(CHROMIUM, 'install Debian chromium with `bash test/e2e/setup.sh`');
  const profile = tempDir('chromium-profile');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    locale: 'en-US',
    timeout: 60_000,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => appendFileSync(consoleLog, `[${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => appendFileSync(consoleLog, `[pageerror] ${e.message}\n`));
  return {
    context,
    page,
    close: async () => {
      await context.close().catch(() => undefined);
    },
  };
}

/** Numbered screenshots in one folder per session; the chosen ones also go to docs/screenshots. */
export class Screenshots {
  private n = 0;
  readonly taken: string[] = [];

  constructor(
    private readonly page: Page,
    readonly dir: string,
  ) {
    ensureDir(dir);
  }

  async take(step: string, docsName?: string): Promise<string> {
    const file = join(this.dir, `${String(++this.n).padStart(2, '0')}-${step}.png`);
    await this.page.screenshot({ path: file });
    this.taken.push(file);
    if (docsName && process.env.POLICYLINT_E2E_KEEP_DOCS_SCREENSHOTS !== '1') {
      copyFileSync(file, join(ensureDir(DOCS_SCREENSHOTS), docsName));
    }
    return file;
  }
}
