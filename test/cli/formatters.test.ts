import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { PlacedFinding, RuleDescriptor } from '../../server/src/engine/types';
import type { FileResult, RunSummary } from '../../server/src/cli/report';
import { formatterNames, getFormatter, type FormatContext } from '../../server/src/cli/formatters/index';
import { formatJson } from '../../server/src/cli/formatters/json';
import { formatStylish, summaryLine } from '../../server/src/cli/formatters/stylish';
import { escapeData, escapeProperty, formatGithub } from '../../server/src/cli/formatters/github';

function rule(id: string, severity: RuleDescriptor['meta']['severity']): RuleDescriptor {
  return {
    id,
    meta: {
      summary: { en: `${id} summary`, 'zh-CN': `${id} 摘要` },
      finds: `what ${id} finds`,
      description: { en: `${id} description`, 'zh-CN': `${id} 说明` },
      severity,
      fixable: false,
      messages: {},
    },
  };
}

const rules = [rule('placeholder', 'error'), rule('numbering', 'warning'), rule('sla-hours', 'info')];

function finding(over: Partial<PlacedFinding> & Pick<PlacedFinding, 'ruleId' | 'severity' | 'message' | 'line' | 'column'>): PlacedFinding {
  return {
    start: 0,
    end: 1,
    messageId: 'm',
    related: [],
    fixes: [],
    endLine: over.line,
    endColumn: over.column + 1,
    fixable: false,
    ...over,
  };
}

const zhFile: FileResult = {
  path: 'samples/客服手册.md',
  kind: 'handbook',
  language: 'zh',
  findings: [
    finding({
      ruleId: 'numbering',
      severity: 'warning',
      message: '编号跳过了第 3 条。',
      line: 12,
      column: 1,
      fixable: true,
    }),
    finding({
      ruleId: 'placeholder',
      severity: 'error',
      message: '占位符“【公司名称】”尚未填写',
      line: 3,
      column: 8,
      endLine: 3,
      endColumn: 14,
      related: [
        { path: 'samples/客服手册.md', start: 90, end: 96, line: 9, column: 1, endLine: 9, endColumn: 7, message: '也出现在这里' },
      ],
    }),
  ],
};

const enFile: FileResult = {
  path: 'samples/b.md',
  kind: 'sla',
  language: 'en',
  findings: [
    finding({ ruleId: 'sla-hours', severity: 'info', message: 'Response time is stated twice.', line: 104, column: 22 }),
  ],
};

const cleanFile: FileResult = { path: 'samples/clean.md', kind: 'sla', language: 'en', findings: [] };
const skippedFile: FileResult = {
  path: 'samples/scan.md',
  kind: null,
  language: 'en',
  findings: [],
  skipped: { reason: 'file looks binary (it has a NUL byte in its first 8 KB)' },
};

const results = [zhFile, enFile, cleanFile, skippedFile];
const summary: RunSummary = { files: 4, errors: 1, warnings: 1, infos: 1 };
const ctx = (over: Partial<FormatContext> = {}): FormatContext => ({
  rules,
  locale: 'en',
  cwd: '/repo',
  toolVersion: '0.1.0',
  ...over,
});

const ANSI = /\u001b\[[0-9;]*m/;

describe('stylish', () => {
  const out = formatStylish(results, summary, ctx());
  const lines = out.split('\n');

  it('lists findings under their file, sorted by position, with the rule id last', () => {
    const start = lines.indexOf('samples/客服手册.md');
    expect(start).toBeGreaterThan(-1);
    expect(lines[start + 1]).toBe('   3:8  error    占位符“【公司名称】”尚未填写  placeholder');
    // The final CJK full stop is dropped, as ESLint drops a final '.'; the
    // 17-column message is padded to the 28 columns of the one above.
    expect(lines[start + 2]).toBe(`  12:1  warning  编号跳过了第 3 条${' '.repeat(11)}  numbering`);
    expect(out).toContain('  104:22  info  Response time is stated twice  sla-hours');
  });

  it('aligns columns by display width, counting CJK characters as two columns', () => {
    const start = lines.indexOf('samples/客服手册.md');
    const rows = [lines[start + 1]!, lines[start + 2]!];
    const ruleStart = rows.map((r) => stringWidth(r.slice(0, r.lastIndexOf(' ') + 1)));
    expect(ruleStart[0]).toBe(ruleStart[1]);
    const sevStart = rows.map((r) => stringWidth(r.slice(0, r.search(/error|warning/))));
    expect(sevStart[0]).toBe(sevStart[1]);
    // Code-unit padding would have put the rule ids at different string indexes.
    expect(rows[0]!.indexOf('placeholder')).not.toBe(rows[1]!.indexOf('numbering'));
  });

  it('prints skipped files with their reason and leaves clean files out', () => {
    const i = lines.indexOf('samples/scan.md');
    expect(i).toBeGreaterThan(-1);
    expect(lines[i + 1]).toBe('  skipped: file looks binary (it has a NUL byte in its first 8 KB)');
    expect(out).not.toContain('clean.md');
  });

  it('ends with the summary and the fixable count', () => {
    expect(out.endsWith('\n')).toBe(true);
    expect(lines).toContain('✖ 3 problems (1 error, 1 warning, 1 info)');
    expect(lines).toContain('  1 problem potentially fixable with the `--fix` option.');
  });

  it('speaks Chinese in zh-CN', () => {
    const zh = formatStylish(results, summary, ctx({ locale: 'zh-CN' }));
    expect(zh).toContain('✖ 3 个问题（1 个错误，1 个警告，1 个提示）');
    expect(zh).toContain('  已跳过：file looks binary');
    expect(zh).toContain('其中 1 个问题可用 `--fix` 选项自动修复。');
    // Severity words stay English for editors' problem matchers.
    expect(zh).toMatch(/3:8 {2}\s*error/);
  });

  it('has no escape codes unless color is on', () => {
    expect(out).not.toMatch(ANSI);
    const coloured = formatStylish(results, summary, ctx({ color: true }));
    expect(coloured).toContain('\u001b[31merror  \u001b[39m');
    expect(coloured).toContain('\u001b[4msamples/b.md\u001b[24m');
    expect(coloured.replace(new RegExp(ANSI.source, 'g'), '')).toBe(out);
  });

  it('prints nothing for a clean run', () => {
    expect(formatStylish([cleanFile], { files: 1, errors: 0, warnings: 0, infos: 0 }, ctx())).toBe('');
  });

  it('keeps a multi-line message on one row', () => {
    const f: FileResult = {
      ...enFile,
      findings: [finding({ ruleId: 'x', severity: 'error', message: 'first\nsecond', line: 1, column: 1 })],
    };
    const text = formatStylish([f], { files: 1, errors: 1, warnings: 0, infos: 0 }, ctx());
    expect(text).toContain('1:1  error  first second  x');
  });
});

describe('summaryLine', () => {
  it('pluralizes and leaves out a zero info count', () => {
    expect(summaryLine({ errors: 3, warnings: 2, infos: 0 }, 'en')).toBe('✖ 5 problems (3 errors, 2 warnings)');
    expect(summaryLine({ errors: 1, warnings: 0, infos: 0 }, 'en')).toBe('✖ 1 problem (1 error, 0 warnings)');
    expect(summaryLine({ errors: 3, warnings: 2, infos: 0 }, 'zh-CN')).toBe('✖ 5 个问题（3 个错误，2 个警告）');
    expect(summaryLine({ errors: 0, warnings: 0, infos: 2 }, 'en')).toBe('✖ 2 problems (0 errors, 0 warnings, 2 infos)');
  });
});

describe('json', () => {
  const text = formatJson(results, summary, ctx());
  const parsed = JSON.parse(text);

  it('follows the documented contract, field order included', () => {
    expect(Object.keys(parsed)).toEqual(['version', 'files', 'summary']);
    expect(parsed.version).toBe(1);
    expect(parsed.summary).toEqual({ files: 4, errors: 1, warnings: 1, infos: 1 });
    const f = parsed.files[0];
    expect(Object.keys(f)).toEqual(['path', 'kind', 'language', 'findings']);
    expect(f).toMatchObject({ path: 'samples/客服手册.md', kind: 'handbook', language: 'zh' });
    const placeholder = f.findings[1];
    expect(Object.keys(placeholder)).toEqual([
      'ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'related', 'fixable',
    ]);
    expect(placeholder).toEqual({
      ruleId: 'placeholder',
      severity: 'error',
      message: '占位符“【公司名称】”尚未填写',
      line: 3,
      column: 8,
      endLine: 3,
      endColumn: 14,
      related: [{ path: 'samples/客服手册.md', line: 9, column: 1, endLine: 9, endColumn: 7, message: '也出现在这里' }],
      fixable: false,
    });
  });

  it('leaves engine internals (offsets, fixes, messageId) out', () => {
    expect(text).not.toMatch(/"(start|end|fixes|messageId|data)"/);
  });

  it('adds "skipped" only to skipped files, keeps clean files', () => {
    expect(parsed.files[3]).toEqual({
      path: 'samples/scan.md',
      kind: null,
      language: 'en',
      findings: [],
      skipped: { reason: 'file looks binary (it has a NUL byte in its first 8 KB)' },
    });
    expect(parsed.files[2]).not.toHaveProperty('skipped');
    expect(parsed.files).toHaveLength(4);
  });

  it('prints the example from the contract byte for byte', () => {
    const one: FileResult = {
      path: 'samples/a.md',
      kind: 'handbook',
      language: 'zh',
      findings: [
        finding({
          ruleId: 'placeholder', severity: 'error', message: '…', line: 3, column: 8, endLine: 3, endColumn: 18,
          related: [{ path: 'samples/a.md', start: 0, end: 0, line: 9, column: 1, endLine: 9, endColumn: 1, message: '…' }],
        }),
      ],
    };
    expect(formatJson([one], { files: 1, errors: 1, warnings: 0, infos: 0 }, ctx())).toBe(
      '{"version":1,"files":[{"path":"samples/a.md","kind":"handbook","language":"zh","findings":[{"ruleId":"placeholder","severity":"error","message":"…","line":3,"column":8,"endLine":3,"endColumn":18,"related":[{"path":"samples/a.md","line":9,"column":1,"endLine":9,"endColumn":1,"message":"…"}],"fixable":false}]}],"summary":{"files":1,"errors":1,"warnings":0,"infos":0}}\n',
    );
  });
});

describe('github', () => {
  const out = formatGithub(results, summary, ctx());
  const lines = out.trimEnd().split('\n');

  it('writes one workflow command per finding, severity mapped', () => {
    expect(lines).toContain(
      '::error file=samples/客服手册.md,line=3,col=8,endLine=3,endColumn=14,title=placeholder::占位符“【公司名称】”尚未填写',
    );
    expect(lines).toContain('::warning file=samples/客服手册.md,line=12,col=1,endLine=12,endColumn=2,title=numbering::编号跳过了第 3 条。');
    expect(lines).toContain('::notice file=samples/b.md,line=104,col=22,endLine=104,endColumn=23,title=sla-hours::Response time is stated twice.');
  });

  it('reports skipped files as warnings', () => {
    expect(lines).toContain(
      '::warning file=samples/scan.md,title=policylint::skipped: file looks binary (it has a NUL byte in its first 8 KB)',
    );
  });

  it('escapes messages and properties the way the runner expects', () => {
    expect(escapeData('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext: a,b');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    const tricky: FileResult = {
      path: 'docs/a,b:c.md',
      kind: null,
      language: 'en',
      findings: [finding({ ruleId: 'r', severity: 'error', message: '50% off\nsecond: line', line: 2, column: 3 })],
    };
    expect(formatGithub([tricky], summary, ctx())).toBe(
      '::error file=docs/a%2Cb%3Ac.md,line=2,col=3,endLine=2,endColumn=4,title=r::50%25 off%0Asecond: line\n',
    );
  });

  it('drops columns from an annotation that spans lines', () => {
    const multi: FileResult = {
      ...enFile,
      findings: [finding({ ruleId: 'r', severity: 'warning', message: 'm', line: 2, column: 5, endLine: 4, endColumn: 1 })],
    };
    expect(formatGithub([multi], summary, ctx())).toBe('::warning file=samples/b.md,line=2,endLine=4,title=r::m\n');
  });

  it('prints nothing for a clean run', () => {
    expect(formatGithub([cleanFile], summary, ctx())).toBe('');
  });
});

describe('getFormatter', () => {
  it('returns each formatter by name', () => {
    expect(formatterNames).toEqual(['stylish', 'json', 'sarif', 'github', 'junit', 'gitlab']);
    expect(getFormatter('json')).toBe(formatJson);
    expect(getFormatter('github')).toBe(formatGithub);
    expect(JSON.parse(getFormatter('sarif')(results, summary, ctx())).version).toBe('2.1.0');
  });

  it('names the valid formatters when given an unknown one', () => {
    expect(() => getFormatter('xml')).toThrow('Unknown formatter "xml". Valid formatters: stylish, json, sarif, github, junit, gitlab.');
    expect(() => getFormatter('toString')).toThrow(/Unknown formatter/);
  });
});
