// The editor half of `npm run bench`: drives dist/server.js over stdio as an
// LSP client that pulls diagnostics, as VS Code does, and times didChange →
// the textDocument/diagnostic answer for that version, one keystroke at a
// time in the middle of a 50 KB and a 1 MB handbook (made from the samples), and over a longer
// session of sentences typed into the 1 MB one; and
// didOpen of the 1 MB handbook → its first diagnostics, in a fresh server each time. Also the
// server's peak RSS over each typing session (what it keeps between keystrokes must not grow
// with them) and with the whole corpus as its workspace, and the client bundle's size.

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import rpc from 'vscode-jsonrpc/node';
import { median, percentile } from './bench-stats.mjs';

const SETTINGS = { enable: true, locale: 'auto', run: 'onType', inlayHints: { enable: true }, trace: { server: 'off' } };

/** Repeats the sample's chapters until the document reaches `bytes`. */
function handbookOfSize(sample, bytes) {
  const body = sample.slice(sample.indexOf('\n## '));
  let out = sample;
  for (let i = 2; Buffer.byteLength(out) < bytes; i++) out += body.replace(/^## (.*)$/gm, `## $1（续${i}）`);
  return out;
}

function startServer(root, rssFile) {
  const child = spawn(process.execPath, ['--require', join(root, 'scripts/rss-probe.cjs'), join(root, 'dist/server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, POLICYLINT_RSS_FILE: rssFile },
  });
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => SETTINGS));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification(() => {});
  connection.listen();
  return { child, connection };
}

async function initialize(connection, folder) {
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'bench' }],
    capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false }, publishDiagnostics: { versionSupport: true }, synchronization: {} } },
  });
  await connection.sendNotification('initialized', {});
}

async function stop({ child, connection }) {
  await connection.sendRequest('shutdown').catch(() => {});
  await connection.sendNotification('exit').catch(() => {});
  await new Promise((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once('exit', resolve);
  });
  connection.dispose();
}

/** The bench's keystrokes: one character at the start of the middle line, 文 and U+200B in turn. */
function atMiddleLine(text, edits) {
  const middle = Math.floor(text.split('\n').length / 2);
  return Array.from({ length: edits }, (_, i) => ({ line: middle, character: 0, text: i % 2 ? '\u200B' : '文' }));
}

const SENTENCE = '客户投诉须在两个工作日内给予答复，并告知处理进度。';

/**
 * A sentence typed one character at a time after the first full stop past 30%, 50% and 70% of
 * the text, `perPlace` characters at each: a longer session than the bench's keystrokes, in the
 * middle of paragraphs, as a writer types.
 */
function sentences(text, perPlace) {
  const keystrokes = [];
  for (const fraction of [0.3, 0.5, 0.7]) {
    const at = text.indexOf('。', Math.floor(text.length * fraction)) + 1;
    const line = text.slice(0, at).split('\n').length - 1;
    const character = at - (text.lastIndexOf('\n', at - 1) + 1);
    for (let n = 0; n < perPlace; n++) keystrokes.push({ line, character: character + n, text: SENTENCE[n % SENTENCE.length] });
  }
  return keystrokes;
}

/**
 * Types the keystrokes ({ line, character, text }: an insertion each) and times each
 * didChange → diagnostics answer. Pulls carry the result id of the last answer, as VS Code's
 * client sends it, so an answer whose diagnostics did not change is the short "unchanged" report;
 * `unchanged` counts those. With `full`, no result id is sent and every answer carries all the
 * diagnostics: the worst case.
 */
async function latency(root, text, keystrokes, { full = false } = {}) {
  const edits = keystrokes.length;
  const dir = mkdtempSync(join(tmpdir(), 'policylint-bench-editor-'));
  const file = join(dir, 'handbook.md');
  writeFileSync(file, text);
  const rssFile = join(dir, 'rss');
  const server = startServer(root, rssFile);
  await initialize(server.connection, dir);
  const uri = pathToFileURL(file).href;
  let resultId;
  let unchanged = 0;
  const pull = async () => {
    const report = await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, ...(resultId && !full ? { previousResultId: resultId } : {}) });
    if (!report || !('kind' in report)) throw new Error('bench: the server sent no diagnostic report');
    if (report.kind === 'unchanged') unchanged++;
    resultId = report.resultId;
    return report;
  };
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await pull();
  unchanged = 0;
  const times = [];
  for (const [i, { line, character, text: typed }] of keystrokes.entries()) {
    const version = i + 2;
    const started = process.hrtime.bigint();
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: typed }],
    });
    await pull();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  await stop(server);
  // What the server held at its peak: the document, and what it keeps between keystrokes.
  const rssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
  rmSync(dir, { recursive: true, force: true });
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times), edits, unchanged, bytes: Buffer.byteLength(text), rssMb };
}

/** Waits until the server has indexed its workspace folder (the SLA table says whether it still is). */
async function indexed(connection) {
  const started = Date.now();
  for (;;) {
    const table = await connection.sendRequest('policylint/slaTable', {});
    if (!table.indexing || Date.now() - started > 300_000) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return (Date.now() - started) / 1000;
}

/**
 * didOpen → the answer to the first textDocument/diagnostic, as VS Code sends them when a
 * document is opened, in a fresh server each time. Fresh, because the server memoises its
 * analysis by text (chunks, commitments): a second open of the same text in one server would
 * time those caches, not the work a user waits for on opening a document. The server has
 * finished indexing its (empty) workspace folder before the file is written into it, so that
 * it has never seen the text and nothing else competes for the CPU.
 */
async function firstDiagnostics(root, text, opens) {
  const times = [];
  let findings = 0;
  for (let i = 0; i < opens; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'policylint-bench-open-'));
    const server = startServer(root, join(dir, 'rss'));
    const folder = join(dir, 'workspace');
    mkdirSync(folder);
    await initialize(server.connection, folder);
    await indexed(server.connection);
    const file = join(folder, 'handbook.md');
    writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    const started = process.hrtime.bigint();
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const report = await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    // The handbook has findings (toc-mismatch on the repeated chapters): an empty answer would be a report before the analysis.
    if (report?.kind !== 'full' || report.items.length === 0) throw new Error(`bench: the first diagnostics after didOpen held no findings (${JSON.stringify(report).slice(0, 200)})`);
    findings = report.items.length;
    await stop(server);
    rmSync(dir, { recursive: true, force: true });
  }
  return { median: median(times), max: Math.max(...times), opens, findings, bytes: Buffer.byteLength(text), times };
}

async function workspaceRss(root, folder) {
  const dir = mkdtempSync(join(tmpdir(), 'policylint-bench-ws-'));
  const rssFile = join(dir, 'rss');
  const server = startServer(root, rssFile);
  await initialize(server.connection, folder);
  const indexSeconds = await indexed(server.connection);
  await stop(server);
  const rssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
  rmSync(dir, { recursive: true, force: true });
  return { rssMb, indexSeconds };
}

/** The client bundle as `npm run package` ships it: minified, no source map. */
async function productionClientSize(root) {
  const { build } = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'policylint-bench-client-'));
  await build({ entryPoints: [join(root, 'client/src/extension.ts')], bundle: true, platform: 'node', format: 'cjs', minify: true, external: ['vscode'], outfile: join(dir, 'client.js'), mainFields: ['module', 'main'], logLevel: 'warning' });
  const size = statSync(join(dir, 'client.js')).size / 1024;
  rmSync(dir, { recursive: true, force: true });
  return size;
}

/** 60 characters typed at each of three places of the 1 MB handbook (`sentences`). */
async function typingSentences(root, samples) {
  const text = handbookOfSize(readFileSync(samples, 'utf8'), 1024 * 1024);
  return latency(root, text, sentences(text, 60));
}

/** didOpen of a 1 MB handbook → its first diagnostics, `opens` times. */
export async function measureOpen({ root, samples, opens, log = () => {} }) {
  const open = await firstDiagnostics(root, handbookOfSize(readFileSync(samples, 'utf8'), 1024 * 1024), opens);
  log(`editor 1 MB didOpen → first diagnostics: median ${open.median.toFixed(0)} ms of ${opens} (${open.findings} findings)`);
  return open;
}

/** Keystrokes on 50 KB and 1 MB, the server's RSS with zh-regulations as its workspace, the client bundle. */
export async function measureEditor({ root, corpus, samples, log = () => {} }) {
  const sample = readFileSync(samples, 'utf8');
  const sizes = { small: [50 * 1024, 60, '50 KB'], large: [1024 * 1024, 20, '1 MB'] };
  const typed = {};
  for (const [name, [bytes, edits, label]] of Object.entries(sizes)) {
    const text = handbookOfSize(sample, bytes);
    const asked = await latency(root, text, atMiddleLine(text, edits));
    const full = await latency(root, text, atMiddleLine(text, edits), { full: true });
    typed[name] = { ...asked, full };
    log(`editor ${label}: p50 ${asked.p50.toFixed(1)} ms, p95 ${asked.p95.toFixed(1)} ms (${asked.unchanged} of ${edits} answers "unchanged"); every answer in full: p50 ${full.p50.toFixed(1)} ms, p95 ${full.p95.toFixed(1)} ms; server peak RSS ${asked.rssMb.toFixed(0)} MB`);
  }
  const { small, large } = typed;
  const sentence = await typingSentences(root, samples);
  log(`editor 1 MB, a sentence typed at three places (${sentence.edits} keystrokes): p50 ${sentence.p50.toFixed(1)} ms, p95 ${sentence.p95.toFixed(1)} ms, slowest ${sentence.max.toFixed(1)} ms`);
  const ws = await workspaceRss(root, join(corpus, 'zh-regulations'));
  log(`server with zh-regulations as workspace: ${ws.rssMb.toFixed(0)} MB, indexed in ${ws.indexSeconds.toFixed(1)} s`);
  return {
    small,
    large,
    sentence,
    workspaceRssMb: ws.rssMb,
    workspaceIndexSeconds: ws.indexSeconds,
    clientBundleKb: await productionClientSize(root),
  };
}
