// Builds the three bundles. Everything the CLI and server need is bundled, so the
// published package and the .vsix run without node_modules; only `vscode` stays external.
import { build } from 'esbuild';
import './gen-schema-validator.mjs';

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
};

await Promise.all([
  build({ ...common, entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: 'dist' }),
  build({ ...common, entryPoints: { server: 'server/src/main.ts' }, outdir: 'dist' }),
  build({ ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
]);
