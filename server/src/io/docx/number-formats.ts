// How Word writes a list counter in each w:numFmt. One table, one function per
// format; a format Word knows and this table does not is shown in decimal, as
// Word itself does for formats a font cannot show.

const CN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const CN_LEGAL_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const CN_UNITS = ['', '十', '百', '千'];
const CN_LEGAL_UNITS = ['', '拾', '佰', '仟'];
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';
const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORDINAL_WORDS: Record<string, string> = { one: 'first', two: 'second', three: 'third', five: 'fifth', eight: 'eighth', nine: 'ninth', twelve: 'twelfth' };

/** 一百二十三, 一千零五, 一万零一: the full Chinese counting of 1–99,999,999. */
function chineseThousand(n: number, digits = CN_DIGITS, units = CN_UNITS, zero = '零'): string {
  if (n === 0) return digits[0]!;
  const group = (g: number): string => {
    let out = '';
    let pendingZero = false;
    for (let i = 3; i >= 0; i--) {
      const d = Math.floor(g / 10 ** i) % 10;
      if (d === 0) {
        if (out) pendingZero = true;
        continue;
      }
      if (pendingZero) out += zero;
      pendingZero = false;
      out += digits[d]! + units[i]!;
    }
    return out;
  };
  const high = Math.floor(n / 10000);
  const low = n % 10000;
  let out = high ? `${group(high)}万` : '';
  if (low) out += (high && low < 1000 ? zero : '') + group(low);
  // 十一, not 一十一: a leading 一十 drops its 一 (only when the number starts with it).
  return out.startsWith(`${digits[1]}${units[1]}`) && units === CN_UNITS ? out.slice(1) : out;
}

/** chineseCounting: 一 … 九十九 as counted; from 100 Word writes the digits (一〇〇). */
function chineseCounting(n: number): string {
  if (n < 100) return chineseThousand(n);
  return [...String(n)].map((d) => CN_DIGITS[Number(d)]!).join('');
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

/** A, B … Z, then AA, BB … as Word repeats the letter. */
function letters(n: number): string {
  if (n <= 0) return String(n);
  return String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}

function cardinal(n: number): string {
  if (n < 20) return ONES[n] ?? String(n);
  if (n < 100) return TENS[Math.floor(n / 10)]! + (n % 10 ? `-${ONES[n % 10]}` : '');
  if (n < 1000) return `${ONES[Math.floor(n / 100)]} hundred${n % 100 ? ` ${cardinal(n % 100)}` : ''}`;
  return String(n);
}

function ordinalWord(n: number): string {
  const words = cardinal(n).split(/([ -])/);
  const last = words.pop()!;
  const ord = ORDINAL_WORDS[last] ?? (last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`);
  return [...words, ord].join('');
}

function ordinalSuffix(n: number): string {
  const tens = n % 100;
  const s = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A run of code points: ① is U+2460 for 1; beyond the run, decimal. */
function enclosed(n: number, ranges: [from: number, to: number, codePoint: number][]): string {
  for (const [from, to, cp] of ranges) if (n >= from && n <= to) return String.fromCodePoint(cp + n - from);
  return String(n);
}

const CIRCLED: [number, number, number][] = [[0, 0, 0x24ea], [1, 20, 0x2460], [21, 35, 0x3251], [36, 50, 0x32b1]];

/** Every w:numFmt value Word writes for counted lists (bullet and none are handled by the caller). */
export const NUMBER_FORMATS: Record<string, (n: number) => string> = {
  decimal: (n) => String(n),
  decimalHalfWidth: (n) => String(n),
  decimalZero: (n) => (n < 10 && n >= 0 ? `0${n}` : String(n)),
  decimalFullWidth: (n) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
  decimalFullWidth2: (n) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
  decimalEnclosedCircle: (n) => enclosed(n, CIRCLED),
  decimalEnclosedCircleChinese: (n) => enclosed(n, CIRCLED),
  decimalEnclosedParen: (n) => enclosed(n, [[1, 20, 0x2474]]),
  decimalEnclosedFullstop: (n) => enclosed(n, [[1, 20, 0x2488]]),
  upperRoman: roman,
  lowerRoman: (n) => roman(n).toLowerCase(),
  upperLetter: letters,
  lowerLetter: (n) => letters(n).toLowerCase(),
  ordinal: ordinalSuffix,
  cardinalText: (n) => capitalise(cardinal(n)),
  ordinalText: (n) => capitalise(ordinalWord(n)),
  chineseCounting,
  chineseCountingThousand: (n) => chineseThousand(n),
  chineseLegalSimplified: (n) => chineseThousand(n, CN_LEGAL_DIGITS, CN_LEGAL_UNITS),
  japaneseCounting: (n) => chineseThousand(n),
  taiwaneseCounting: chineseCounting,
  taiwaneseCountingThousand: (n) => chineseThousand(n),
  ideographDigital: (n) => [...String(n)].map((d) => CN_DIGITS[Number(d)]!).join(''),
  ideographTraditional: (n) => (n >= 1 && n <= 10 ? HEAVENLY_STEMS[n - 1]! : String(n)),
  ideographZodiac: (n) => (n >= 1 && n <= 12 ? EARTHLY_BRANCHES[n - 1]! : String(n)),
};

/** The counter `n` written in `format` (w:numFmt); unknown formats are decimal. */
export function formatCounter(n: number, format: string): string {
  if (format === 'none') return '';
  return (NUMBER_FORMATS[format] ?? NUMBER_FORMATS.decimal!)(n);
}
