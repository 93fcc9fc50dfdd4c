// The regression floor on real documents nobody here wrote (../shared/realdocs):
// the shared scorer lints each one on its own, as a user would, and compares the
// findings, kinds and commitments with the hand annotations. A figure that drops
// below what the project has reached fails the suite. Raise a floor when a change
// lifts the figure for good; never lower one to make a change pass.
//
// In CI the documents must be there (see sharedAvailable).

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, sharedAvailable } from './helpers/cli';

const SHARED = join(REPO_ROOT, '../shared');
const SCORER = join(SHARED, 'tools/score-realdocs.mjs');
const DIRS = [join(SHARED, 'realdocs/en'), join(SHARED, 'realdocs/zh')];
const AVAILABLE = sharedAvailable([SCORER, ...DIRS], 'realdocs');

interface RuleTotals {
  tp: number;
  fp: number;
  fn: number;
}

interface Totals {
  docs: number;
  kindOk: number;
  tp: number;
  fp: number;
  fn: number;
  perRule: Record<string, RuleTotals>;
  gold: number;
  found: number;
  metricOk: number;
  spurious: number;
  reported: number;
  pairs: number;
  pairsOk: number;
}

/** The levels reached (scorer output in docs/quality.md); each is a floor, or for spurious a ceiling. */
const FLOOR = {
  kind: 1.0,
  findingsPrecision: 1.0,
  findingsRecall: 0.95,
  rulePrecision: 1.0,
  commitmentRecall: 0.97,
  metric: 0.99,
  spuriousCeiling: 0.0,
  pairs: 0.95,
};

/** The project's further documents (test/realdocs-extra), annotated independently of the extractor: counts and ratios. */
const EXTRA = join(REPO_ROOT, 'test/realdocs-extra');
const EXTRA_FLOOR = { kind: 1.0, falsePositives: 1, falseNegatives: 3, commitmentRecall: 0.95, metric: 0.85, spuriousCeiling: 0.105, pairs: 0.91 };

/** Rules whose every annotated finding must be found and whose every finding must be annotated. */
const CONFLICT_RULES = ['sla-conflict', 'sla-unit-mismatch', 'sla-order', 'service-hours-conflict'];

/** The shared scorer's totals over annotated folders, with this checkout's CLI. */
function score(dirs: string[]): Totals {
  const run = spawnSync(process.execPath, [SCORER, '--json', '--cli', join(REPO_ROOT, 'bin/policylint.js'), ...dirs], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  expect(run.status, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { total: Totals }).total;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

describe.skipIf(!AVAILABLE)('real documents', () => {
  it(
    'hold every figure at or above the level reached',
    () => {
      const total = score(DIRS);
      expect(total.docs).toBeGreaterThanOrEqual(22);
      expect(ratio(total.kindOk, total.docs), 'kind right').toBeGreaterThanOrEqual(FLOOR.kind);
      expect(ratio(total.tp, total.tp + total.fp), 'findings precision').toBeGreaterThanOrEqual(FLOOR.findingsPrecision);
      expect(ratio(total.tp, total.tp + total.fn), 'findings recall').toBeGreaterThanOrEqual(FLOOR.findingsRecall);
      for (const [rule, t] of Object.entries(total.perRule)) {
        expect(ratio(t.tp, t.tp + t.fp), `${rule} precision`).toBeGreaterThanOrEqual(FLOOR.rulePrecision);
      }
      for (const rule of CONFLICT_RULES) {
        const t = total.perRule[rule] ?? { tp: 0, fp: 0, fn: 0 };
        expect({ rule, fp: t.fp, fn: t.fn }).toEqual({ rule, fp: 0, fn: 0 });
      }
      expect(ratio(total.found, total.gold), 'commitment recall').toBeGreaterThanOrEqual(FLOOR.commitmentRecall);
      expect(ratio(total.metricOk, total.found), 'metric right').toBeGreaterThanOrEqual(FLOOR.metric);
      expect(ratio(total.spurious, total.reported), 'spurious').toBeLessThanOrEqual(FLOOR.spuriousCeiling);
      expect(ratio(total.pairsOk, total.pairs), 'same-promise pairs').toBeGreaterThanOrEqual(FLOOR.pairs);
    },
    180_000,
  );

  it(
    'hold the figures on the project\'s further documents, annotated independently of the extractor',
    () => {
      const total = score([join(EXTRA, 'en'), join(EXTRA, 'zh')]);
      expect(total.docs).toBe(11);
      expect(ratio(total.kindOk, total.docs), 'kind right').toBeGreaterThanOrEqual(EXTRA_FLOOR.kind);
      expect(total.fp, 'false findings').toBeLessThanOrEqual(EXTRA_FLOOR.falsePositives);
      expect(total.fn, 'missed findings').toBeLessThanOrEqual(EXTRA_FLOOR.falseNegatives);
      expect(ratio(total.found, total.gold), 'commitment recall').toBeGreaterThanOrEqual(EXTRA_FLOOR.commitmentRecall);
      expect(ratio(total.metricOk, total.found), 'metric right').toBeGreaterThanOrEqual(EXTRA_FLOOR.metric);
      expect(ratio(total.spurious, total.reported), 'spurious').toBeLessThanOrEqual(EXTRA_FLOOR.spuriousCeiling);
      expect(ratio(total.pairsOk, total.pairs), 'same-promise pairs').toBeGreaterThanOrEqual(EXTRA_FLOOR.pairs);
    },
    180_000,
  );
});
