// Documents and folders shared by the protocol tests, and the runtime checks
// that switch the SLA-specific tests on once the extractor and the
// cross-document rules exist (so they activate without anyone editing them).

import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createDocument } from '../../server/src/engine/document';
import { Project } from '../../server/src/engine/project';
import { collectCommitments } from '../../server/src/policy/commitments';

export const PHONE_20S = '热线电话须在20秒内接通。';
export const PHONE_30S = '热线电话30秒内接通。';

/** True while the SLA extractor still returns nothing for a plain commitment. */
export const noCommitments = collectCommitments(createDocument('probe.md', `# 服务承诺书\n\n${PHONE_20S}\n`)).length === 0;

/** True once two documents promising different answer times produce a cross-document finding. */
export const crossDocumentRules = (() => {
  const project = new Project();
  project.update('a.md', `# 服务承诺书\n\n${PHONE_20S}\n`);
  project.update('b.md', `# 客户服务手册\n\n${PHONE_30S}\n`);
  // Which of the two carries the finding is the rule's choice; either will do.
  return [...project.findings('a.md'), ...project.findings('b.md')].some((f) => f.related.some((r) => r.path === 'a.md' || r.path === 'b.md'));
})();

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
