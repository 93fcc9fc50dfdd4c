// `-o/--output-file`: what a command would print on stdout goes to a file instead,
// written once at the end (its folder created), as ESLint does. A file is never a
// terminal, so the report in it has no colours.

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

export interface OutputSink {
  write: (text: string) => void;
  /** Writes the file; returns an error message, or undefined when it was written. */
  close: () => Promise<string | undefined>;
}

export function outputFileSink(cwd: string, file: string): OutputSink {
  const target = resolve(cwd, file);
  let text = '';
  return {
    write: (s) => (text += s),
    close: async () => {
      try {
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, text, 'utf8');
        return undefined;
      } catch (e) {
        return `cannot write the output file ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`;
      }
    },
  };
}
