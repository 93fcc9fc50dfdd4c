// Chinese numerals, both ways. Policy numbering (第十二条, 二十一、) and SLA values
// (二十四小时, 两个工作日) are written with them.

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/** Characters that can appear in a Chinese numeral; useful for building regexes. */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟廿卅';

/**
 * Parses a Chinese numeral such as 二十四, 一百零五, 十五, 两, 廿一.
 * Digit-by-digit forms (二〇二三) read as positional. Returns undefined for
 * anything that is not entirely a numeral.
 */
export function parseChineseNumeral(input: string): number | undefined {
  const s = input.includes('廿') || input.includes('卅') ? input.replace(/廿/g, '二十').replace(/卅/g, '三十') : input;
  if (s.length === 0) return undefined;
  // Every character of a numeral is one UTF-16 unit, so s[i] is a whole character.
  let onlyDigits = true;
  let zero = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const digit = DIGITS[ch];
    if (digit === undefined) {
      if (SMALL_UNITS[ch] === undefined && BIG_UNITS[ch] === undefined) return undefined;
      onlyDigits = false;
    } else if (digit === 0) zero = true;
  }
  // Positional form: only digits, as in years (二〇二三, 一九九三). Two digits (二三天) mean "two or three".
  if ((s.length > 2 || zero) && s.length > 1 && onlyDigits) {
    let value = 0;
    for (let i = 0; i < s.length; i++) value = value * 10 + DIGITS[s[i]!]!;
    return value;
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit !== undefined && d !== 0) return undefined; // two digits in a row: 二三
      digit = d === 0 ? undefined : d;
    } else if (SMALL_UNITS[ch] !== undefined) {
      section += (digit ?? 1) * SMALL_UNITS[ch]!;
      digit = undefined;
    } else {
      section += digit ?? 0;
      total += (section === 0 ? 1 : section) * BIG_UNITS[ch]!;
      section = 0;
      digit = undefined;
    }
  }
  return total + section + (digit ?? 0);
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Writes n (0 ≤ n < 100 000 000) the way numbering is written: 十五, 二十一, 一百零五. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 100_000_000) return String(n);
  if (n === 0) return '零';
  if (n >= 10_000) {
    const high = Math.floor(n / 10_000);
    const low = n % 10_000;
    const lowText = low === 0 ? '' : (low < 1000 ? '零' : '') + toChineseNumeral(low);
    return `${toChineseNumeral(high)}万${lowText}`;
  }
  const units = ['千', '百', '十', ''];
  const divisors = [1000, 100, 10, 1];
  let out = '';
  let pendingZero = false;
  for (let i = 0; i < 4; i++) {
    const d = Math.floor(n / divisors[i]!) % 10;
    if (d === 0) {
      if (out) pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += CN_DIGITS[d]! + units[i]!;
  }
  // 一十五 is written 十五 when it leads.
  return out.startsWith('一十') ? out.slice(1) : out;
}

/** Full-width digits and signs to ASCII, as NFKC does, without touching CJK. */
export function toHalfWidthDigits(s: string): string {
  return s.replace(/[０-９．：％－～，]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}
