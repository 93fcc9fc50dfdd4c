// The editor half of `npm run bench`: drives dist/server.js over stdio as an
// LSP client that pulls diagnostics, as VS Code does, and times didChange →
// the textDocument/diagnostic answer for that version, one keystroke at a
// time in the middle of a 50 KB and a 1 MB handbook (made from the samples). Also the server's
// RSS with the whole corpus as its workspace, and the client bundle's size.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import rpc from 'vscode-jsonrpc/node';

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

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function latency(root, text, edits) {
  const dir = mkdtempSync(join(tmpdir(), 'policylint-bench-editor-'));
  const file = join(dir, 'handbook.md');
  writeFileSync(file, text);
  const server = startServer(root, join(dir, 'rss'));
  await initialize(server.connection, dir);
  const uri = pathToFileURL(file).href;
  const pull = () => server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await pull();
  const lines = text.split('\n');
  const middle = Math.floor(lines.length / 2);
  const times = [];
  for (let i = 0; i < edits; i++) {
    const version = i + 2;
    const started = process.hrtime.bigint();
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: middle, character: 0 }, end: { line: middle, character: 0 } }, text: i % 2 ? '\u200B' : '文' }],
    });
    const report = await pull();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (!report || !('kind' in report)) throw new Error('bench: the server sent no diagnostic report');
  }
  await stop(server);
  rmSync(dir, { recursive: true, force: true });
  return { p50: percentile(times, 50), p95: percentile(times, 95), edits, bytes: Buffer.byteLength(text) };
}

async function workspaceRss(root, folder) {
  const dir = mkdtempSync(join(tmpdir(), 'policylint-bench-ws-'));
  const rssFile = join(dir, 'rss');
  const server = startServer(root, rssFile);
  await initialize(server.connection, folder);
  // The SLA table says whether the workspace is still being indexed.
  const started = Date.now();
  for (;;) {
    const table = await server.connection.sendRequest('policylint/slaTable', {});
    if (!table.indexing || Date.now() - started > 300_000) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const indexSeconds = (Date.now() - started) / 1000;
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

export async function measureEditor({ root, corpus, samples, log = () => {} }) {
  const sample = readFileSync(samples, 'utf8');
  const small = await latency(root, handbookOfSize(sample, 50 * 1024), 60);
  log(`editor 50 KB: p50 ${small.p50.toFixed(1)} ms, p95 ${small.p95.toFixed(1)} ms`);
  const large = await latency(root, handbookOfSize(sample, 1024 * 1024), 20);
  log(`editor 1 MB: p50 ${large.p50.toFixed(1)} ms, p95 ${large.p95.toFixed(1)} ms`);
  const ws = await workspaceRss(root, join(corpus, 'zh-regulations'));
  log(`server with zh-regulations as workspace: ${ws.rssMb.toFixed(0)} MB, indexed in ${ws.indexSeconds.toFixed(1)} s`);
  return {
    small,
    large,
    workspaceRssMb: ws.rssMb,
    workspaceIndexSeconds: ws.indexSeconds,
    clientBundleKb: await productionClientSize(root),
  };
}
