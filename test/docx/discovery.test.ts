// Word documents are found next to Markdown by default; Word's lock files
// (~$name.docx, kept beside an open document) are not documents.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCli, runJson } from '../helpers/cli';
import { makeDocx, p } from '../helpers/docx';

it('lints .md and .docx by default, and skips Word lock files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'policylint-word-discovery-'));
  writeFileSync(join(dir, 'letter.docx'), makeDocx({ body: p('投诉处理承诺书', { style: 'Title' }) + p('本公司在收到投诉后1个工作日内确认受理。') }));
  writeFileSync(join(dir, '~$letter.docx'), Buffer.from([0x0c, 0x41, 0x64, 0x6d, 0x69, 0x6e, 0, 0]));
  writeFileSync(join(dir, 'handbook.md'), '# 客户服务手册\n\n投诉在1个工作日内确认受理。\n');
  const { run, report } = await runJson([], dir);
  expect(run.stderr).not.toMatch(/could not read/);
  expect(report.files.map((f) => [f.path, f.kind])).toEqual([
    ['handbook.md', 'handbook'],
    ['letter.docx', 'commitment-letter'],
  ]);
});

it('says "no Markdown or Word file" when a folder has neither', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'policylint-word-discovery-'));
  writeFileSync(join(dir, 'notes.txt'), 'x');
  const run = await runCli([], dir);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/nothing to lint: \*\*\/\*\.\{md,docx\} found no Markdown or Word file/);
});
