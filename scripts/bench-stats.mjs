// Pure helpers of `npm run bench`: order statistics, and the alternation that lets every
// contender of a comparison see the same machine state.

/** The median; NaN for no values. */
export function median(values) {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * The value at index ⌊p·n/100⌋ of the sorted values (p in 0..100): always a measured value,
 * and on the slow side (of 20 keystrokes, p95 is the slowest), as the bench has always taken it.
 */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/**
 * Runs each contender once per round, `rounds` times, starting each round with the next
 * contender (A B C, B C A, C A B, …): a machine that slows down or speeds up during the run,
 * or a file-system cache warmed by whoever ran just before, then favours no one.
 * Returns the measurements by contender name, one per round in round order, so that the i-th
 * measurements of two contenders were taken next to each other.
 */
export function alternate(rounds, contenders) {
  const names = Object.keys(contenders);
  const out = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length];
      out[name].push(contenders[name]());
    }
  }
  return out;
}
