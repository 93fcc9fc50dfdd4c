// Numbering markers at the start of a line: 第三章, 第十二条, 一、, （二）, (2), 1、,
// 1.1, ①. Documents converted from Word carry their whole structure in these,
// with full-width and half-width punctuation mixed freely.

import { CHINESE_NUMERAL_CHARS, parseChineseNumeral, toChineseNumeral } from './numerals';

export type NumberStyle =
  | 'part' // 第一部分 / 第一篇
  | 'chapter' // 第一章
  | 'section' // 第一节
  | 'article' // 第一条
  | 'cn-dun' // 一、
  | 'cn-paren' // （一）
  | 'decimal' // 1、 1. 1.1 1.1.1
  | 'arabic-paren' // （1）
  | 'arabic-close' // 1） 1)
  | 'circled'; // ①

export interface NumberMarker {
  style: NumberStyle;
  /** For decimal markers, the number of components (1.2.3 → 3). */
  depth: number;
  /** The last component's value (1.2.3 → 3). */
  value: number;
  /** All components, for decimal markers; [value] otherwise. */
  path: number[];
  /** Offset (within the line text given) and length of the digits to rewrite when renumbering. */
  valueStart: number;
  valueLength: number;
  /** How the value is written: Chinese numerals or Arabic digits. */
  numerals: 'chinese' | 'arabic';
  /** Offset where the title text starts, after the marker and spaces. */
  titleStart: number;
}

const CN = `[${CHINESE_NUMERAL_CHARS}]+`;
const ORDINAL = new RegExp(`^第(${CN}|\\d+|[０-９]+)(部分|篇|章|节|条)[\\s\\u3000]*`);
const CN_DUN = new RegExp(`^(${CN})[、，,．.][\\s\\u3000]*`);
const CN_PAREN = new RegExp(`^[（(](${CN})[)）][、，,．.]?[\\s\\u3000]*`);
const ARABIC_PAREN = /^[（(](\d{1,3}|[０-９]{1,3})[)）][、，,．.]?[\s\u3000]*/;
// 1) and 1）, the closing bracket alone: in Chinese numbering the level under （1）. A wrapped line of prose
// can start "133) against" or "12）所列": three digits are no item, and numbering skips a lone item (rules/numbering.ts).
const ARABIC_CLOSE = /^(\d{1,2}|[０-９]{1,2})[)）][\s\u3000]*/;
// 1、 1. 1．  — a lone number needs its punctuation; 1.1 and deeper may be followed by a space or
// directly by a title (1.1服务宗旨), but not by a unit (2.5小时 is a quantity). 666.png is a file name.
const DECIMAL_ONE = /^(\d{1,3}|[０-９]{1,3})(?:[、．]|\.(?![\da-z]))[\s\u3000]*/;
// Nor by a range or a lower-case unit: "2.9–3.7 s" on a wrapped line is a quantity, not clause 2.9.
const DECIMAL_DEEP = /^((?:\d{1,3}|[０-９]{1,3})(?:[.．](?:\d{1,3}|[０-９]{1,3})){1,4})(?![\s\u3000]*(?:[-–—~～至到]\s*\d|(?:s|ms|secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?|GB|MB|KB|%|％)(?![A-Za-z])))(?:[.．、](?!\d)|[\s\u3000]|(?=[^\x00-\x7f.．\s])(?![个小分秒天日周月年元万倍％%]))[\s\u3000]*/;
const CIRCLED = /^([\u2460-\u2473])[\s\u3000]*/;

const ORDINAL_STYLE: Record<string, NumberStyle> = { 部分: 'part', 篇: 'part', 章: 'chapter', 节: 'section', 条: 'article' };

function readNumber(s: string): number | undefined {
  const half = s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(half)) return Number(half);
  return parseChineseNumeral(half);
}

/** Reads the numbering marker at the start of `line` (already stripped of indentation and markup). */
export function parseMarker(line: string): NumberMarker | undefined {
  let m = ORDINAL.exec(line);
  if (m) {
    const value = readNumber(m[1]!);
    if (value === undefined) return undefined;
    return single(ORDINAL_STYLE[m[2]!]!, value, 1, m[1]!, m[0].length);
  }
  if ((m = CN_PAREN.exec(line))) return singleFrom('cn-paren', m, 1);
  if ((m = ARABIC_PAREN.exec(line))) return singleFrom('arabic-paren', m, 1);
  if ((m = ARABIC_CLOSE.exec(line))) return singleFrom('arabic-close', m, 0);
  if ((m = CN_DUN.exec(line))) return singleFrom('cn-dun', m, 0);
  if ((m = DECIMAL_DEEP.exec(line))) {
    const parts = m[1]!.split(/[.．]/);
    const path = parts.map((p) => readNumber(p)!);
    const lastLen = parts[parts.length - 1]!.length;
    return {
      style: 'decimal',
      depth: path.length,
      value: path[path.length - 1]!,
      path,
      valueStart: m[1]!.length - lastLen,
      valueLength: lastLen,
      numerals: 'arabic',
      titleStart: m[0].length,
    };
  }
  if ((m = DECIMAL_ONE.exec(line))) return singleFrom('decimal', m, 0);
  if ((m = CIRCLED.exec(line))) {
    const value = m[1]!.charCodeAt(0) - 0x2460 + 1;
    return { style: 'circled', depth: 1, value, path: [value], valueStart: 0, valueLength: 1, numerals: 'arabic', titleStart: m[0].length };
  }
  return undefined;
}

function singleFrom(style: NumberStyle, m: RegExpExecArray, valueStart: number): NumberMarker | undefined {
  const value = readNumber(m[1]!);
  if (value === undefined) return undefined;
  return single(style, value, valueStart, m[1]!, m[0].length);
}

function single(style: NumberStyle, value: number, valueStart: number, digits: string, titleStart: number): NumberMarker {
  return {
    style,
    depth: 1,
    value,
    path: [value],
    valueStart,
    valueLength: digits.length,
    numerals: /^[\d０-９]+$/.test(digits) ? 'arabic' : 'chinese',
    titleStart,
  };
}

/** A key that says which markers are siblings of the same kind. */
export function styleKey(marker: NumberMarker): string {
  // One string per depth: a new one for each of thousands of entries would be hashed anew by every map it keys.
  return marker.style === 'decimal' ? (DECIMAL_KEYS[marker.depth] ??= `decimal-${marker.depth}`) : marker.style;
}

const DECIMAL_KEYS: string[] = [];

/** Writes `value` the way `marker` writes its numbers. */
export function formatValue(marker: NumberMarker, value: number): string {
  if (marker.style === 'circled') return value >= 1 && value <= 20 ? String.fromCharCode(0x2460 + value - 1) : String(value);
  return marker.numerals === 'chinese' ? toChineseNumeral(value) : String(value);
}

/** How a marker reads, for messages: 第三条, 三、, （三）, 1.3. */
export function describeMarker(marker: NumberMarker, value = marker.value): string {
  const v = formatValue(marker, value);
  switch (marker.style) {
    case 'part':
      return `第${v}部分`;
    case 'chapter':
      return `第${v}章`;
    case 'section':
      return `第${v}节`;
    case 'article':
      return `第${v}条`;
    case 'cn-dun':
      return `${v}、`;
    case 'cn-paren':
      return `（${v}）`;
    case 'arabic-paren':
      return `(${v})`;
    case 'arabic-close':
      return `${v})`;
    case 'circled':
      return v;
    case 'decimal':
      return [...marker.path.slice(0, -1), v].join('.');
  }
}
