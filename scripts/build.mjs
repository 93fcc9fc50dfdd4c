// Builds the three bundles. Everything the CLI and server need is bundled, so the
// published package and the .vsix run without node_modules; only `vscode` stays external.
import { build } from 'esbuild';
import './gen-schema-validator.mjs';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');

// fdir (under tinyglobby) tries to require picomatch from node_modules when it loads, for its
// glob() builder, which tinyglobby never calls (it passes its own bundled matchers). Left in,
// every run reads and compiles six files of node_modules/picomatch at start; taken out here.
const fdirOptionalPicomatch = {
  name: 'fdir-optional-picomatch',
  setup(b) {
    b.onLoad({ filter: /[\\/]fdir[\\/]dist[\\/]index\.mjs$/ }, async (a) => {
      const text = readFileSync(a.path, 'utf8');
      const optional = /__require\.resolve\("picomatch"\);\s*pm = __require\("picomatch"\);/;
      if (!optional.test(text)) throw new Error(`${a.path}: fdir's optional picomatch require changed; update fdirOptionalPicomatch in scripts/build.mjs`);
      return { contents: text.replace(optional, 'throw new Error("picomatch left out of the bundle");'), loader: 'js' };
    });
  },
};
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  // jsonc-parser's UMD build hides its requires from the bundler; its ESM build doesn't.
  mainFields: ['module', 'main'],
  // Some dependencies ship ESM that reads import.meta.url; in a CJS bundle it is this file's URL.
  define: { POLICYLINT_VERSION: JSON.stringify(version), 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  plugins: [fdirOptionalPicomatch],
};

// The web build (package.json "browser"): the client in VS Code's web extension host, the server in a
// web worker. Node's modules are replaced by scripts/web-shims/ (no file system: open documents only),
// and the LSP packages by their browser entries.
const shims = new URL('./web-shims/', import.meta.url).pathname;
const NODE_SHIMS = { fs: 'fs.mjs', 'fs/promises': 'fs-promises.mjs', url: 'url.mjs', crypto: 'crypto.mjs', module: 'module.mjs', buffer: 'buffer.mjs' };
const webAliases = {
  name: 'web-aliases',
  setup(b) {
    b.onResolve({ filter: /^vscode-language(server|client)\/node$/ }, (a) => b.resolve(a.path.replace(/\/node$/, '/browser'), { kind: a.kind, resolveDir: a.resolveDir }));
    b.onResolve({ filter: /^(node:)?(fs|fs\/promises|url|crypto|module|buffer)$/ }, (a) => ({ path: shims + NODE_SHIMS[a.path.replace(/^node:/, '')] }));
    b.onResolve({ filter: /^(node:)?path$/ }, (a) => b.resolve('path-browserify', { kind: a.kind, resolveDir: a.resolveDir }));
  },
};
const web = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  define: { POLICYLINT_VERSION: JSON.stringify(version) },
  banner: {},
  plugins: [webAliases],
};

await Promise.all([
  // 'worker': packages with a DOM build (decode-named-character-reference) have one for workers too.
  build({ ...web, entryPoints: { server: 'server/src/main-browser.ts' }, outdir: 'dist/web', format: 'iife', conditions: ['worker'], inject: [`${shims}globals.mjs`] }),
  build({ ...web, entryPoints: { client: 'client/src/browser.ts' }, outdir: 'dist/web', format: 'cjs', external: ['vscode'] }),
  // The CLI loads dist/engine.js only when a file is not cached, and worker threads load it too.
  build({ ...common, entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: 'dist', define: { ...common.define, 'process.env.POLICYLINT_BUNDLED': '"1"' }, external: ['piscina'] }),
  build({ ...common, entryPoints: { engine: 'server/src/cli/engine-entry.ts' }, outdir: 'dist' }),
  build({ ...common, entryPoints: { server: 'server/src/main.ts' }, outdir: 'dist' }),
  build({ ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
]);
