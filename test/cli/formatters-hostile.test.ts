// Every output format fed hostile text (in file names, messages, skipped reasons, SLA cells):
// whatever a document says, no output can drive a terminal, inject a CI workflow command, run
// a spreadsheet formula or mention someone in a pull-request comment.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlacedFinding } from '../../server/src/engine/types';
import type { FileResult, RunSummary } from '../../server/src/cli/report';
import { formatterNames, getFormatter, type FormatContext } from '../../server/src/cli/formatters/index';
import { slaCsv, slaMarkdown, type SlaRow } from '../../server/src/cli/sla-table';

/** Pieces each output is known to be tricked by, mixed with any text at all. */
const TRICKS = ['\u001b[31m', '\u001b]8;;http://x\u0007', '\u009b2J', '\r', '\n', '\r\n', '::error::pwned', '::set-env name=X::1', '%0A', '%', ',', ':', '=HYPERLINK("http://x")', '+1', '-1', '@', '\t=1', '@octocat', '#12', '`', '``', '|', '<img src=x onerror=alert(1)>', '&lt;', '[x](javascript:alert(1))', '*', '_', '\u202e', '\u2066', '\u0000', '\u007f'];

const hostile = fc.array(fc.oneof(fc.constantFrom(...TRICKS), fc.string({ unit: 'binary', maxLength: 6 })), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));

function finding(message: string, relatedPath: string): PlacedFinding {
  return { ruleId: 'placeholder', severity: 'error', messageId: 'm', message, start: 0, end: 1, line: 2, column: 3, endLine: 2, endColumn: 4, fixable: false, fixes: [], related: [{ path: relatedPath, message, start: 0, end: 1, line: 1, column: 1, endLine: 1, endColumn: 2 }] };
}

function results(path: string, message: string, reason: string): FileResult[] {
  return [
    { path, kind: 'handbook', language: 'en', findings: [finding(message, path)] },
    { path: `${path}-skipped`, kind: null, language: 'en', findings: [], skipped: { reason } },
  ];
}

const SUMMARY: RunSummary = { files: 2, errors: 1, warnings: 0, infos: 0 };
const ctx = (color: boolean): FormatContext => ({ rules: [], locale: 'en', cwd: '/', toolVersion: '0.0.0', color });

/** Controls other than the line feed that ends each output line, and the bidirectional overrides. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function row(text: string): SlaRow {
  return { path: text, line: 1, column: 1, channel: text, metric: text, conditions: [text], scope: { plan: text }, comparator: null, value: text, unit: null, clock: null, normalized: text, strength: null, text, status: 'ok' };
}

/** RFC 4180 records, enough to read back what slaCsv writes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') record.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') record.push(cell), records.push(record), (record = []), (cell = ''), i++;
    else cell += c;
  }
  return records;
}

describe('every formatter escapes hostile text', () => {
  it('covers every format there is (a new one needs its property here)', () => {
    expect([...formatterNames].sort()).toEqual(['github', 'gitlab', 'json', 'junit', 'sarif', 'stylish']);
  });

  it('stylish: no control character or escape sequence but its own colours', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, fc.boolean(), (path, message, reason, color) => {
        const out = getFormatter('stylish')(results(path, message, reason), SUMMARY, ctx(color));
        // The palette's own SGR sequences are the only escapes allowed.
        expect(out.replace(/\u001b\[\d+m/g, '')).not.toMatch(RAW_CONTROL);
      }),
      { numRuns: 300 },
    );
  });

  it('github: each line is exactly one workflow command of ours', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (path, message, reason) => {
        const out = getFormatter('github')(results(path, message, reason), SUMMARY, ctx(false));
        const lines = out.split('\n').slice(0, -1);
        expect(lines).toHaveLength(2);
        for (const line of lines) {
          expect(line).not.toMatch(RAW_CONTROL);
          // Properties hold no ':' (so no '::' ends them early); the message follows the second '::'.
          expect(line).toMatch(/^::(?:error|warning|notice) [^:\r\n]*::[^\r\n]*$/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('json and sarif: valid JSON that gives back the text unchanged, with no raw control character', () => {
    for (const name of formatterNames.filter((n) => n === 'json' || n === 'sarif')) {
      fc.assert(
        fc.property(hostile, hostile, (path, message) => {
          const out = getFormatter(name)(results(path, message, 'r'), SUMMARY, ctx(false));
          expect(out.slice(0, -1)).not.toMatch(RAW_CONTROL);
          expect(JSON.stringify(JSON.parse(out))).toContain(JSON.stringify(message).slice(1, -1));
        }),
        { numRuns: 150 },
      );
    }
  });

  it('gitlab: valid JSON that gives back the path and message unchanged, with no raw control character', () => {
    fc.assert(
      fc.property(hostile, hostile, (path, message) => {
        const out = getFormatter('gitlab')(results(path, message, 'r'), SUMMARY, ctx(false));
        expect(out.slice(0, -1)).not.toMatch(RAW_CONTROL);
        const issues = JSON.parse(out) as { description: string; location: { path: string } }[];
        expect(issues).toHaveLength(1);
        expect(issues[0]!.description).toBe(message);
        expect(issues[0]!.location.path).toBe(path);
      }),
      { numRuns: 150 },
    );
  });

  it('junit: only our own elements, attributes closed where they open, no character XML cannot hold', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (path, message, reason) => {
        const out = getFormatter('junit')(results(path, message, reason), SUMMARY, ctx(false));
        expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        const tags = [...out.matchAll(/<\/?([a-z?]+)/g)].map((m) => m[1]);
        expect(tags).toEqual(['?xml', 'testsuites', 'testsuite', 'testcase', 'failure', 'failure', 'testcase', 'testsuite', 'testsuite', 'testcase', 'skipped', 'testcase', 'testsuite', 'testsuites']);
        expect(out.match(/</g)).toHaveLength(tags.length);
        // Every attribute value is quoted and holds no quote, < or > of its own.
        expect(out.replace(/ [a-zA-Z]+="[^"<>]*"/g, '')).not.toContain('"');
      }),
      { numRuns: 150 },
    );
  });

  it('sla csv: the text survives, and no cell can start a formula', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const records = parseCsv(slaCsv([row(text)]));
        expect(records).toHaveLength(2);
        for (const cell of records[1]!) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        expect(records[1]![12]).toBe(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
      }),
      { numRuns: 300 },
    );
  });

  it('sla md: one row of eight cells, no HTML, link, mention or issue reference', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const out = slaMarkdown([row(text)], 'en');
        const line = out.split('\n')[2]!;
        // Eight cells: nine pipes that are not escaped.
        expect(line.match(/(?<!\\)\|/g)).toHaveLength(9);
        // The file name is code, where GitHub neither renders HTML nor mentions; the other cells are text.
        const cells = line.slice(line.search(/ \| /));
        expect(cells).not.toMatch(/<[a-z/!]/i);
        expect(cells).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/);
        expect(cells).not.toMatch(/@(?!&#8203;)/);
        expect(cells).not.toMatch(/(?<!&)#(?!&#8203;)\w/);
        // The file name is one code span that no back-tick inside closes early.
        const first = line.slice(2, line.search(/ \| /));
        const fence = /^`+/.exec(first)![0];
        expect(first.endsWith(fence)).toBe(true);
        const inside = first.slice(fence.length, first.length - fence.length);
        expect((inside.match(/`+/g) ?? []).every((run) => run.length !== fence.length)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
