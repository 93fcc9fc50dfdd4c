// Bad input, tried on the CLI: each case says what we feed it and what must
// happen. Cases run through the command line in-process (the code dist/cli.js
// runs); those about the process itself spawn the built CLI. docs/reliability.md is generated from this table (npm run docs), and
// this test fails when it is stale, so the document always says what is tested.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configKey } from '../server/src/cli/cache';
import { REPO_ROOT, runCli, runCliProcess, updating, type CliRun } from './helpers/cli';
import { BAD_WORD_FILES, makeDocx, p } from './helpers/docx';

interface Case {
  input: string;
  behaviour: string;
  exit: number;
  setup: (dir: string) => void;
  args?: string[];
  /** Run the built CLI as its own process: for what is about the process itself (stack depth, the shipped bundle). */
  asProcess?: true;
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
    asProcess: true,
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
  // Hostile input: writes outside the workspace, injection through output, trust in what is read back.
  {
    input: '`--fix` in a folder with a symlinked file and a symlinked folder that lead outside it',
    behaviour: 'the links are not followed (a note on stderr); the file inside is fixed; the outside files stay byte for byte (`cmp`)',
    exit: 0,
    setup: (d) => plantOutside(d),
    args: ['--fix'],
    check: (r, d) => (expect(r.stderr).toMatch(/not following linked\.md: .*outside/), expectOutsideUntouched(d), expect(readFileSync(join(d, 'inside.md'), 'utf8')).toContain('二、附则')),
  },
  {
    input: 'The same with `--follow-symlinks`',
    behaviour: 'linted through the links, but `--fix` refuses to write outside the folder, naming each file; exit 2 as fixes went unwritten',
    exit: 2,
    setup: (d) => plantOutside(d),
    args: ['--fix', '--follow-symlinks'],
    check: (r, d) => (expect(r.stderr).toMatch(/did not write fixes to linked\.md: it leads to .*outside the folder being linted/), expect(r.stderr).toMatch(/did not write fixes to linked-dir\/policy\.md/), expectOutsideUntouched(d)),
  },
  {
    input: '`--fix` on a read-only (0444) file',
    behaviour: 'reported, not rewritten (even as root): content and mode unchanged; exit 2',
    exit: 2,
    setup: (d) => (write(d, 'ro.md', FIXABLE), chmodSync(join(d, 'ro.md'), 0o444)),
    args: ['--fix'],
    check: (r, d) => (expect(r.stderr).toMatch(/did not write fixes to ro\.md: the file is read-only/), expect(readFileSync(join(d, 'ro.md'), 'utf8')).toBe(FIXABLE), expect(statSync(join(d, 'ro.md')).mode & 0o777).toBe(0o444)),
  },
  {
    input: '`--fix` on a file with a second hard link',
    behaviour: 'refused with a message (replacing it would split the links); both names keep the same text; exit 2',
    exit: 2,
    setup: (d) => (write(d, 'a.md', FIXABLE), linkSync(join(d, 'a.md'), join(d, 'b.txt'))),
    args: ['--fix', 'a.md'],
    check: (r, d) => (expect(r.stderr).toMatch(/hard links/), expect(statSync(join(d, 'a.md')).ino).toBe(statSync(join(d, 'b.txt')).ino), expect(readFileSync(join(d, 'b.txt'), 'utf8')).toBe(FIXABLE)),
  },
  {
    input: '`--cache-location /dev/null` (a character device)',
    behaviour: 'never read or replaced: the device stays a device; "not a regular file" on stderr',
    exit: 0,
    setup: (d) => write(d, 'a.md', POLICY),
    args: ['--cache', '--cache-location', '/dev/null'],
    check: (r) => (expect(r.stderr).toMatch(/could not write the cache: .*not a regular file/), expect(statSync('/dev/null').isCharacterDevice()).toBe(true)),
  },
  {
    input: "`--cache-location ''`",
    behaviour: 'the working folder: the cache is `.policylintcache` in it, and nothing (no temporary file) is written beside it',
    exit: 0,
    setup: (d) => write(d, 'a.md', POLICY),
    args: ['--cache', '--cache-location', ''],
    check: (_r, d) => (expect(existsSync(join(d, '.policylintcache'))).toBe(true), expect(readdirSync(dirname(d)).filter((n) => n.startsWith(`${basename(d)}.`) || n.startsWith(`.${basename(d)}.`))).toEqual([])),
  },
  {
    input: 'A `.policylintcache` that is valid JSON with wrong inner types (an entry of the right key whose findings are a string)',
    behaviour: 'the entry is a miss, rewritten; results are those of a cold run',
    exit: 1,
    setup: (d) => plantCacheEntry(d, { path: 'a.md', findings: 'none', commitments: {} }),
    args: ['--cache', '--format', 'json'],
    check: (r, d) => (expect(JSON.parse(r.stdout).summary.errors).toBe(1), expect(readFileSync(join(d, '.policylintcache'), 'utf8')).not.toContain('"findings":"none"')),
  },
  {
    input: 'A `.policylintcache` entry for the right content that names another path (`../../../../etc/passwd`) and no findings',
    behaviour: 'a miss: the reported path is the file\'s own, and its errors are reported',
    exit: 1,
    setup: (d) => plantCacheEntry(d, { path: '../../../../etc/passwd', kind: null, kindSource: 'none', language: 'zh', locale: 'zh-CN', findings: [], commitments: [], disables: [] }),
    args: ['--cache', '--format', 'json'],
    check: (r) => expect(JSON.parse(r.stdout).files.map((f: { path: string; findings: unknown[] }) => [f.path, f.findings.length > 0])).toEqual([['a.md', true]]),
  },
  {
    input: 'A JSON config with a `"__proto__"` key',
    behaviour: 'refused as an unknown key, naming file, line and key (it never becomes a prototype)',
    exit: 2,
    setup: (d) => (write(d, '.policylintrc.json', '{\n  "__proto__": { "rules": { "placeholder": "off" } }\n}\n'), write(d, 'a.md', PLACEHOLDER)),
    check: (r) => expect(r.stderr).toMatch(/\.policylintrc\.json:2:\d+: "__proto__": unknown key "__proto__"/),
  },
  {
    input: 'A YAML config that is an alias bomb (billion laughs)',
    behaviour: 'a config error naming the file; no stack trace',
    exit: 2,
    setup: (d) => (write(d, '.policylintrc.yaml', ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefg'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdef'[i]}`).join(',')}]`)].join('\n') + '\n'), write(d, 'a.md', POLICY)),
    check: (r) => expect(r.stderr).toMatch(/invalid configuration in \.policylintrc\.yaml:1:1: cannot be read as configuration/),
  },
  {
    input: 'A JSON config nested 100,000 levels deep',
    behaviour: 'a config error at the line and column where it passes 32 levels',
    exit: 2,
    setup: (d) => (write(d, '.policylintrc.json', `{"rules": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`), write(d, 'a.md', POLICY)),
    check: (r) => expect(r.stderr).toMatch(/\.policylintrc\.json:1:\d+: nested deeper than 32 levels/),
  },
  {
    input: 'A config file of 2 MB',
    behaviour: 'refused before it is read: its size and the 1 MB limit',
    exit: 2,
    setup: (d) => (write(d, '.policylintrc.json', `{"ignore": [${Array(200_000).fill('"drafts/**"').join(',')}]}`), write(d, 'a.md', POLICY)),
    check: (r) => expect(r.stderr).toMatch(/\.policylintrc\.json:1:1: the file is too large \(\d+ bytes; the limit is 1048576\)/),
  },
  {
    input: 'Front matter `kind: constructor` in 30 files (worker threads)',
    behaviour: 'an unknown kind: a `front-matter` finding in each file, every file linted',
    exit: 0,
    setup: (d) => Array.from({ length: 30 }, (_, i) => write(d, `p${i}.md`, `---\nkind: constructor\n---\n${POLICY}`)),
    args: ['--format', 'json'],
    check: (r) => {
      const files = JSON.parse(r.stdout).files as { findings: { ruleId: string }[] }[];
      expect(files).toHaveLength(30);
      expect(files.every((f) => f.findings.some((x) => x.ruleId === 'front-matter'))).toBe(true);
    },
  },
  {
    input: 'Front matter `kind: __proto__`',
    behaviour: 'an unknown kind; the kind comes from the title, so the required-section checks still run',
    exit: 0,
    setup: (d) => write(d, 'a.md', `---\nkind: __proto__\n---\n${POLICY}`),
    args: ['--format', 'json'],
    check: (r) => expect(JSON.parse(r.stdout).files[0]).toMatchObject({ kind: 'handbook', findings: expect.arrayContaining([expect.objectContaining({ ruleId: 'front-matter' }), expect.objectContaining({ ruleId: 'required-section' })]) }),
  },
  {
    input: '`merge` of a JSON shard whose finding has the severity "fatal"',
    behaviour: 'a clear error naming the file and the field; no stack trace',
    exit: 2,
    setup: (d) => write(d, 's1.json', JSON.stringify({ version: 1, files: [{ path: 'a.md', kind: null, language: 'en', findings: [{ ruleId: 'x', severity: 'fatal', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 1, fixable: false, related: [] }] }] })),
    args: ['merge', 's1.json'],
    check: (r) => expect(r.stderr).toMatch(/s1\.json: malformed policylint JSON result: \$\.files\[0\]\.findings\[0\]\.severity is "fatal"/),
  },
  {
    input: '`merge` of SARIF shards with a malformed file URI, or findings that are not a list',
    behaviour: 'a clear error naming the file; no TypeError or URIError',
    exit: 2,
    setup: (d) => (write(d, 's1.sarif', JSON.stringify({ runs: [{ results: [{ ruleId: 'x', level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: '%E0%A4%A' } } }] }] }] })), write(d, 's2.json', '{"files":[{"path":"a.md","kind":null,"language":"en","findings":"x"}]}')),
    args: ['merge', 's1.sarif', 's2.json'],
    check: (r) => expect(r.stderr).toMatch(/s1\.sarif: malformed result \(URI malformed\)/),
  },
  {
    input: '`merge` of an incomplete or repeated shard set (shard 2/3 missing, shard 1/3 given twice)',
    behaviour: 'a clear error naming the missing or repeated shard; nothing on stdout',
    exit: 2,
    setup: (d) => {
      const shard = (index: number) => JSON.stringify({ version: 1, shard: { index, count: 3, files: ['a.md'] }, files: index === 1 ? [{ path: 'a.md', kind: null, language: 'en', findings: [] }] : [] });
      write(d, 's1.json', shard(1));
      write(d, 's1-again.json', shard(1));
      write(d, 's3.json', shard(3));
    },
    args: ['merge', 's1.json', 's1-again.json', 's3.json'],
    check: (r) => expect(r.stderr).toMatch(/shard 1\/3 is given more than once \(s1\.json, s1-again\.json\)/),
  },
  {
    input: 'Config files that extend each other in a cycle, or extend a package or an absolute path',
    behaviour: 'a config error naming the file, line and "extends"; nothing is loaded from outside the workspace by name',
    exit: 2,
    setup: (d) => (write(d, '.policylintrc.json', '{"extends": "./base.json"}'), write(d, 'base.json', '{"extends": ["./.policylintrc.json"]}'), write(d, 'a.md', POLICY)),
    check: (r) => expect(r.stderr).toMatch(/base\.json:1:\d+: "extends\.0": ".\/\.policylintrc\.json" extends this file again/),
  },
  {
    input: 'A misspelt rule id, topic id or commitment key in a config',
    behaviour: 'a config error naming the file, line and key, with the closest known name',
    exit: 2,
    setup: (d) => (write(d, '.policylintrc.yaml', 'rules:\n  placholder: "off"\n'), write(d, 'a.md', POLICY)),
    check: (r) => expect(r.stderr).toMatch(/\.policylintrc\.yaml:2:3: "rules\.placholder": unknown rule id "placholder"\. Did you mean "placeholder"\?/),
  },
  {
    input: 'A folder with no Markdown file',
    behaviour: '"nothing to lint" on stderr; exit 2 (files named one by one that are all ignored exit 0)',
    exit: 2,
    setup: (d) => write(d, 'notes.txt', 'x'),
    check: (r) => expect(r.stderr).toMatch(/nothing to lint/),
  },
  {
    input: 'A file name and text with terminal escape sequences and a carriage return (stylish)',
    behaviour: 'printed as visible symbols (␛, ␍): nothing reaches the terminal or CI log as a control',
    exit: 1,
    setup: (d) => write(d, 'a\u001b[2J\r::error::x.md', `${PLACEHOLDER}\n\u001b]8;;http://x\u0007\u001b[2J\n`),
    check: (r) => (expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/), expect(r.stdout).toContain('a␛[2J␍::error::x.md')),
  },
  {
    input: 'A file name with `%`, a carriage return and `::` (`--format github`)',
    behaviour: 'escaped as workflow commands require: every output line is one annotation of ours',
    exit: 1,
    setup: (d) => write(d, 'a%0A\r::warning::x,y.md', PLACEHOLDER),
    args: ['--format', 'github'],
    check: (r) => r.stdout.trimEnd().split('\n').forEach((line) => expect(line).toMatch(/^::(?:error|warning|notice) file=a%250A%0D%3A%3Awarning%3A%3Ax%2Cy\.md,[^:\r]*::[^\r]*$/)),
  },
  {
    input: '`sla --format csv` of a promise written after `=HYPERLINK(…)` and one after `@`',
    behaviour: "cells that a spreadsheet would run as a formula start with `'`",
    exit: 0,
    setup: (d) => write(d, 'a.md', '# 客户服务手册\n\n=HYPERLINK("http://x")热线电话须在20秒内接通。\n\n@cmd 在线客服须在60秒内应答。\n'),
    args: ['sla', '--format', 'csv'],
    check: (r) => (expect(r.stdout).toContain(`"'=HYPERLINK(""http://x"")热线电话须在20秒内接通"`), expect(r.stdout).toContain(",'@cmd 在线客服须在60秒内应答,")),
  },
  {
    input: '`sla --format md` of a file whose name has a back-tick, a pipe and an `@mention`',
    behaviour: 'the name stays one code span (a longer fence), the pipe is escaped, the row keeps its eight cells',
    exit: 0,
    setup: (d) => write(d, 'a`b|@octocat.md', POLICY),
    args: ['sla', '--format', 'md'],
    check: (r) => expect(r.stdout).toContain('| `` a`b\\|@octocat.md `` | 3 |'),
  },
  // Word documents: what cannot be read fails the run (exit 2) with what to do; nothing is run or fetched.
  {
    input: 'A text file named `.docx`',
    behaviour: '"not a Word .docx (it is not a zip package)"; the other files are linted; exit 2',
    exit: 2,
    setup: (d) => (write(d, 'policy.docx', BAD_WORD_FILES.notZip()), write(d, 'ok.md', POLICY)),
    check: (r) => (expect(r.stderr).toMatch(/could not read policy\.docx: not a Word \.docx \(it is not a zip package\)/), expect(r.stdout).toContain('ok.md')),
  },
  {
    input: 'An old binary Word `.doc` renamed `.docx`',
    behaviour: 'named as a .doc, with "save it as .docx"',
    exit: 2,
    setup: (d) => write(d, 'policy.docx', BAD_WORD_FILES.docBinary()),
    check: (r) => expect(r.stderr).toMatch(/could not read policy\.docx: this is an old binary Word document \(\.doc\) named \.docx; open it in Word or WPS and save it as \.docx/),
  },
  {
    input: 'A password-protected (encrypted) `.docx`',
    behaviour: '"password-protected", with how to save a copy without a password',
    exit: 2,
    setup: (d) => write(d, 'policy.docx', BAD_WORD_FILES.encrypted()),
    check: (r) => expect(r.stderr).toMatch(/could not read policy\.docx: the document is password-protected .*Save a copy without a password/),
  },
  {
    input: 'A `.docx` cut short (a corrupt zip)',
    behaviour: 'a damaged or incomplete package, "save the document again"',
    exit: 2,
    setup: (d) => write(d, 'policy.docx', BAD_WORD_FILES.truncated()),
    check: (r) => expect(r.stderr).toMatch(/could not read policy\.docx: .*(damaged|incomplete|cut short)/),
  },
  {
    input: 'A zip bomb named `.docx` (a part that inflates 1000:1)',
    behaviour: 'inflation stops at the ratio limit (200:1 past 1 MB; 64 MB a part, 128 MB in all), "looks like a zip bomb"',
    exit: 2,
    setup: (d) => write(d, 'bomb.docx', BAD_WORD_FILES.zipBomb()),
    check: (r) => expect(r.stderr).toMatch(/could not read bomb\.docx: the part word\/document\.xml inflates more than 200 times its compressed size; this looks like a zip bomb/),
  },
  {
    input: 'A zip without `word/document.xml` (an Excel workbook named `.docx`)',
    behaviour: 'names the missing part and what the file is',
    exit: 2,
    setup: (d) => write(d, 'book.docx', BAD_WORD_FILES.noDocument()),
    check: (r) => expect(r.stderr).toMatch(/could not read book\.docx: it has no word\/document\.xml: this is an Excel workbook, not a Word document/),
  },
  {
    input: 'A `.docx` whose XML declares entities (a DOCTYPE)',
    behaviour: 'refused, never expanded: "declares a DOCTYPE"',
    exit: 2,
    setup: (d) => write(d, 'policy.docx', BAD_WORD_FILES.entityDeclaration()),
    check: (r) => expect(r.stderr).toMatch(/could not read policy\.docx: word\/document\.xml: it declares a DOCTYPE/),
  },
  {
    input: 'A `.docx` linked to an external template (`TargetMode="External"`)',
    behaviour: 'linted; a note names the link and says it was not fetched',
    exit: 0,
    setup: (d) => write(d, 'policy.docx', BAD_WORD_FILES.externalTemplate()),
    check: (r) => expect(r.stderr).toMatch(/policy\.docx: it links to external content \(attachedTemplate: http:\/\/templates\.example\/policy\.dotm\); policylint does not fetch it/),
  },
  {
    input: 'A macro-enabled `.docm` named on the command line',
    behaviour: 'its text is linted; a note says the macros were not run (vbaProject.bin is never inflated)',
    exit: 0,
    setup: (d) => write(d, 'policy.docm', BAD_WORD_FILES.macroEnabled()),
    args: ['policy.docm'],
    check: (r) => expect(r.stderr).toMatch(/policy\.docm: it contains macros; policylint read its text only and never runs them/),
  },
  {
    input: '`--fix` on a `.docx` with fixable findings',
    behaviour: 'the Word file stays byte for byte; a note says --fix never writes a Word document and how to convert it',
    exit: 0,
    setup: (d) => {
      const bytes = makeDocx({ body: p('网站客户服务制度', { style: 'Title' }) + p('一、总则') + p('内容。') + p('三、附则') + p('内容。') });
      write(d, 'policy.docx', bytes);
      write(d, 'original.bin', bytes);
    },
    args: ['--fix'],
    check: (r, d) => (expect(r.stderr).toMatch(/policy\.docx: --fix never writes a Word document/), expect(spawnSync('cmp', [join(d, 'policy.docx'), join(d, 'original.bin')]).status).toBe(0)),
  },
  // Issue 18, blow-ups and isolation: each of these crashed, hung or grew without bound before.
  {
    input: 'A 5 KB nest of block quotes and one of `- - -` lists, linted beside a healthy file',
    asProcess: true,
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
    asProcess: true,
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

const FIXABLE = '网站客户服务制度\n\n一、总则\n\n内容。\n\n三、附则\n\n内容。\n';
const PLACEHOLDER = '# 服务说明\n\n本说明适用于【公司名称】。\n';

/** A folder beside the test folder, holding fixable files that links inside the test folder lead to. */
function plantOutside(d: string): void {
  const outside = `${d}-outside`;
  write(outside, 'policy.md', FIXABLE);
  write(outside, 'dir/policy.md', FIXABLE);
  write(outside, 'pristine', FIXABLE);
  symlinkSync(join(outside, 'policy.md'), join(d, 'linked.md'));
  symlinkSync(join(outside, 'dir'), join(d, 'linked-dir'));
  write(d, 'inside.md', FIXABLE);
}

function expectOutsideUntouched(d: string): void {
  const outside = `${d}-outside`;
  for (const file of ['policy.md', 'dir/policy.md']) expect(spawnSync('cmp', [join(outside, 'pristine'), join(outside, file)]).status, `${file} changed`).toBe(0);
  expect(readdirSync(outside).sort()).toEqual(['dir', 'pristine', 'policy.md'].sort());
}

/** a.md with a placeholder, and a cache whose entry for it has the right key, size and time but the given analysis. */
function plantCacheEntry(d: string, analysis: object): void {
  write(d, 'a.md', PLACEHOLDER);
  const file = join(d, 'a.md');
  const { size, mtimeMs } = statSync(file);
  const hash = createHash('sha256').update(readFileSync(file)).digest('hex');
  const version = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version;
  const entry = { size, mtimeMs, hash, key: configKey({}, 'auto|policy', 'a.md'), analysis };
  write(d, '.policylintcache', JSON.stringify({ format: 1, version, entries: { [file]: entry } }));
}

export function reliabilityDoc(): string {
  const rows = CASES.map((c) => `| ${c.input} | ${c.behaviour} | ${c.exit} |`);
  return [
    '# Reliability: what policylint does with bad input',
    '',
    '<!-- Generated from test/reliability.test.ts by `npm run docs`. Every row is a test that runs the command line. Do not edit. -->',
    '',
    'Every case below is run by `npm test` through policylint\'s command line (those about the process itself, stack depth and the shipped bundle, as a process of the built CLI). Exit codes: 0 nothing',
    'wrong (skipped files do not change it, nor does a `--fix` that had nothing to fix), 1',
    'findings, 2 usage, config or internal error, nothing to lint (a folder or glob that finds',
    'no Markdown or Word file), a Word document that cannot be read (not a zip, a `.doc`,',
    'encrypted, damaged, a zip bomb, a DOCTYPE), or fixes that `--fix` could not write',
    '(read-only, hard-linked, outside the workspace, changed meanwhile).',
    '',
    '`--fix` writes only regular files inside the folders being linted, after following links;',
    'it refuses a read-only file and a file with other hard links (replacing it would split',
    'them), and keeps mode, owner and group. The walk follows no symlink out of those folders',
    'unless `--follow-symlinks` is given, and never enters `/proc`, `/sys` or `/dev`. A cache',
    'entry must have the shape policylint writes and describe the file it is stored under, or',
    'it is a miss; an entry of the right shape for the right content is believed, so do not',
    'share a cache across a trust boundary.',
    '',
    '| input | what policylint does | exit |',
    '| --- | --- | --- |',
    ...rows,
    '',
    'Also covered elsewhere: property and fuzz tests of the engine over random and adversarial',
    'Markdown (`test/fuzz/`: 10,000-item lists, 1 MB lines, deep nesting, huge tables, mixed',
    'line endings); atomic writes that refuse a file changed since it was read and leave the',
    'original intact when a write fails, or refuse links out, read-only and hard-linked files',
    '(`test/cli/write*.test.ts`); every output format fed hostile strings',
    '(`test/cli/formatters-hostile.test.ts`); the language server under random request',
    'sequences, requests before `initialize` (ServerNotInitialized) and a `didChange` that',
    'reuses its version (`test/server/`).',
    '',
  ].join('\n');
}

describe('bad input', () => {
  it.each(CASES.map((c) => [c.input, c] as const))('%s', async (_name, c) => {
    const dir = mkdtempSync(join(tmpdir(), 'policylint-bad-'));
    c.setup(dir);
    const run = c.asProcess ? runCliProcess(c.args ?? [], dir) : await runCli(c.args ?? [], dir);
    expect(run.stderr).not.toMatch(/internal error|TypeError|RangeError|at .*\.js:\d+/);
    expect(run.code, run.stderr).toBe(c.exit);
    c.check(run, dir);
  });

  it('docs/reliability.md lists exactly these cases', async () => {
    const file = join(REPO_ROOT, 'docs/reliability.md');
    if (updating('UPDATE_DOCS')) writeFileSync(file, reliabilityDoc());
    expect(existsSync(file) ? readFileSync(file, 'utf8') : '', 'docs/reliability.md is stale: run npm run docs').toBe(reliabilityDoc());
  });
});
