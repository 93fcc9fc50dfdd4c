// Bad input, tried on the CLI: each case says what we feed it and what must
// happen. docs/reliability.md is generated from this table (npm run docs), and
// this test fails when it is stale, so the document always says what is tested.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, type CliRun } from './helpers/cli';

interface Case {
  input: string;
  behaviour: string;
  exit: number;
  setup: (dir: string) => void;
  args?: string[];
  check: (run: CliRun, dir: string) => void;
}

const POLICY = '# 客户服务手册\n\n热线电话须在20秒内接通。\n';
const write = (dir: string, name: string, content: string | Buffer) => {
  mkdirSync(join(dir, name, '..'), { recursive: true });
  writeFileSync(join(dir, name), content);
};

const CASES: Case[] = [
  {
    input: 'A binary file named `.md` (NUL bytes)',
    behaviour: 'skipped with "binary file" on stderr; the other files are linted',
    exit: 0,
    setup: (d) => (write(d, 'image.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2])), write(d, 'ok.md', POLICY)),
    check: (r) => (expect(r.stderr).toMatch(/skipped image\.md: .*binary/), expect(r.stdout).toContain('ok.md')),
  },
  {
    input: 'A file that is not UTF-8 (GBK bytes)',
    behaviour: 'skipped with "not valid UTF-8" on stderr',
    exit: 0,
    setup: (d) => write(d, 'gbk.md', Buffer.from([0xbf, 0xcd, 0xbb, 0xa7, 0xb7, 0xfe, 0xce, 0xf1])),
    check: (r) => expect(r.stderr).toMatch(/skipped gbk\.md: .*UTF-8/),
  },
  {
    input: 'A 50 MB file',
    behaviour: 'skipped without being read, naming its size and the 10 MB limit (`maxFileSize`)',
    exit: 0,
    setup: (d) => {
      const fd = openSync(join(d, 'huge.md'), 'w');
      ftruncateSync(fd, 50 * 1024 * 1024);
      closeSync(fd);
    },
    check: (r) => expect(r.stderr).toMatch(/skipped huge\.md: file is too large \(52428800 bytes; the limit is 10485760 bytes\)/),
  },
  {
    input: 'A config whose placeholder pattern backtracks catastrophically in JavaScript, `(a+)+$`',
    behaviour: 'runs on RE2, in time linear in the text: finishes at once',
    exit: 0,
    setup: (d) => (write(d, '.policylintrc.json', '{\n  "placeholders": { "patterns": ["(a+)+$"] }\n}\n'), write(d, 'a.md', `${'a'.repeat(50_000)}!`)),
    check: (r) => expect(r.stderr).toBe(''),
  },
  {
    input: 'A config with a JSON syntax error',
    behaviour: 'error naming the file, line and column; exit 2; no document is touched',
    exit: 2,
    setup: (d) => (write(d, '.policylintrc.json', '{\n  "rules": {\n    "placeholder": "warning"\n  \n'), write(d, 'a.md', POLICY)),
    check: (r) => expect(r.stderr).toMatch(/\.policylintrc\.json:\d+:\d+: syntax error/),
  },
  {
    input: 'A config with an unknown key or a bad value (YAML)',
    behaviour: 'error naming the file, line and key path',
    exit: 2,
    setup: (d) => (write(d, '.policylintrc.yaml', 'rules:\n  placeholder: loud\n'), write(d, 'a.md', POLICY)),
    check: (r) => expect(r.stderr).toMatch(/\.policylintrc\.yaml:2:\d+: "rules\.placeholder"/),
  },
  {
    input: 'A JavaScript config file (`.policylintrc.js`) that would write a file',
    behaviour: 'never loaded: configuration is data only',
    exit: 0,
    setup: (d) => (write(d, '.policylintrc.js', "require('fs').writeFileSync(__dirname + '/pwned', 'x'); module.exports = {};"), write(d, 'a.md', POLICY)),
    check: (_r, d) => expect(existsSync(join(d, 'pwned'))).toBe(false),
  },
  {
    input: 'A symlink loop in the tree',
    behaviour: 'each real file is linted once; the walk ends',
    exit: 0,
    setup: (d) => (write(d, 'sub/a.md', POLICY), symlinkSync('..', join(d, 'sub/loop'))),
    args: ['--format', 'json'],
    check: (r) => expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['sub/a.md']),
  },
  {
    input: 'A dangling symlink named `.md` in the tree',
    behaviour: 'left out of the walk (it is not a file); the other files are linted',
    exit: 0,
    setup: (d) => (symlinkSync(join(d, 'nowhere.md'), join(d, 'gone.md')), write(d, 'a.md', POLICY)),
    args: ['--format', 'json'],
    check: (r) => expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['a.md']),
  },
  {
    input: 'The same dangling symlink named on the command line',
    behaviour: 'error naming it; exit 2',
    exit: 2,
    setup: (d) => (symlinkSync(join(d, 'nowhere.md'), join(d, 'gone.md')), write(d, 'a.md', POLICY)),
    args: ['a.md', 'gone.md'],
    check: (r) => expect(r.stderr).toMatch(/gone\.md/),
  },
  {
    input: 'A path on the command line that does not exist',
    behaviour: 'error naming the path; exit 2',
    exit: 2,
    setup: () => {},
    args: ['missing.md'],
    check: (r) => expect(r.stderr).toContain('missing.md'),
  },
  {
    input: 'An empty file, a file of only a BOM, and a file of only line breaks',
    behaviour: 'linted; nothing reported, nothing crashes',
    exit: 0,
    setup: (d) => (write(d, 'empty.md', ''), write(d, 'bom.md', '\uFEFF'), write(d, 'breaks.md', '\r\n\r\n\n\r')),
    args: ['--format', 'json'],
    check: (r) => expect(JSON.parse(r.stdout).summary).toEqual({ files: 3, errors: 0, warnings: 0, infos: 0 }),
  },
  {
    input: 'NUL-free control characters, zero-width and right-to-left marks, unpaired surrogates',
    behaviour: 'linted; positions stay inside the document',
    exit: 1,
    setup: (d) => write(d, 'odd.md', '# 服务说明\u200B\n\n\u202E本说明适用于【公司名称】\uD800。\u0007\n'),
    args: ['--format', 'json'],
    check: (r) => expect(JSON.parse(r.stdout).files[0].findings[0]).toMatchObject({ ruleId: 'placeholder', line: 3 }),
  },
  {
    input: '`--fix` on a file with CRLF line endings and a BOM',
    behaviour: 'only the fixed numbers change; line endings and BOM stay byte for byte',
    exit: 0,
    setup: (d) => write(d, 'crlf.md', '\uFEFF网站客户服务制度\r\n\r\n一、总则\r\n\r\n内容。\r\n\r\n三、附则\r\n\r\n内容。\r\n'),
    args: ['--fix'],
    check: (_r, d) => expect(readFileSync(join(d, 'crlf.md'), 'utf8')).toBe('\uFEFF网站客户服务制度\r\n\r\n一、总则\r\n\r\n内容。\r\n\r\n二、附则\r\n\r\n内容。\r\n'),
  },
  {
    input: 'A corrupt `.policylintcache`',
    behaviour: 'ignored and rewritten; results are those of a cold run',
    exit: 1,
    setup: (d) => (write(d, '.policylintcache', '{ torn'), write(d, 'a.md', '# 服务说明\n\n本说明适用于【公司名称】。\n')),
    args: ['--cache', '--format', 'json'],
    check: (r) => expect(JSON.parse(r.stdout).summary.errors).toBe(1),
  },
  // Issue 18, blow-ups and isolation: each of these crashed, hung or grew without bound before.
  {
    input: 'A 5 KB nest of block quotes and one of `- - -` lists, linted beside a healthy file',
    behaviour: 'no stack overflow: each deep block is read as plain text with a `document-limit` warning; the healthy file keeps its findings',
    exit: 1,
    setup: (d) => (write(d, 'quotes.md', `${'>'.repeat(5000)} x\n`), write(d, 'lists.md', `${'- '.repeat(2500)}x\n`), write(d, 'ok.md', '# 服务说明\n\n本说明适用于【公司名称】。\n')),
    args: ['--format', 'json'],
    check: (r) => {
      const files = JSON.parse(r.stdout).files as { path: string; findings: { ruleId: string }[] }[];
      expect(files.map((f) => `${f.path}:${f.findings.map((x) => x.ruleId).join(',')}`)).toEqual(['lists.md:document-limit', 'ok.md:placeholder', 'quotes.md:document-limit']);
    },
  },
  {
    input: 'One line of 400,000 `7×` tokens',
    behaviour: 'linted: no argument spread of an unbounded array overflows the stack',
    exit: 0,
    setup: (d) => write(d, 'sevens.md', `# 服务\n\n${'7×'.repeat(400_000)}24小时服务。\n`),
    args: ['--format', 'json'],
    check: (r) => expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['sevens.md']),
  },
  {
    input: '3,000 lines that promise the same thing with different values',
    behaviour: 'each conflict lists at most 20 related places, the last counting the rest ("另有 2,979 处"): output grows linearly',
    exit: 1,
    setup: (d) => write(d, 'many.md', `# 客户服务手册\n\n${Array.from({ length: 3000 }, (_, i) => `热线电话须在${i + 1}秒内接通。\n`).join('\n')}`),
    args: ['--format', 'json'],
    check: (r) => {
      const conflicts = JSON.parse(r.stdout).files[0].findings.filter((f: { ruleId: string }) => f.ruleId === 'sla-conflict');
      expect(conflicts.length).toBe(2999);
      expect(conflicts[0].related.length).toBe(20);
      expect(conflicts[0].related[19].message).toMatch(/另有 2,979 处$/);
    },
  },
  {
    input: 'A 5 MB run of `[`, and 100,000 `*a` openers in one paragraph',
    behaviour: 'finishes in seconds: the block is not given to the Markdown parser (quadratic there) but read as plain text, with a `document-limit` warning',
    exit: 0,
    setup: (d) => (write(d, 'brackets.md', `${'['.repeat(5_000_000)}\n`), write(d, 'stars.md', `${'*a'.repeat(100_000)}\n`)),
    args: ['--format', 'json'],
    check: (r) => expect(JSON.parse(r.stdout).files.map((f: { findings: { ruleId: string }[] }) => f.findings.map((x) => x.ruleId).join())).toEqual(['document-limit', 'document-limit']),
  },
  {
    input: 'Front matter of 5,000 keys',
    behaviour: 'not parsed (the YAML parser is quadratic in keys): a `document-limit` warning says its settings are ignored',
    exit: 0,
    setup: (d) => write(d, 'keys.md', `---\n${Array.from({ length: 5000 }, (_, i) => `key${i}: v`).join('\n')}\n---\n# 服务说明\n`),
    args: ['--format', 'json'],
    check: (r) => expect(JSON.parse(r.stdout).files[0].findings.map((f: { ruleId: string; line: number }) => `${f.ruleId}@${f.line}`)).toEqual(['document-limit@1']),
  },
  {
    input: 'A placeholder pattern with a bounded repeat of a risky group, `(a|aa){1,100}$`, against a long line',
    behaviour: 'runs on RE2 in linear time: finishes at once',
    exit: 0,
    setup: (d) => (write(d, '.policylintrc.json', '{ "placeholders": { "patterns": ["(a|aa){1,100}$"] } }\n'), write(d, 'a.md', `${'a'.repeat(20_000)}!\n`)),
    check: (r) => expect(r.stderr).toBe(''),
  },
  {
    input: 'A placeholder pattern RE2 cannot run (a backreference, `(a)\\1`)',
    behaviour: 'refused before any document is read: file, line, key and why',
    exit: 2,
    setup: (d) => (write(d, '.policylintrc.json', '{\n  "placeholders": { "patterns": ["(a)\\\\1"] }\n}\n'), write(d, 'a.md', POLICY)),
    check: (r) => expect(r.stderr).toMatch(/\.policylintrc\.json:2:\d+: "placeholders\.patterns\.0": not a pattern the linear-time engine \(RE2\) can run/),
  },
  {
    input: 'An `ignore` glob with 31 wildcards in one segment (`**/*a*a…*b/**`) and a folder with a 60-character name',
    behaviour: 'refused as a config error naming the file, line and key: such a glob backtracks for minutes',
    exit: 2,
    setup: (d) => (write(d, '.policylintrc.json', `{\n  "ignore": ["**/${'*a'.repeat(30)}*b/**"]\n}\n`), write(d, `${'a'.repeat(60)}/x.md`, POLICY)),
    check: (r) => expect(r.stderr).toMatch(/\.policylintrc\.json:2:\d+: "ignore\.0": .*31 wildcards/),
  },
];

export function reliabilityDoc(): string {
  const rows = CASES.map((c) => `| ${c.input} | ${c.behaviour} | ${c.exit} |`);
  return [
    '# Reliability: what policylint does with bad input',
    '',
    '<!-- Generated from test/reliability.test.ts by `npm run docs`. Every row is a test that runs the CLI. Do not edit. -->',
    '',
    'Every case below is run by `npm test` against the built CLI. Exit codes: 0 nothing',
    'wrong (skipped files do not change it), 1 findings, 2 usage, config or internal error.',
    '',
    '| input | what policylint does | exit |',
    '| --- | --- | --- |',
    ...rows,
    '',
    'Also covered elsewhere: property and fuzz tests of the engine over random and adversarial',
    'Markdown (`test/fuzz/`: 10,000-item lists, 1 MB lines, deep nesting, huge tables, mixed',
    'line endings); atomic writes that refuse a file changed since it was read and leave the',
    'original intact when a write fails (`test/cli/write*.test.ts`); the language server under',
    'random request sequences (`test/server/`).',
    '',
  ].join('\n');
}

describe('bad input', () => {
  it.each(CASES.map((c) => [c.input, c] as const))('%s', (_name, c) => {
    const dir = mkdtempSync(join(tmpdir(), 'policylint-bad-'));
    c.setup(dir);
    const started = Date.now();
    const run = runCli(c.args ?? [], dir);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(run.stderr).not.toMatch(/internal error|TypeError|RangeError|at .*\.js:\d+/);
    expect(run.code, run.stderr).toBe(c.exit);
    c.check(run, dir);
  });

  it('docs/reliability.md lists exactly these cases', () => {
    const file = join(REPO_ROOT, 'docs/reliability.md');
    if (process.env.UPDATE_DOCS === '1') writeFileSync(file, reliabilityDoc());
    expect(existsSync(file) ? readFileSync(file, 'utf8') : '', 'docs/reliability.md is stale: run npm run docs').toBe(reliabilityDoc());
  });
});
