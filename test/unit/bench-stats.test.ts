// The benchmark's order statistics and alternation (scripts/bench-stats.mjs): what the medians
// and ratios in docs/performance.md are computed with.
import { describe, expect, it } from 'vitest';
import { alternate, median, percentile } from '../../scripts/bench-stats.mjs';

describe('median', () => {
  it.each([
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
    [[2, 2, 9, 1, 100], 2],
  ])('of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('is NaN for no values and leaves its input unsorted', () => {
    expect(median([])).toBeNaN();
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('percentile', () => {
  const twenty = Array.from({ length: 20 }, (_, i) => 20 - i); // 20, 19, …, 1
  it.each([
    [50, 11],
    [95, 20], // of 20 values, p95 is the slowest
    [0, 1],
    [100, 20],
  ])('p%d of 1..20 is %d', (p, expected) => {
    expect(percentile(twenty, p)).toBe(expected);
  });

  it('p95 of 60 values is the 58th', () => {
    const sixty = Array.from({ length: 60 }, (_, i) => i + 1);
    expect(percentile(sixty, 95)).toBe(58);
  });
});

describe('alternate', () => {
  it('starts each round with the next contender and keeps each one in round order', () => {
    const calls: string[] = [];
    let clock = 0;
    const contender = (name: string) => () => {
      calls.push(name);
      return ++clock;
    };
    const out = alternate(4, { a: contender('a'), b: contender('b'), c: contender('c') });
    expect(calls.join(' ')).toBe('a b c b c a c a b a b c');
    expect(out).toEqual({ a: [1, 6, 8, 10], b: [2, 4, 9, 11], c: [3, 5, 7, 12] });
  });

  it('with two contenders, each goes first in half of the rounds', () => {
    const first: string[] = [];
    let last = '';
    const mark = (name: string) => () => {
      if (last === '' || last === 'end') first.push(name);
      last = last === '' || last === 'end' ? name : 'end';
    };
    alternate(6, { ours: mark('ours'), peer: mark('peer') });
    expect(first.filter((n) => n === 'ours')).toHaveLength(3);
    expect(first.filter((n) => n === 'peer')).toHaveLength(3);
  });
});
