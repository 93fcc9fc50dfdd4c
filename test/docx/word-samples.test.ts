// samples/word/ holds two of the Markdown samples as Word documents
// (scripts/make-word-samples.mjs). Linted as .docx they must give the findings
// their Markdown gives, on the same text; and `policylint convert` must give
// Markdown that lints exactly as the .docx does.

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, runJson, type JsonReport } from '../helpers/cli';
import { BAD_WORD_FILES, makeDocx, p } from '../helpers/docx';

const SOURCES: Record<string, string> = {
  'samples/word/customer-service-handbook.docx': 'samples/defects/customer-service-handbook.md',
  'samples/word/complaint-commitment-letter.docx': 'samples/defects/complaint-commitment-letter.md',
};

type Finding = JsonReport['files'][number]['findings'][number] & { paragraph?: number; headingPath?: string[] };

/** A line as a reader sees it: no Markdown markers, no escapes. */
const plain = (line: string) => line.replace(/^#+\s+|^\s*[-*]\s+/, '').replace(/\\(.)/g, '$1').trim();
/** Messages name the other document and its line: the same finding names a .md or a .docx, and lines shift by the front matter. */
const comparable = (message: string) => message.replace(/\.docx\b/g, '.md').replace(/第\d+行|line \d+/g, '#');

function describeFindings(findings: Finding[], lines: string[], frontMatterLines: number): string[] {
  const titleLine = lines.findIndex((l, i) => i >= frontMatterLines && l.startsWith('# '));
  return findings.map((f) => `${f.ruleId} | ${comparable(f.message)} | ${plain(lines[f.line <= frontMatterLines ? titleLine : f.line - 1] ?? '')}`).sort();
}

function frontMatterLength(lines: string[]): number {
  if (lines[0] !== '---') return 0;
  return lines.indexOf('---', 1) + 1;
}

describe('samples/word', () => {
  it('gives the findings of the Markdown samples it was built from, on the same text', async () => {
    const word = await runJson(['samples/word']);
    const markdown = await runJson(Object.values(SOURCES));
    expect(word.report.files.map((f) => f.path).sort()).toEqual(Object.keys(SOURCES).sort());
    for (const file of word.report.files) {
      const source = markdown.report.files.find((f) => f.path === SOURCES[file.path])!;
      const converted = (await runCli(['convert', file.path])).stdout.split('\n');
      const sourceLines = readFileSync(join(REPO_ROOT, source.path), 'utf8').split('\n');
      expect(file.findings.length, file.path).toBeGreaterThanOrEqual(10);
      expect(file.kind).toBe(source.kind);
      expect(describeFindings(file.findings, converted, frontMatterLength(converted))).toEqual(describeFindings(source.findings, sourceLines, 0));
      // Every finding names the Word paragraph it is in.
      for (const f of file.findings as Finding[]) expect(f.paragraph, `${file.path}:${f.line}`).toBeGreaterThan(0);
    }
  });

  it('names the paragraph and the headings above a finding', async () => {
    const { report } = await runJson(['samples/word/customer-service-handbook.docx']);
    const duplicate = report.files[0]!.findings.find((f) => f.ruleId === 'numbering') as Finding;
    expect(duplicate).toMatchObject({ paragraph: 16, headingPath: ['第一章 总则', '1.2 术语定义'] });
    const stylish = await runCli(['samples/word/customer-service-handbook.docx', '--locale', 'en']);
    expect(stylish.stdout).toContain('(paragraph 16 · 第一章 总则 › 1.2 术语定义)');
  });

  it('gives a related place in another Word document its paragraph too', async () => {
    const { report } = await runJson(['samples/word']);
    const letter = report.files.find((f) => f.path.endsWith('complaint-commitment-letter.docx'))!;
    const conflict = letter.findings.find((f) => f.ruleId === 'sla-conflict') as Finding & { related: { path: string; line: number; paragraph?: number }[] };
    const other = conflict.related[0]!;
    expect(other.path).toBe('samples/word/customer-service-handbook.docx');
    const handbook = (await runCli(['convert', other.path])).stdout.split('\n');
    expect(handbook[other.line - 1]).toContain('2小时');
    expect(other.paragraph).toBeGreaterThan(0);
  });
});

describe('a sharded run of Word documents', () => {
  it.each(['json', 'sarif'])('merged from --format %s shards, reports the same paragraphs and heading paths', async (format) => {
    const dir = mkdtempSync(join(tmpdir(), 'policylint-word-shards-'));
    const shards: string[] = [];
    for (const i of [1, 2]) {
      const file = join(dir, `s${i}.${format}`);
      writeFileSync(file, (await runCli(['samples/word', '--format', format, '--shard', `${i}/2`])).stdout);
      shards.push(file);
    }
    const whole = (await runJson(['samples/word'])).report;
    const merged = JSON.parse((await runCli(['merge', ...shards, '--format', 'json'])).stdout) as JsonReport;
    const key = (r: JsonReport) => r.files.flatMap((f) => (f.findings as Finding[]).map((x) => `${f.path}:${x.line} ${x.ruleId} ¶${x.paragraph} ${x.headingPath?.join('›')}`)).sort();
    expect(key(merged)).toEqual(key(whole));
    expect(key(whole).every((k) => !k.includes('¶undefined'))).toBe(true);
  });
});

describe('policylint convert', () => {
  it.each(Object.keys(SOURCES))('lint(convert(%s)) equals lint(the .docx)', async (docx) => {
    const dir = mkdtempSync(join(tmpdir(), 'policylint-convert-'));
    for (const other of Object.keys(SOURCES)) {
      const out = join(dir, other.replace(/^samples\/word\//, '').replace(/\.docx$/, '.md'));
      expect((await runCli(['convert', other, '-o', out])).code).toBe(0);
    }
    const fromWord = (await runJson(Object.keys(SOURCES))).report.files.find((f) => f.path === docx)!;
    const fromMarkdown = (await runJson(['.'], dir)).report.files.find((f) => f.path === docx.replace(/^samples\/word\//, '').replace(/\.docx$/, '.md'))!;
    const key = (f: Finding) => `${f.line}:${f.column} ${f.ruleId} ${f.message.replace(/\.docx\b/g, '.md')}`;
    expect(fromMarkdown.findings.map(key)).toEqual(fromWord.findings.map(key));
    expect(fromMarkdown.kind).toBe(fromWord.kind);
  });

  it('writes front matter with the kind and title, and refuses what is not a Word document', async () => {
    const run = await runCli(['convert', 'samples/word/complaint-commitment-letter.docx']);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('---\nkind: commitment-letter\ntitle: 客户服务承诺书\n---\n\n# 客户服务承诺书\n')).toBe(true);
    const wrong = await runCli(['convert', 'samples/defects/support-sla.md']);
    expect(wrong).toMatchObject({ code: 2, stdout: '' });
    expect(wrong.stderr).toMatch(/convert reads Word documents \(\.docx\): samples\/defects\/support-sla\.md is not one/);
  });

  it('says what is wrong with a Word file it cannot read, and never writes over the input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policylint-convert-bad-'));
    writeFileSync(join(dir, 'old.docx'), BAD_WORD_FILES.docBinary());
    const bad = await runCli(['convert', 'old.docx', '-o', 'old.md'], dir);
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toMatch(/could not read old\.docx: this is an old binary Word document \(\.doc\)/);
    expect(existsSync(join(dir, 'old.md'))).toBe(false);
    writeFileSync(join(dir, 'ok.docx'), makeDocx({ body: p('说明') }));
    const over = await runCli(['convert', 'ok.docx', '-o', 'ok.docx'], dir);
    expect(over.code).toBe(2);
    expect(over.stderr).toMatch(/not writing the Markdown over ok\.docx itself/);
    expect(readFileSync(join(dir, 'ok.docx')).subarray(0, 2).toString()).toBe('PK');
  });
});
