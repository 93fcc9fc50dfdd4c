// Drives VS Code's workbench (as served by code-server) the way a user does: quick open,
// the command palette, Go to Line, keyboard hover, the lightbulb menu, the Problems panel,
// the Outline view. Every step waits for a visible condition; nothing sleeps.

import type { FrameLocator, Locator, Page } from 'playwright-core';
import { waitFor } from './env';

export interface Problem {
  severity: 'error' | 'warning' | 'info' | 'hint' | 'unknown';
  /** The diagnostic's code (policylint: the rule id). */
  code: string;
  source: string;
  message: string;
  file: string;
  line: number;
  column: number;
}

/** A DOM element inside the page, typed structurally: the project compiles without the DOM lib. */
export type El = {
  textContent: string | null;
  parentElement: El | null;
  style: { top: string };
  classList: Iterable<string>;
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): Iterable<El> & ArrayLike<El>;
};

const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_ROWS = '.quick-input-widget .quick-input-list .monaco-list-row';

export class Workbench {
  constructor(
    readonly page: Page,
    /** Extra context for failure messages (logs of the extension host and the server). */
    private readonly diagnose: () => string = () => '',
  ) {}

  /** Loads the workbench and waits until the Explorer shows the workspace folder's files. */
  async open(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  }

  /** Visible notification toasts, for failure messages. */
  async notifications(): Promise<string[]> {
    const toasts = this.page.locator('.notifications-toasts .notification-toast');
    return (await toasts.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  /** Notifications plus the extension's logs: what a failed wait prints. */
  async context(): Promise<string> {
    const n = await this.notifications().catch(() => [] as string[]);
    return `notifications: ${n.length ? n.map((t) => `\n  - ${t}`).join('') : '(none)'}\n${this.diagnose()}`;
  }

  private async quickInput(open: () => Promise<void>, text: string): Promise<void> {
    // A picker left open (by a step that failed before) would take the chord as "next item"
    // instead of opening a fresh picker: close it first, so one failure does not cascade.
    const widget = this.page.locator(QUICK_INPUT);
    if (await widget.isVisible()) {
      await this.page.keyboard.press('Escape');
      await widget.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    }
    await open();
    const input = this.page.locator(`${QUICK_INPUT} .quick-input-box input`);
    await input.waitFor({ state: 'visible' });
    await input.fill(text);
  }

  private async closeQuickInput(): Promise<void> {
    await this.page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
  }

  /**
   * Accepts a picker row and waits for the picker to close. A click that lands while the list
   * is being re-rendered (Quick Open adds the file search's results to the recent ones) is lost
   * and leaves the picker open, as seen on a slow CI machine: then click the row again.
   */
  private async acceptRow(row: Locator): Promise<void> {
    const widget = this.page.locator(QUICK_INPUT);
    for (let attempt = 1; ; attempt++) {
      await row.click();
      try {
        await widget.waitFor({ state: 'hidden', timeout: 5_000 });
        return;
      } catch (e) {
        if (attempt === 4 || !(await widget.isVisible())) throw e;
      }
    }
  }

  /** Runs a command from the palette by its exact title (category included). */
  async runCommand(title: string): Promise<void> {
    await this.quickInput(() => this.page.keyboard.press('F1'), `>${title}`);
    const row = this.page.locator(QUICK_INPUT_ROWS).filter({
      has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }),
    });
    try {
      await row.first().waitFor({ state: 'visible', timeout: 15_000 });
    } catch {
      const shown = await this.page.locator(QUICK_INPUT_ROWS).allInnerTexts();
      await this.page.keyboard.press('Escape');
      throw new Error(`No command titled "${title}" in the command palette; it lists: ${JSON.stringify(shown)}\n${await this.context()}`);
    }
    await this.acceptRow(row.first());
  }

  /** Titles the palette lists for a search text. */
  async paletteTitles(search: string): Promise<string[]> {
    await this.quickInput(() => this.page.keyboard.press('F1'), `>${search}`);
    const rows = this.page.locator(QUICK_INPUT_ROWS);
    await rows.locator('.label-name').first().waitFor({ state: 'visible', timeout: 15_000 });
    const labels = await rows.locator('.label-name').allInnerTexts();
    return labels.map((l) => l.trim());
  }

  async escape(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }

  /** Opens a workspace file with Quick Open and waits for its editor. */
  async openFile(name: string): Promise<void> {
    await this.quickInput(() => this.page.keyboard.press('Control+P'), name);
    const row = this.page.locator(QUICK_INPUT_ROWS).filter({
      has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }),
    });
    await row.first().waitFor({ state: 'visible', timeout: 15_000 });
    await this.acceptRow(row.first());
    await this.activeTab(name).waitFor({ state: 'visible', timeout: 15_000 });
    await this.editor().locator('.view-lines .view-line').first().waitFor({ state: 'visible' });
  }

  activeTab(name: string): Locator {
    return this.page.locator('.tabs-container .tab.active', { hasText: name });
  }

  /** The active text editor. */
  editor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor[data-uri]').first();
  }

  /** Moves the cursor with Go to Line/Column and waits until the status bar shows it there. */
  async goTo(line: number, column: number): Promise<void> {
    // Ctrl+G opens Quick Open in its ":" (line) mode; the text replaces the prefix, so repeat it.
    await this.quickInput(() => this.page.keyboard.press('Control+G'), `:${line}:${column}`);
    // The picker's only row says where Enter goes ("Go to line 19 and character 4.").
    await this.page.locator(QUICK_INPUT_ROWS, { hasText: new RegExp(`\\b${line}\\b.*\\b${column}\\b`) }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await this.page.keyboard.press('Enter');
    await this.closeQuickInput();
    const selection = this.page.locator('.statusbar [id="status.editor.selection"]');
    await waitFor(
      `the cursor at Ln ${line}, Col ${column}`,
      async () => (await selection.innerText()).trim() === `Ln ${line}, Col ${column}`,
      { timeoutMs: 10_000 },
    );
  }

  /** Shows the hover at the cursor (editor.action.showHover) and returns its text once `ready` says so. */
  /** Focuses the visible hover and scrolls it to its end (for a screenshot of its last part). */
  async scrollHoverToEnd(): Promise<void> {
    const content = this.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first();
    // The chord is lost when it comes while the hover is still being laid out (seen on a slow machine): send it again.
    const focused = () => this.page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { activeElement: { closest(s: string): unknown } | null } }).document;
      return Boolean(doc.activeElement?.closest('.monaco-hover'));
    });
    let attempts = 0;
    await waitFor('the hover to take the focus', async () => {
      if (await focused()) return true;
      if (attempts++ % 10 === 0) {
        await this.page.keyboard.press('Control+K');
        await this.page.keyboard.press('Control+I');
      }
      return focused();
    }, { timeoutMs: 15_000 });
    const before = await content.evaluate((el: { scrollTop: number }) => el.scrollTop);
    await this.page.keyboard.press('End');
    await waitFor('the hover to scroll', async () => (await content.evaluate((el: { scrollTop: number }) => el.scrollTop)) > before, { timeoutMs: 5_000 });
  }

  async hoverAtCursor(ready: (text: string) => boolean, what: string): Promise<string> {
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+I');
    const hover = this.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first();
    return waitFor(
      what,
      async () => {
        if (!(await hover.isVisible())) return undefined;
        const text = await hover.innerText();
        return ready(text) ? text : undefined;
      },
      { timeoutMs: 20_000, diagnose: async () => `hover shows: ${JSON.stringify(await hover.innerText().catch(() => '(no hover)'))}\n${await this.context()}` },
    );
  }

  hover(): Locator {
    return this.page.locator('.monaco-hover:not(.hidden)').first();
  }

  /** Opens the lightbulb menu at the cursor and returns the titles of the actions it offers. */
  async codeActions(expect: (titles: string[]) => boolean, what: string): Promise<string[]> {
    await this.page.keyboard.press('Control+.');
    let asked = Date.now();
    const rows = this.page.locator('.action-widget .monaco-list-row.action');
    return waitFor(
      what,
      async () => {
        const titles = (await rows.allInnerTexts()).map((t) => t.trim());
        if (titles.length > 0 && expect(titles)) return titles;
        // Once, in CI, the menu said "No code actions available" on a line with findings, right after
        // the previous test's fix changed the document, and VS Code did not ask again: ask again, as a user would.
        if (Date.now() - asked > 3_000) {
          await this.page.keyboard.press('Escape');
          await this.page.keyboard.press('Control+.');
          asked = Date.now();
        }
        return undefined;
      },
      { timeoutMs: 20_000, diagnose: async () => `menu shows: ${JSON.stringify(await rows.allInnerTexts())}\n${await this.context()}` },
    );
  }

  /**
   * Applies the action with this exact title from the open lightbulb menu, with the keyboard
   * (the menu's pointer shield swallows synthetic clicks): arrow down to it, then Enter.
   */
  async applyCodeAction(title: string): Promise<void> {
    const rows = this.page.locator('.action-widget .monaco-list-row.action');
    const total = await rows.count();
    const focused = this.page.locator('.action-widget .monaco-list-row.action.focused');
    for (let i = 0; i <= total; i++) {
      const label = (await focused.getAttribute('aria-label').catch(() => null)) ?? '';
      if (label === title) {
        await this.page.keyboard.press('Enter');
        await this.page.locator('.action-widget').waitFor({ state: 'hidden' });
        return;
      }
      const before = await focused.getAttribute('id');
      await this.page.keyboard.press('ArrowDown');
      await waitFor('the next action to take the focus', async () => (await focused.getAttribute('id')) !== before, { timeoutMs: 5_000 });
    }
    throw new Error(`no action titled "${title}" in the menu: ${JSON.stringify(await rows.allInnerTexts())}`);
  }

  /** Hides the panel (Problems, Output…) if it is open, so the editor gets the room. */
  async hidePanel(): Promise<void> {
    const panel = this.page.locator('.part.panel');
    if (await panel.isVisible()) {
      await this.runCommand('View: Hide Panel');
      await panel.waitFor({ state: 'hidden' });
    }
  }

  /** Saves the active editor and waits until its tab is no longer dirty. */
  async save(name: string): Promise<void> {
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tabs-container .tab.active.dirty', { hasText: name }).waitFor({ state: 'detached', timeout: 15_000 });
  }

  /**
   * Squiggle decorations on a source line (1-based) of the active editor, which must be
   * rendered (goTo it first): matches the overlay rows by their vertical position (a wrapped
   * line has several).
   */
  async squiggles(line: number): Promise<string[]> {
    return this.editor().evaluate((editor: El, line: number) => {
      const top = (el: El | null) => (el ? parseFloat(el.style.top) : NaN);
      const numbers = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')];
      const here = numbers.find((n) => n.textContent?.trim() === String(line));
      if (!here) return [];
      const start = top(here.parentElement);
      const next = numbers
        .map((n) => ({ n: Number(n.textContent?.trim()), t: top(n.parentElement) }))
        .filter((x) => x.n > line)
        .sort((a, b) => a.t - b.t)[0];
      const end = next ? next.t : Infinity;
      const out: string[] = [];
      for (const row of editor.querySelectorAll('.view-overlays > div')) {
        const t = top(row);
        if (t >= start && t < end) {
          for (const s of row.querySelectorAll('[class*="squiggly-"]')) {
            const kind = [...s.classList].find((c) => c.startsWith('squiggly-'));
            if (kind) out.push(kind.replace('squiggly-', ''));
          }
        }
      }
      return out;
    }, line);
  }

  /** Opens the Problems panel, maximised (table view, see BASE_SETTINGS), and sets its filter. */
  async openProblems(filter = ''): Promise<void> {
    await this.runCommand('Problems: Focus on Problems View');
    const panel = this.page.locator('.part.panel');
    await this.page.locator('.markers-panel').waitFor({ state: 'visible' });
    const viewport = this.page.viewportSize()?.height ?? 900;
    const tall = async () => ((await panel.boundingBox())?.height ?? 0) > viewport / 2;
    if (!(await tall())) {
      await this.runCommand('View: Toggle Maximized Panel');
      await waitFor('the panel to be maximised', tall, { timeoutMs: 10_000 });
    }
    const input = this.page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
    await input.fill(filter);
    await waitFor(
      `the Problems filter to read ${JSON.stringify(filter)}`,
      async () => (await input.inputValue()) === filter,
      { timeoutMs: 5_000 },
    );
  }

  /** Every row of the Problems table, scrolling through the virtualised list. */
  async problems(): Promise<Problem[]> {
    const list = this.page.locator('.markers-panel .markers-table-container .monaco-list');
    const rows = await this.readList(list, (row) => {
      const cell = (col: number) => row.querySelector(`.monaco-table-td[data-col-index="${col}"]`);
      const text = (el: El | null | undefined) => (el?.textContent ?? '').trim();
      const icon = cell(0)?.querySelector('.marker-icon')?.getAttribute('class') ?? '';
      const position = /Ln (\d+), Col (\d+)/.exec(text(cell(3)?.querySelector('.file-position')));
      return {
        severity: ['error', 'warning', 'info', 'hint'].find((s) => icon.includes(`codicon-${s}`)) ?? 'unknown',
        code: text(cell(1)?.querySelector('.monaco-link')) || text(cell(1)?.querySelector('.code-label')),
        source: text(cell(4)),
        message: text(cell(2)),
        file: text(cell(3)?.querySelector('.file-label')),
        line: position ? Number(position[1]) : NaN,
        column: position ? Number(position[2]) : NaN,
      };
    });
    return rows as Problem[];
  }

  /** Outline view rows (label and depth), for the active editor. */
  async outline(): Promise<{ label: string; level: number }[]> {
    await this.runCommand('Explorer: Focus on Outline View');
    // Collapse the Explorer's folder section so that the outline gets the side bar's height.
    const foldersHeader = this.page.locator('.sidebar .split-view-view:first-child .pane-header');
    if ((await foldersHeader.getAttribute('aria-expanded')) === 'true') {
      await foldersHeader.click();
      await waitFor('the Explorer folder section to collapse', async () => (await foldersHeader.getAttribute('aria-expanded')) === 'false', { timeoutMs: 5_000 });
    }

    const list = this.page.locator('.outline-pane .monaco-list');
    await list.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 20_000 });
    return this.readList(list, (row) => ({
      label: (row.querySelector('.label-name')?.textContent ?? '').trim(),
      level: Number(row.getAttribute('aria-level')),
    }));
  }

  /**
   * Reads a virtualised monaco list: takes a snapshot of the rendered rows in one evaluate
   * (rows re-render at any time, so they are never addressed one by one), scrolls with the
   * mouse wheel, and repeats until every index from 0 to aria-setsize-1 has been seen.
   * `read` runs in the page.
   */
  async readList<T>(list: Locator, read: (row: El) => T): Promise<T[]> {
    const seen = new Map<number, T>();
    const snapshot = () =>
      list.evaluate(
        (el: El, source: string) => {
          // eslint-disable-next-line no-new-func
          const fn = new Function(`return (${source})`)() as (row: El) => unknown;
          return [...el.querySelectorAll('.monaco-list-row')].map((row) => ({
            index: Number(row.getAttribute('data-index')),
            total: Number(row.getAttribute('aria-setsize')),
            data: fn(row),
          }));
        },
        read.toString(),
      );
    const box = await list.boundingBox();
    if (!box) throw new Error('list is not visible');
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.mouse.wheel(0, -1_000_000);
    let rows = await waitFor(
      'the list to show its first row',
      async () => {
        const r = await snapshot();
        return r.length === 0 || r.some((x) => x.index === 0) ? r : undefined;
      },
      { timeoutMs: 5_000 },
    );
    for (;;) {
      if (rows.length === 0) return [];
      for (const r of rows) if (!seen.has(r.index)) seen.set(r.index, r.data as T);
      const total = Math.max(...rows.map((r) => r.total));
      if (seen.size >= total) break;
      const last = Math.max(...rows.map((r) => r.index));
      await this.page.mouse.wheel(0, box.height * 0.8);
      rows = await waitFor(
        `the list to render rows after index ${last}`,
        async () => {
          const r = await snapshot();
          return r.some((x) => x.index > last) ? r : undefined;
        },
        { timeoutMs: 5_000 },
      );
    }
    return [...seen.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
  }

  /** The status bar item an extension contributes, by extension id. */
  statusItem(extensionId: string): Locator {
    return this.page.locator(`.statusbar .statusbar-item[id^="${extensionId}."]`);
  }

  /**
   * The content of the visible webview (VS Code puts each webview in an iframe outside the
   * editor part, with the page itself in a nested #active-frame).
   */
  webview(): FrameLocator {
    return this.page.locator('iframe.webview.ready').filter({ visible: true }).last().contentFrame().locator('iframe#active-frame').contentFrame();
  }
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
