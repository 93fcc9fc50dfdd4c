// Time must grow linearly with the input (issue 18). Every regular-expression
// literal in server/src is found by reading the sources (so a new one is
// covered without touching this file) and run against pumped inputs of length
// n and 2n; so are the per-line SLA extraction and the whole-document lint.
// We compare the ratio t(2n)/t(n) (medians of a few runs), never absolute times:
// a linear algorithm gives about 2, a quadratic one 4. An input the regex gets
// through in under a millisecond at 2n cannot hide quadratic work at this size,
// and is not timed further (timer noise would dominate the ratio).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { lintText } from '../server/src/lint/linter';
import { extractCommitments } from '../server/src/policy/sla/extract';
import { REPO_ROOT } from './helpers/cli';

const SRC = join(REPO_ROOT, 'server/src');
const N = 4000;
/** Above this, a doubling counts as superlinear (a quadratic algorithm gives 4). */
const MAX_RATIO = 3;
/** Below this many milliseconds at 2n nothing quadratic can hide, so the input is not timed further. */
const NOISE_FLOOR_MS = 1;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sourceFiles(path);
    return /\.ts$/.test(e.name) ? [path] : [];
  });
}

interface Literal {
  where: string;
  regex: RegExp;
}

/** Every regular-expression literal in server/src, found by the TypeScript parser. */
function regexLiterals(): Literal[] {
  const out: Literal[] = [];
  for (const file of sourceFiles(SRC)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(source);
        const slash = text.lastIndexOf('/');
        const flags = text.slice(slash + 1).replace(/[gy]/g, '');
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        out.push({ where: `${file.slice(SRC.length + 1)}:${line} ${text.slice(0, 60)}`, regex: new RegExp(text.slice(1, slash), `${flags}g`) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

/** Strings to repeat: what commonly makes a regex retry (spaces, letters, digits, CJK, punctuation), and the regex's own literal characters. */
function pumpsFor(regex: RegExp): string[] {
  const own = [...new Set(regex.source.replace(/\\[a-zA-Z]|\\u[0-9a-fA-F]{4}|\[\^?|[\\()[\]{}|?*+^$.:=!<>,]/g, '').replace(/\d/g, ''))].slice(0, 12);
  const generic = [' ', 'a', '1', '一', '\u3000', '*', '_', '[', '.', ',', '-', '\n', 'a ', '1 ', '1.', 'aa1', '**', '> ', '- ', '第一条', 'within 2 hours '];
  return [...generic, ...own, ...own.map((c) => `${c} `)];
}

function timeOf(run: () => void, times: number): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

function scan(regex: RegExp, text: string): void {
  regex.lastIndex = 0;
  for (const m of text.matchAll(regex)) if (m.index < 0) throw new Error('unreachable');
}

/** The doubling ratio, or undefined when the work at 2n is too small to time. */
function doublingRatio(make: (n: number) => string, run: (input: string) => void, n: number): number | undefined {
  const small = make(n);
  const large = make(2 * n);
  if (timeOf(() => run(large), 1) < NOISE_FLOOR_MS) return undefined;
  run(small); // warm up both sizes: the first runs pay for compiling
  run(large);
  return timeOf(() => run(large), 5) / Math.max(timeOf(() => run(small), 5), 1e-3);
}

/**
 * The worst doubling ratio over inputs. A bad one must be confirmed by two more measurements
 * (the best of three counts): a GC pause or a busy machine is not growth, while a quadratic
 * algorithm gives about 4 every time.
 */
function worstRatio(cases: { name: string; make: (n: number) => string; run: (input: string) => void }[], n: number): { name: string; ratio: number; timed: number } {
  let worst = { name: '', ratio: 0 };
  let timed = 0;
  for (const c of cases) {
    let ratio = doublingRatio(c.make, c.run, n);
    for (let retry = 0; retry < 2 && ratio !== undefined && ratio >= MAX_RATIO; retry++) ratio = Math.min(ratio, doublingRatio(c.make, c.run, n) ?? 0);
    if (ratio !== undefined) timed++;
    if (ratio !== undefined && ratio > worst.ratio) worst = { name: c.name, ratio };
  }
  return { ...worst, timed };
}

describe('linear time', () => {
  const literals = regexLiterals();

  it('finds the regular expressions of server/src', () => {
    expect(literals.length).toBeGreaterThan(200);
  });

  it('every regular-expression literal in server/src runs in linear time on pumped input', () => {
    const slow: string[] = [];
    for (const { where, regex } of literals) {
      const cases = pumpsFor(regex).map((pump) => ({
        name: JSON.stringify(pump),
        // A failing end ("!" and a control character) makes a regex that almost matches try every way first.
        make: (n: number) => `${pump.repeat(Math.ceil(n / pump.length))}!\u0001`,
        run: (input: string) => scan(regex, input),
      }));
      const worst = worstRatio(cases, N);
      if (worst.ratio >= MAX_RATIO) slow.push(`${where} on ${worst.name}: t(2n)/t(n) = ${worst.ratio.toFixed(1)}`);
    }
    expect(slow).toEqual([]);
  });

  it('the per-line SLA extraction runs in linear time on one endless line', () => {
    const units = [
      '热线电话在工作日9:00-18:00内20秒接通并在2小时内回复和',
      'we respond within 2 hours and resolve within 3 business days for priority 1 and ',
      '7×',
      '热线电话20秒接通，',
      'we answer within 2 hours, ',
      '如遇紧急情况热线电话20秒接通和',
    ];
    const worst = worstRatio(
      units.map((unit) => ({
        name: unit,
        make: (n: number) => unit.repeat(Math.ceil(n / unit.length)) + '。',
        run: (text: string) => void extractCommitments(text, { headingConditions: [], language: /[a-z]/.test(unit) ? 'en' : 'zh' }),
      })),
      20_000,
    );
    expect(worst.timed, 'cases large enough to time').toBeGreaterThan(0);
    expect(worst.ratio, worst.name).toBeLessThan(MAX_RATIO);
  });

  it('the whole-document lint runs in linear time', () => {
    const sample = readFileSync(join(REPO_ROOT, 'samples/clean', readdirSync(join(REPO_ROOT, 'samples/clean')).find((f) => f.endsWith('.md'))!), 'utf8');
    const shapes = [
      { name: 'a policy repeated', unit: `${sample}\n\n` },
      { name: 'numbered lines', unit: '一、总则\n\n内容。\n\n（一）身份证明\n\n' },
      { name: 'spaces after a title', unit: `**第一条** 标题${' '.repeat(200)}\n\n` },
      { name: 'block quotes', unit: '> 引用的内容。\n\n' },
      { name: 'conflicting promises', unit: '热线电话须在20秒内接通。\n\n热线电话须在30秒内接通。\n\n' },
    ];
    const worst = worstRatio(
      shapes.map((s) => ({ name: s.name, make: (n: number) => s.unit.repeat(Math.ceil(n / s.unit.length)), run: (text: string) => void lintText('x.md', text) })),
      40_000,
    );
    expect(worst.timed, 'cases large enough to time').toBeGreaterThan(0);
    expect(worst.ratio, worst.name).toBeLessThan(MAX_RATIO);
  });
});
