// A regulation pack enabled in the config (or front matter) shows each covered
// promise's statutory limit in the hover and in the SLA table's legal-limit column.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { TestClient } from './harness';
import { tempFolder } from './fixtures';

const folder = tempFolder({ '.policylintrc.json': JSON.stringify({ regulations: ['cn-banking-consumer-complaints'] }) });
const BANK = ['# 投诉处理承诺书', '', '一、投诉处理时限', '', '一般投诉自收到之日起10日内办结并告知投诉人。', ''].join('\n');
const GDPR = ['---', 'kind: website-policy', 'regulations: [eu-gdpr]', '---', '# Privacy Policy', '', '## Your data protection rights', '', 'We respond to data subject requests within 45 days.', ''].join('\n');

let client: TestClient;
beforeAll(async () => (client = await TestClient.start({ folders: [folder.dir] })));
afterAll(async () => {
  await client.stop();
  folder.cleanup();
});

const open = (name: string, text: string) => client.openAndLint(folder.path(name), text);
const hoverText = async (uri: string, line: number, character: number) => {
  const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  // Markdown escapes (\( \[) removed: the text as the reader sees it.
  return h ? (h.contents as MarkupContent).value.replace(/\\(?=[^\\])/g, '') : undefined;
};

describe('regulation packs in the editor', () => {
  it('hover on a promise within the limit shows the limit and its citation', async () => {
    const uri = await open('bank.md', BANK);
    const text = await hoverText(uri, 4, BANK.split('\n')[4]!.indexOf('10') + 1);
    expect(text).toContain('法定上限：15天（《银行业保险业消费投诉处理管理办法》第三章（消费投诉处理）） · 符合');
  });

  it('hover on a promise over the limit says so, in the document language, from front matter', async () => {
    const uri = await open('privacy.md', GDPR);
    const diagnostics = await client.diagnostics(uri);
    expect(diagnostics.find((d) => d.code === 'regulatory-limit')?.message).toContain('Art. 12(3)');
    const text = await hoverText(uri, 8, GDPR.split('\n')[8]!.indexOf('45') + 1);
    expect(text).toContain('Legal limit: 1 month (Regulation (EU) 2016/679 (GDPR), Art. 12(3)) · exceeds it');
  });

  it('the SLA table carries a legal limit for covered promises only', async () => {
    const uri = await open('bank.md', BANK);
    await open('privacy.md', GDPR);
    const table = await client.request<{ rows: { uri: string; value: string; legalLimit: string }[] }>('policylint/slaTable', { uri, locale: 'zh-CN' });
    const byValue = new Map(table.rows.map((r) => [r.value, r.legalLimit]));
    expect([...byValue.entries()].find(([v]) => v.includes('10'))?.[1]).toBe('法定上限：15天（《银行业保险业消费投诉处理管理办法》第三章（消费投诉处理）） · 符合');
    expect([...byValue.entries()].find(([v]) => v.includes('45'))?.[1]).toContain('法定上限：1个月（欧盟《通用数据保护条例》（GDPR）第12条第3款） · 超出');
  });
});
