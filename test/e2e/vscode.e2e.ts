// The extension in a real VS Code: code-server in Debian's Chromium, driven by Playwright.
// Packages the .vsix (`npm run package`), installs it with `code-server --install-extension`,
// and checks what a compliance writer sees: squiggles, the Problems panel, the SLA hover card,
// quick fixes, the outline, the status bar item and the SLA table, once with
// policylint.locale = zh-CN and once with en. A third session tries code-server's
// --locale zh-cn for the extension's package.nls.zh-cn.json.
//
// Screenshots of every step go to test-output/e2e/<session>/ (printed at the start); the
// README's ones are also copied into docs/screenshots/ on every run, so they show the current UI.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { commandTitle, EXTENSION_ID, installVsix, packageVsix } from './helpers/code-server';
import { cleanupTemp, codeServerBin, OUTPUT_DIR, waitFor } from './helpers/env';
import { annotated, cliFindings, HAN, keys, type CliFinding } from './helpers/expected';
import { COMPANY, failureScreenshot, Session } from './helpers/session';
import { escapeRegExp, type Problem } from './helpers/workbench';

const HANDBOOK = 'customer-service-handbook.md';
/** No Markdown headings at all: its outline comes from numbered plain lines (第一章, 第一条). */
const PLAIN_ZH = 'website-service-policy.md';
const PLAIN_EN = 'plain-numbered-policy-en.md';

let extensionsDir = '';
let extensionPath = '';

beforeAll(() => {
  console.log(`[e2e] VS Code screenshots and logs: ${OUTPUT_DIR}/vscode-*`);
  codeServerBin(); // fails with "run test/e2e/setup.sh" when missing
  const started = Date.now();
  const vsix = packageVsix();
  const installed = installVsix(vsix);
  extensionsDir = installed.extensionsDir;
  extensionPath = join(extensionsDir, `${EXTENSION_ID}-${installed.version}`);
  console.log(`[e2e] packaged and installed ${vsix} (${installed.version}) in ${Date.now() - started} ms`);
}, 420_000);

afterAll(() => cleanupTemp());

/** Text of a 1-based line of a workspace file, as saved on disk. */
function lineOf(session: Session, file: string, line: number): string {
  return readFileSync(join(session.workspace, file), 'utf8').split(/\r?\n/)[line - 1] ?? '';
}

/** VS Code's 1-based column of `needle` on a line (UTF-16 units, like the editor's Col). */
function columnOf(session: Session, file: string, line: number, needle: string): number {
  const i = lineOf(session, file, line).indexOf(needle);
  if (i < 0) throw new Error(`"${needle}" is not on line ${line} of ${file}`);
  return i + 1;
}

function severityOf(f: CliFinding): Problem['severity'] {
  return f.severity;
}

/**
 * Waits until the Problems panel shows exactly the CLI's findings for `file` (diagnostics can
 * arrive in two steps: the document first, then cross-document SLA findings), then compares
 * every field.
 */
async function expectProblemsMatchCli(session: Session, file: string, cli: CliFinding[]): Promise<Problem[]> {
  const { wb } = session;
  await wb.openProblems(file);
  let rows: Problem[] = [];
  const want = keys(cli);
  await waitFor(
    `the Problems panel to list the CLI's ${want.length} findings for ${file}`,
    async () => {
      session.assertServerAlive();
      rows = (await wb.problems()).filter((p) => p.file === file);
      return JSON.stringify(keys(rows.map((r) => ({ ruleId: r.code, line: r.line })))) === JSON.stringify(want);
    },
    {
      timeoutMs: 45_000,
      intervalMs: 500,
      diagnose: async () =>
        `Problems panel: ${JSON.stringify(keys(rows.map((r) => ({ ruleId: r.code, line: r.line }))))}\nCLI:            ${JSON.stringify(want)}\n${await wb.context()}`,
    },
  );
  const show = (p: { code: string; line: number; column: number; severity: string; message: string; source?: string }) =>
    `${p.code}:${p.line}:${p.column} ${p.severity} ${p.message}`;
  expect(rows.map((r) => show(r)).sort()).toEqual(
    cli.map((f) => show({ code: f.ruleId, line: f.line, column: f.column, severity: severityOf(f), message: f.message })).sort(),
  );
  expect(new Set(rows.map((r) => r.source))).toEqual(new Set(['policylint']));
  return rows;
}

describe('VS Code (code-server) with policylint.locale = zh-CN', () => {
  let session: Session;
  let cli: Map<string, CliFinding[]>;

  beforeAll(async () => {
    session = await Session.start({ label: 'vscode-zh-CN', extensionsDir, settings: { 'policylint.locale': 'zh-CN' } });
    cli = cliFindings(session.workspace, 'zh-CN');
  }, 120_000);

  afterAll(async () => {
    await session?.stop();
  }, 30_000);

  afterEach(async (ctx: TestContext) => failureScreenshot(session, ctx), 30_000);

  it('activates on a Markdown policy and draws squiggles', async () => {
    const { wb, shots } = session;
    try {
      await wb.openFile(HANDBOOK);
      // Line 19: the 【公司名称】 placeholder (error); line 25: 1.2 used twice (warning).
      await wb.goTo(19, 1);
      await waitFor('an error squiggle on line 19 (placeholder 【公司名称】)', async () => {
        session.assertServerAlive();
        return (await wb.squiggles(19)).includes('error');
      }, {
        timeoutMs: 60_000,
        intervalMs: 250,
        diagnose: () => wb.context(),
      });
      await shots.take('editor-squiggles');
      await wb.goTo(25, 1);
      await waitFor('a warning squiggle on line 25 (numbering 1.2 twice)', async () => (await wb.squiggles(25)).includes('warning'), {
        timeoutMs: 15_000,
        diagnose: () => wb.context(),
      });
    } catch (e) {
      session.broken = e as Error;
      throw e;
    }
  }, 120_000);

  it('lists the expected rule ids and Chinese messages in the Problems panel', async () => {
    session.ready();
    const expected = cli.get(HANDBOOK) ?? [];
    const rows = await expectProblemsMatchCli(session, HANDBOOK, expected);
    for (const k of keys(annotated(`defects/${HANDBOOK}`))) expect(keys(rows.map((r) => ({ ruleId: r.code, line: r.line })))).toContain(k);
    expect(rows.every((r) => HAN.test(r.message)), 'every message is in Chinese').toBe(true);
    expect(rows.find((r) => r.code === 'placeholder' && r.line === 19)?.message).toContain('【公司名称】');
    await session.shots.take('problems-panel-maximised');
    // For the README: the editor with its squiggles above, the panel below.
    await session.wb.runCommand('View: Toggle Maximized Panel');
    await session.wb.goTo(19, 1);
    await session.shots.take('problems-panel', 'problems-panel.png');
  }, 120_000);

  it('lists, for every file of the workspace, the findings the CLI reports (cross-document ones included)', async () => {
    session.ready();
    const { wb } = session;
    await wb.openProblems('');
    const want = [...cli.entries()].flatMap(([file, fs]) => fs.map((f) => `${file}:${f.line}:${f.column} ${f.ruleId}`)).sort();
    let got: string[] = [];
    let rows: Problem[] = [];
    await waitFor(
      `the Problems panel to list all ${want.length} findings of the workspace`,
      async () => {
        rows = await wb.problems();
        got = rows.map((p) => `${p.file}:${p.line}:${p.column} ${p.code}`).sort();
        return JSON.stringify(got) === JSON.stringify(want);
      },
      {
        timeoutMs: 45_000,
        intervalMs: 500,
        diagnose: async () => `only in the panel: ${JSON.stringify(got.filter((g) => !want.includes(g)))}\nonly in the CLI: ${JSON.stringify(want.filter((w) => !got.includes(w)))}\n${await wb.context()}`,
      },
    );
    // Messages differ only where one names another file: report those, do not hide them.
    // Several findings can share a position (two missing sections at the title), so compare
    // the messages of each file:line:column:rule as sorted lists.
    const byKey = (entries: [string, string][]) => {
      const m = new Map<string, string[]>();
      for (const [k, v] of entries) m.set(k, [...(m.get(k) ?? []), v].sort());
      return m;
    };
    const inPanel = byKey(rows.map((p) => [`${p.file}:${p.line}:${p.column} ${p.code}`, p.message]));
    const inCli = byKey([...cli.entries()].flatMap(([file, fs]) => fs.map((f) => [`${file}:${f.line}:${f.column} ${f.ruleId}`, f.message] as [string, string])));
    const differ = [...inPanel].filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(inCli.get(k)));
    if (differ.length) {
      console.log(`[e2e] ${differ.length} messages differ from the CLI's:\n${differ.map(([k, v]) => `  ${k}: ${v.join(' | ')}\n    CLI: ${inCli.get(k)?.join(' | ')}`).join('\n')}`);
    }
    await wb.runCommand('View: Toggle Maximized Panel');
  }, 90_000);

  it('shows the SLA hover card: normalised value and the other statement of the same promise', async () => {
    session.ready();
    const { wb, shots } = session;
    await wb.openFile(HANDBOOK);
    await wb.hidePanel();
    // Line 100: ticket reply within 24 小时 (calendar), while line 84 says 1个工作日.
    await wb.goTo(100, columnOf(session, HANDBOOK, 100, '24小时') + 1);
    const text = await wb.hoverAtCursor((t) => /SLA/.test(t) && /:84/.test(t), 'the SLA hover card on 24小时 (line 100)');
    expect(text).toContain('SLA 承诺');
    expect(text, 'normalised value (as the inlay hint says it)').toMatch(/24\s*小时\s*=\s*1[\s\u00a0]?440\s*min/);
    expect(text, 'heading of the related statements').toContain('同一承诺的其他表述');
    expect(text, 'the other statement, line 84').toMatch(/customer-service-handbook\.md:84/);
    expect(text).toMatch(/1\s*个工作日/);
    await shots.take('hover-sla');
    // The card scrolls; its end holds the other statements of the promise.
    await wb.scrollHoverToEnd();
    await shots.take('hover-sla-related', 'hover.png');
    await wb.escape();
  }, 60_000);

  it('quick fix: fills the 【公司名称】 placeholder with the configured value', async () => {
    session.ready();
    const { wb, shots } = session;
    await wb.openFile(HANDBOOK);
    const before = readFileSync(join(session.workspace, HANDBOOK), 'utf8');
    await wb.goTo(19, columnOf(session, HANDBOOK, 19, '【公司名称】') + 1);
    const title = `填入「${COMPANY}」`;
    await wb.codeActions((titles) => titles.includes(title), `the quick fix "${title}" at line 19`);
    await shots.take('quick-fix-placeholder-menu', 'quick-fix.png');
    await wb.applyCodeAction(title);
    await wb.save(HANDBOOK);
    await waitFor('line 19 to be saved with the company name', () => lineOf(session, HANDBOOK, 19).startsWith(`为规范${COMPANY}客户服务工作`), {
      timeoutMs: 10_000,
    });
    const after = readFileSync(join(session.workspace, HANDBOOK), 'utf8');
    expect(after).toBe(before.replace('为规范【公司名称】客户服务工作', `为规范${COMPANY}客户服务工作`));
    await wb.goTo(19, 1);
    await waitFor('the error squiggle on line 19 to go away', async () => !(await wb.squiggles(19)).includes('error'), { timeoutMs: 15_000 });
    await shots.take('quick-fix-placeholder-done', 'quick-fix-result.png');
  }, 90_000);

  it('quick fix: inserts the missing privacy section', async () => {
    session.ready();
    const { wb, shots } = session;
    await wb.openFile(HANDBOOK);
    const before = readFileSync(join(session.workspace, HANDBOOK), 'utf8');
    await wb.goTo(1, 4);
    const titles = await wb.codeActions((t) => t.some((x) => /^插入「.+」章节$/.test(x)), 'the quick fix that inserts the missing section (line 1)');
    const title = titles.find((x) => /^插入「.+」章节$/.test(x))!;
    const heading = /^插入「(.+)」章节$/.exec(title)![1];
    await shots.take('quick-fix-section-menu');
    await wb.applyCodeAction(title);
    await wb.save(HANDBOOK);
    // The TOC already names the chapter, so wait for a new heading line, not just the words.
    const headingLine = new RegExp(`^#{1,6}\\s.*${escapeRegExp(heading)}`, 'gm');
    const headingsBefore = (before.match(headingLine) ?? []).length;
    await waitFor(
      `a new "${heading}" heading in the saved file`,
      () => (readFileSync(join(session.workspace, HANDBOOK), 'utf8').match(headingLine) ?? []).length > headingsBefore,
      { timeoutMs: 10_000 },
    );
    const after = readFileSync(join(session.workspace, HANDBOOK), 'utf8');
    writeFileSync(join(session.dir, 'insert-section.before.md'), before);
    writeFileSync(join(session.dir, 'insert-section.after.md'), after);
    // An insertion of a heading skeleton; the chapters after it may be renumbered, nothing else changes.
    const a = before.split('\n');
    const b = after.split('\n');
    let start = 0;
    while (start < a.length && a[start] === b[start]) start++;
    const inserted = b.slice(start, start + (b.length - a.length));
    expect(inserted.some((l) => /^#{1,6}\s/.test(l) && l.includes(heading)), `inserted lines: ${JSON.stringify(inserted)}`).toBe(true);
    const rest = [...b.slice(0, start), ...b.slice(start + inserted.length)];
    expect(rest).toHaveLength(a.length);
    const chapter = /^(#{1,6}\s*)第[一二三四五六七八九十百零〇]+章(\s*.*)$/;
    const changed = a.map((line, i) => [line, rest[i]] as const).filter(([x, y]) => x !== y);
    for (const [x, y] of changed) {
      const mx = chapter.exec(x);
      const my = chapter.exec(y!);
      expect(mx && my && mx[1] === my[1] && mx[2] === my[2], `only chapter numbers change: ${JSON.stringify(x)} -> ${JSON.stringify(y)}`).toBe(true);
    }
    // The required-section finding for privacy is gone from the Problems panel.
    await wb.openProblems(HANDBOOK);
    await waitFor(
      'the required-section problem to disappear',
      async () => !(await wb.problems()).some((p) => p.file === HANDBOOK && p.code === 'required-section'),
      { timeoutMs: 30_000, intervalMs: 500, diagnose: () => wb.context() },
    );
    await wb.hidePanel();
    await wb.goTo(start + 1, 1);
    await shots.take('quick-fix-section-done');
  }, 120_000);

  it('outline: plain numbered lines (第一章, 第一条) of a document with no Markdown headings', async () => {
    session.ready();
    const { wb, shots } = session;
    await wb.openFile(PLAIN_ZH);
    const text = readFileSync(join(session.workspace, PLAIN_ZH), 'utf8');
    expect(text).not.toMatch(/^#/m);
    let rows: { label: string; level: number }[] = [];
    await waitFor(
      'the outline to list 第一章 总则 and 第二章 服务渠道与服务时间',
      async () => {
        rows = await wb.outline();
        const labels = rows.map((r) => r.label);
        return labels.some((l) => l.includes('第一章') && l.includes('总则')) && labels.some((l) => l.includes('第二章'));
      },
      { timeoutMs: 30_000, intervalMs: 500, diagnose: async () => `outline: ${JSON.stringify(rows)}\n${await wb.context()}` },
    );
    const chapter = rows.find((r) => r.label.includes('第二章'))!;
    const article = rows.find((r) => r.label.includes('第四条'));
    expect(article, `第四条 in the outline: ${JSON.stringify(rows.map((r) => r.label))}`).toBeDefined();
    expect(article!.level, '第四条 is nested under its chapter').toBeGreaterThan(chapter.level);
    await shots.take('outline-plain-numbered', 'outline.png');
  }, 90_000);

  it('status bar item: document kind and problem count', async () => {
    session.ready();
    const { wb, shots } = session;
    await wb.openFile(HANDBOOK);
    // The counts after the two quick fixes above, as the CLI sees the saved file.
    const now = cliFindings(session.workspace, 'zh-CN').get(HANDBOOK) ?? [];
    const errors = now.filter((f) => f.severity === 'error').length;
    const warnings = now.filter((f) => f.severity === 'warning').length;
    const item = wb.statusItem(EXTENSION_ID);
    let text = '';
    // The item follows policylint.locale (zh-CN in this session), like the diagnostics.
    const want = new RegExp(`客户服务手册.*\\b${errors}\\b.*\\b${warnings}\\b`);
    await waitFor(
      `the policylint status bar item to show "客户服务手册", ${errors} errors and ${warnings} warnings`,
      async () => {
        text = (await item.first().innerText()).replace(/\s+/g, ' ').trim();
        return want.test(text);
      },
      { timeoutMs: 20_000, diagnose: async () => `status bar item: ${JSON.stringify(text)}\n${await wb.context()}` },
    );
    await shots.take('status-bar');
  }, 60_000);

  it('"Show SLA table" lists the workspace\'s commitments with their status', async () => {
    session.ready();
    const { wb, shots } = session;
    await wb.openFile(HANDBOOK);
    await wb.runCommand(commandTitle(extensionPath, 'policylint.showSlaTable'));
    const view = wb.webview();
    const at = (file: string, line: number) => new RegExp(`^${file.replace(/[.]/g, '\\.')}:${line}$`);
    const row = (line: number) => view.locator('tbody tr').filter({ has: view.locator('td:first-child', { hasText: at(HANDBOOK, line) }) });
    let text = '';
    await waitFor(
      'the SLA table to list the commitments of the handbook',
      async () => {
        text = await view.locator('body').innerText({ timeout: 1_000 });
        return (await row(100).count()) > 0;
      },
      { timeoutMs: 30_000, intervalMs: 500, diagnose: async () => `SLA table: ${JSON.stringify(text.slice(0, 2000))}\n${await wb.context()}` },
    );
    // Line 100 (24小时) and line 84 (1个工作日) are the same promise on two clocks: both rows say so,
    // neither says "consistent" nor "conflict". Line 117's value is a blank.
    expect(await row(100).getAttribute('class')).toContain('status-clock-mismatch');
    expect(await row(84).getAttribute('class')).toContain('status-clock-mismatch');
    expect(await row(100).innerText()).toContain('计时口径不同');
    // The normalised value as the hover and the inlay hint give it.
    expect(await row(100).innerText()).toMatch(/24\s*小时\s*=\s*1[\s\u00a0]?440\s*min/);
    expect(await row(117).getAttribute('class')).toContain('status-placeholder');
    // Commitments of the other documents of the workspace are there too.
    expect(await view.locator('tbody tr').filter({ hasText: 'complaint-commitment-letter.md:' }).count()).toBeGreaterThan(0);
    await shots.take('sla-table');
    await wb.runCommand('View: Maximize Editor Group and Hide Side Bars');
    await waitFor('the table to fill the window', async () => !(await wb.page.locator('.part.sidebar').isVisible()), { timeoutMs: 10_000 });
    await view.locator('tbody tr').first().waitFor({ state: 'visible' });
    await shots.take('sla-table-maximised', 'sla-table.png');
  }, 60_000);
});

describe('VS Code (code-server) with policylint.locale = en', () => {
  let session: Session;
  let cli: Map<string, CliFinding[]>;

  beforeAll(async () => {
    session = await Session.start({ label: 'vscode-en', extensionsDir, settings: { 'policylint.locale': 'en' } });
    cli = cliFindings(session.workspace, 'en');
  }, 120_000);

  afterAll(async () => {
    await session?.stop();
  }, 30_000);

  afterEach(async (ctx: TestContext) => failureScreenshot(session, ctx), 30_000);

  it('lists English messages for the Chinese handbook in the Problems panel', async () => {
    const { wb, shots } = session;
    try {
      await wb.openFile(HANDBOOK);
      const rows = await expectProblemsMatchCli(session, HANDBOOK, cli.get(HANDBOOK) ?? []);
      expect(rows.find((r) => r.code === 'placeholder' && r.line === 19)?.message).toMatch(/^Placeholder "【公司名称】" is not filled in/);
      expect(rows.every((r) => !/[，。：「」]/.test(r.message)), 'no Chinese sentence punctuation in English messages').toBe(true);
      await wb.runCommand('View: Toggle Maximized Panel');
      await wb.goTo(19, 1);
      await shots.take('problems-panel-en', 'problems-panel-en.png');
    } catch (e) {
      session.broken = e as Error;
      throw e;
    }
  }, 120_000);

  it('shows the SLA hover card in English', async () => {
    session.ready();
    const { wb, shots } = session;
    await wb.openFile(HANDBOOK);
    await wb.hidePanel();
    await wb.goTo(100, columnOf(session, HANDBOOK, 100, '24小时') + 1);
    const text = await wb.hoverAtCursor((t) => /SLA commitment/.test(t) && /:84/.test(t), 'the English SLA hover card on 24小时 (line 100)');
    expect(text).toMatch(/Normalised/);
    expect(text).toMatch(/1[\s\u00a0]?440\s*min/);
    expect(text).toContain('Other statements of the same promise');
    expect(text).toMatch(/customer-service-handbook\.md:84/);
    await shots.take('hover-sla-en', 'hover-en.png');
    await wb.escape();
  }, 60_000);

  it('outline: plain numbered lines of an English policy', async () => {
    session.ready();
    const { wb, shots } = session;
    await wb.openFile(PLAIN_EN);
    let rows: { label: string; level: number }[] = [];
    await waitFor(
      'the outline to list "1. General" and "2. Contact Channels"',
      async () => {
        rows = await wb.outline();
        const labels = rows.map((r) => r.label);
        return labels.some((l) => /1\.?\s*General/.test(l)) && labels.some((l) => /2\.?\s*Contact Channels/.test(l));
      },
      { timeoutMs: 30_000, intervalMs: 500, diagnose: async () => `outline: ${JSON.stringify(rows)}\n${await wb.context()}` },
    );
    await shots.take('outline-plain-numbered-en');
  }, 90_000);
});

describe('code-server --locale zh-cn (VS Code display language)', () => {
  let session: Session;

  beforeAll(async () => {
    session = await Session.start({ label: 'vscode-display-zh-cn', extensionsDir, locale: 'zh-cn' });
  }, 120_000);

  afterAll(async () => {
    await session?.stop();
  }, 30_000);

  afterEach(async (ctx: TestContext) => failureScreenshot(session, ctx), 30_000);

  it('reports which strings the extension\'s contributions show (package.nls.json vs package.nls.zh-cn.json)', async () => {
    const { wb, shots } = session;
    const nls = (name: string) => {
      const file = join(extensionPath, name);
      return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : undefined;
    };
    const en = nls('package.nls.json');
    const zh = nls('package.nls.zh-cn.json');
    expect(en, `${extensionPath}/package.nls.json`).toBeDefined();
    expect(zh, `${extensionPath}/package.nls.zh-cn.json`).toBeDefined();
    await wb.openFile(HANDBOOK);
    // Activated (its status bar item is up), so its contributions are registered.
    await wb.statusItem(EXTENSION_ID).first().waitFor({ state: 'visible', timeout: 60_000 });
    const titles = await wb.paletteTitles('policylint');
    await shots.take('palette-display-locale-zh-cn');
    await wb.escape();
    const english = titles.filter((t) => Object.values(en!).some((v) => t.endsWith(v)));
    const chinese = titles.filter((t) => Object.values(zh!).some((v) => t.endsWith(v)));
    console.log(
      `[e2e] code-server --locale zh-cn: the palette lists ${JSON.stringify(titles)}: ` +
        `${english.length} from package.nls.json, ${chinese.length} from package.nls.zh-cn.json ` +
        `(VS Code resolves the display language through an installed language pack; without one it stays English)`,
    );
    // The extension's commands are there, with titles from one of its nls files.
    expect(english.length + chinese.length).toBeGreaterThan(0);
    // What can be checked without a language pack: the Chinese file translates every key.
    expect(Object.keys(zh!).sort()).toEqual(Object.keys(en!).sort());
    for (const [key, value] of Object.entries(zh!)) expect(value, `package.nls.zh-cn.json ${key}`).toMatch(HAN);
  }, 90_000);
});
