// withoutQuoted replaced two regular expressions in kind inference with one linear pass; it must
// remove exactly what they removed.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withoutQuoted } from '../../server/src/policy/kind-inference';

const cases: [string, string, RegExp][] = [
  ['《', '》', /《[^》]{0,300}》/g],
  ['“"「', '”"」', /[“"「][^”"」]{0,300}[”"」]/g],
];

describe('withoutQuoted', () => {
  it.each(cases)('removes what the regular expression for %s… %s removed', (opens, closes, regex) => {
    const piece = fc.oneof(fc.constantFrom(...opens, ...closes, '本法', '公司', 'a'), fc.constantFrom('x'.repeat(150), '一'.repeat(299), '二'.repeat(300), '三'.repeat(301)));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(withoutQuoted(text, opens, closes)).toBe(text.replace(regex, ''));
      }),
      { seed: 20261201, numRuns: 500 },
    );
  });
});
