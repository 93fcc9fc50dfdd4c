// `policylint --print-config FILE`: the settings that apply to FILE after the cascade
// (every config from the workspace root down to its folder, and what they extend), and for
// each setting the file it came from. Printed as JSON, so scripts can read it too.

import { resolve } from 'node:path';
import { ConfigResolver, toDisplayPath } from './pipeline';
import { EXIT_OK, reportFailure } from './run';

export interface PrintConfigOptions {
  file: string;
  cwd: string;
  config?: string | false;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export function printConfig(options: PrintConfigOptions): number {
  const { cwd } = options;
  const resolver = new ConfigResolver(options.config === undefined ? undefined : options.config === false ? false : resolve(cwd, options.config));
  try {
    const { effective } = resolver.forFile(resolve(cwd, options.file));
    const root = resolver.cascade.workspaceRoot(resolve(cwd, options.file, '..'));
    const sources: Record<string, string> = {};
    for (const [key, file] of [...effective.sources].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) sources[key] = toDisplayPath(cwd, file);
    const out = {
      file: toDisplayPath(cwd, resolve(cwd, options.file)),
      workspaceRoot: root === undefined ? null : toDisplayPath(cwd, root) || '.',
      configFiles: effective.files.map((f) => toDisplayPath(cwd, f)),
      config: effective.config,
      sources,
    };
    options.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return EXIT_OK;
  } catch (e) {
    return reportFailure(e, options);
  }
}
