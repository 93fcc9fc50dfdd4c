// The extractor on real text nobody wrote for it: GitHub's site policies (real
// "within N days" sentences) and Chinese statutes (real 七个工作日内, and many dates
// and article numbers that must stay quiet).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseChineseNumeral } from '../../server/src/engine/numerals';
import { extractCommitments, type Commitment, type Unit } from '../../server/src/policy/sla';
import { sharedAvailable } from '../helpers/cli';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpus = path.resolve(here, '../../../shared/corpus');
const EN = path.join(corpus, 'en-site-policy');
const ZH_LAWS = path.join(corpus, 'zh-laws');

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? markdownFiles(p) : e.name.endsWith('.md') ? [p] : [];
  });
}

function paragraphs(dir: string): string[] {
  return markdownFiles(dir).flatMap((f) => fs.readFileSync(f, 'utf8').split(/\n\s*\n/));
}

// Deliberately independent of the extractor: a plain regex and a small word list.
const WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  twelve: 12, fourteen: 14, fifteen: 15, twenty: 20, thirty: 30, forty: 40, 'forty-five': 45, sixty: 60, ninety: 90,
};
const EN_CANDIDATE =
  /\b(?:within|no later than|at least|up to)\s+(?:the\s+window\s+of\s+)?(?:approximately\s+|about\s+)?((?:\d+|[a-z]+(?:-[a-z]+)?)(?:\s*\(\d+\)\s*)?)(?:\s*(?:-|–|to)\s*(\d+))?\s*(business days?|calendar days?|days?|hours?|weeks?|months?)\b/gi;

function enUnit(u: string): Unit {
  const s = u.toLowerCase();
  if (s.startsWith('business')) return 'business-day';
  if (s.startsWith('calendar') || s.startsWith('day')) return 'day';
  if (s.startsWith('hour')) return 'hour';
  if (s.startsWith('week')) return 'week';
  return 'month';
}

/** Does some commitment cover `offset` with this upper value and unit? */
function covered(cs: Commitment[], offset: number, max: number, unit: Unit): boolean {
  return cs.some((c) => c.valueStart <= offset && c.valueEnd > offset && c.unit === unit && c.value?.max === max);
}

describe.skipIf(!sharedAvailable([EN], 'English site policies'))('English site policies', () => {
  const paras = fs.existsSync(EN) ? paragraphs(EN) : [];

  it('extracts at least 90% of the "within N days/hours" phrases with the right value and unit', () => {
    let total = 0;
    let found = 0;
    const misses: string[] = [];
    for (const p of paras) {
      const cs = extractCommitments(p);
      for (const m of p.matchAll(EN_CANDIDATE)) {
        // "You must notify us within 30 days", "requests must be submitted within…": the user's duty, which
        // is no promise and is left out on purpose (a plain test, independent of the extractor's own).
        const sentence = p.slice(Math.max(0, p.lastIndexOf('.', m.index!) + 1), m.index!);
        if (/\b(?:you|users?|customers?|the\s+customer)\s+(?:must|should|shall|need\s+to|are\s+required\s+to)\b|\bmust\s+be\s+(?:submitted|made|filed|sent)\b/i.test(sentence)) continue;
        // A condition ("If Partner cures … within 15 days") and a window ("for up to 90 days") are not promises either.
        if (/\bif\b[^,]*$/i.test(sentence) || /\bfor\s+$/i.test(p.slice(Math.max(0, m.index! - 4), m.index!))) continue;
        const numText = m[1]!.trim();
        const paren = /\((\d+)\)/.exec(numText);
        const n = paren ? Number(paren[1]) : /^\d+$/.test(numText) ? Number(numText) : WORDS[numText.toLowerCase()];
        if (n === undefined) continue;
        total++;
        const unitOffset = m.index! + m[0].length - m[3]!.length;
        if (covered(cs, unitOffset, m[2] ? Number(m[2]) : n, enUnit(m[3]!))) found++;
        else misses.push(m[0]);
      }
    }
    expect(total).toBeGreaterThanOrEqual(30);
    expect(found / total, `missed: ${misses.join(' | ')}`).toBeGreaterThanOrEqual(0.9);
  });

  it('does not read ages, cookie tables or version numbers as promises', () => {
    const all = paras.flatMap((p) => extractCommitments(p));
    expect(all.filter((c) => /\bold\b|of age/.test(c.text))).toEqual([]);
    expect(all.filter((c) => c.unit === 'percent' && /fee|interest|late/i.test(c.text))).toEqual([]);
    expect(all.filter((c) => c.unit === 'year' && Number(c.value?.max) >= 1000)).toEqual([]);
  });
});

describe.skipIf(!sharedAvailable([ZH_LAWS], 'Chinese statutes'))('Chinese statutes', () => {
  const paras = fs.existsSync(ZH_LAWS) ? paragraphs(ZH_LAWS) : [];
  const all = paras.map((p) => ({ p, cs: extractCommitments(p) }));

  it('extracts the statutory deadlines (七个工作日内, 十五日内) with their values', () => {
    let total = 0;
    let found = 0;
    for (const { p, cs } of all) {
      for (const m of p.matchAll(/([一二三四五六七八九十百]+|\d+)(个工作日|日)内/g)) {
        const n = /^\d/.test(m[1]!) ? Number(m[1]) : parseChineseNumeral(m[1]!);
        if (n === undefined) continue;
        // 消费者有权自收到商品之日起七日内退货: the consumer's window, which is deliberately not read as a promise.
        if (/收到商品之日起$/.test(p.slice(Math.max(0, m.index! - 8), m.index))) continue;
        total++;
        if (covered(cs, m.index! + m[1]!.length, n, m[2] === '日' ? 'day' : 'business-day')) found++;
      }
    }
    // Nine deadlines once the consumer's windows are left out: enough to show the statutes were read.
    expect(total).toBeGreaterThanOrEqual(8);
    expect(found / total, `${found} of ${total}`).toBeGreaterThanOrEqual(0.9);
  });

  it('stays quiet on dates, article numbers and money', () => {
    const values = all.flatMap(({ p, cs }) => cs.map((c) => ({ before: p.slice(Math.max(0, c.valueStart - 2), c.valueStart), c })));
    expect(values.filter(({ before }) => /第\s*$|[年月]\s*$/.test(before))).toEqual([]);
    expect(values.filter(({ c }) => /元|罚款|徒刑/.test(c.valueText))).toEqual([]);
    // 2019年11月30日 国家市场监督管理总局令第20号公布
    for (const { p, cs } of all) if (/^\d{4}年\d+月\d+日/.test(p.trim())) expect(cs).toEqual([]);
  });
});

// Speed is measured by `npm run bench` (extraction and checks vs parsing zh-regulations), not here.
