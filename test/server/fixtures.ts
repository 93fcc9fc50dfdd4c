// Documents and folders shared by the protocol tests.

import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const PHONE_20S = '热线电话须在20秒内接通。';
export const PHONE_30S = '热线电话30秒内接通。';

/** A temporary folder with the given files; removed by the returned function. */
export function tempFolder(files: Record<string, string>): { dir: string; path: (name: string) => string; write: (name: string, text: string) => void; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'policylint-lsp-'));
  const write = (name: string, text: string) => {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  };
  for (const [name, text] of Object.entries(files)) write(name, text);
  return { dir, path: (name) => join(dir, name), write, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A commitment letter with a blank, a signature blank and missing sections (zh). */
export const LETTER = [
  '# 服务承诺书',
  '',
  '一、总则',
  '',
  '本公司【公司名称】郑重承诺如下。',
  '',
  '二、服务承诺',
  '',
  '1.1 客户来电将在____小时内得到回复。',
  '',
  '承诺人签名：________',
  '',
].join('\n');

/** A website policy of plain numbered lines (converted from Word), with a numbering gap. */
export const PLAIN_POLICY = [
  '网站客户服务制度',
  '',
  '一、总则',
  '',
  '为规范服务，制定本制度。',
  '',
  '（一）服务原则',
  '',
  '诚信、高效。',
  '',
  '二、服务渠道',
  '',
  '热线和邮箱。',
  '',
  '四、服务时间',
  '',
  '周一至周五。',
  '',
].join('\n');
