// Builds the three bundles. Everything the CLI and server need is bundled, so the
// published package and the .vsix run without node_modules; only `vscode` stays external.
import { build } from 'esbuild';
import './gen-schema-validator.mjs';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');
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
};

await Promise.all([
  // The CLI loads dist/engine.js only when a file is not cached, and worker threads load it too.
  build({ ...common, entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: 'dist', define: { ...common.define, 'process.env.POLICYLINT_BUNDLED': '"1"' }, external: ['piscina'] }),
  build({ ...common, entryPoints: { engine: 'server/src/cli/engine-entry.ts' }, outdir: 'dist' }),
  build({ ...common, entryPoints: { server: 'server/src/main.ts' }, outdir: 'dist' }),
  build({ ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
]);
