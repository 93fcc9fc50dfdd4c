// `policylint convert FILE.docx [-o FILE.md]`: the Markdown policylint lints
// for a Word document, with front matter naming its kind and title. Linting the
// converted file gives the same findings, on the same lines, as linting the
// .docx. The Word file itself is only read.

import { promises as fsp } from 'node:fs';
import { resolve } from 'node:path';
import { maxFileSize } from '../config/limits';
import { WORD_EXTENSIONS } from '../io/docx';
import { readFileBytes } from '../io/write';
import { visibleControls } from './formatters/escape';
import { ConfigResolver, toDisplayPath } from './pipeline';
import { EXIT_FAILURE, EXIT_OK, reportFailure } from './run';
import { readWordDocument } from './word';

export interface ConvertOptions {
  file: string;
  output?: string;
  cwd: string;
  config?: string | false;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export async function runConvert(options: ConvertOptions): Promise<number> {
  const { cwd, stderr } = options;
  const file = resolve(cwd, options.file);
  const display = toDisplayPath(cwd, file);
  const say = (text: string) => stderr(`policylint: ${visibleControls(text)}\n`);
  if (!WORD_EXTENSIONS.test(file)) {
    say(`convert reads Word documents (.docx): ${display} is not one`);
    return EXIT_FAILURE;
  }
  let config;
  try {
    config = new ConfigResolver(options.config === undefined || options.config === false ? options.config : resolve(cwd, options.config)).forFile(file).config;
  } catch (e) {
    return reportFailure(e, options);
  }
  const read = await readFileBytes(file, maxFileSize(config));
  if (!read.ok) {
    say(`could not read ${display}: ${read.reason}`);
    return EXIT_FAILURE;
  }
  const word = readWordDocument(display, read.bytes, config);
  if (!word.ok) {
    say(`could not read ${display}: ${word.reason}`);
    return EXIT_FAILURE;
  }
  for (const note of word.notes) say(`${display}: ${note}`);
  if (options.output === undefined || options.output === '-') {
    options.stdout(word.text);
    return EXIT_OK;
  }
  const target = resolve(cwd, options.output);
  if (target === file) {
    say(`not writing the Markdown over ${display} itself; name another file with -o`);
    return EXIT_FAILURE;
  }
  try {
    await fsp.writeFile(target, word.text);
  } catch (e) {
    say(`could not write ${toDisplayPath(cwd, target)}: ${(e as Error).message}`);
    return EXIT_FAILURE;
  }
  return EXIT_OK;
}
