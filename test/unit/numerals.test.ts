import { describe, expect, it } from 'vitest';
import { parseChineseNumeral, toChineseNumeral } from '../../server/src/engine/numerals';

describe('Chinese numerals', () => {
  it.each([
    ['一', 1], ['十', 10], ['十五', 15], ['二十', 20], ['二十四', 24], ['两', 2], ['一百零五', 105], ['一百一十二', 112],
    ['三千零一', 3001], ['一万二千', 12000], ['廿一', 21], ['二〇二三', 2023], ['壹佰', 100], ['零', 0],
  ])('%s = %d', (text, value) => expect(parseChineseNumeral(text)).toBe(value));

  it.each(['', '二三', '十a', '年'])('rejects %j', (text) => expect(parseChineseNumeral(text)).toBeUndefined());

  it.each([[1, '一'], [10, '十'], [15, '十五'], [20, '二十'], [105, '一百零五'], [112, '一百一十二'], [1010, '一千零一十'], [20001, '二万零一']])(
    '%d is written %s',
    (n, text) => expect(toChineseNumeral(n)).toBe(text),
  );

  it('round-trips 1..2000', () => {
    for (let n = 1; n <= 2000; n++) expect(parseChineseNumeral(toChineseNumeral(n))).toBe(n);
  });
});
