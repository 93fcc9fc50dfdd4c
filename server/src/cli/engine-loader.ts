// Loads the engine lazily: a run whose files are all cached never pays for
// parsing the Markdown engine. In the built CLI the engine is dist/engine.js
// next to dist/cli.js; from source (tests) it is the module itself.

import { join } from 'node:path';
import type { analyseFile } from './analyse-file';
import { noteLoaded } from '../config/lazy';

export type AnalyseFn = typeof analyseFile;

// scripts/build.mjs replaces this with "1" in dist/cli.js; the bundler then drops
// the source branch below, and with it the engine.
const BUNDLED = process.env.POLICYLINT_BUNDLED === '1';

/** The engine bundle a worker thread loads, or undefined when running from source. */
export function engineBundlePath(): string | undefined {
  return BUNDLED ? join(__dirname, 'engine.js') : undefined;
}

export async function loadAnalyse(): Promise<AnalyseFn> {
  noteLoaded('engine');
  if (process.env.POLICYLINT_BUNDLED === '1') {
    // A computed path, so the bundler leaves the engine out of cli.js.
    const path = engineBundlePath()!;
    return (require(path) as { analyseFile: AnalyseFn }).analyseFile;
  } else {
    return (await import('./analyse-file')).analyseFile;
  }
}
