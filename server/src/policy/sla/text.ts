// Normalisation that keeps offsets, and sentence/clause segmentation.
//
// Every replacement is one UTF-16 unit for one UTF-16 unit, so an offset into
// the normalised text is the same offset into the original: no offset map is
// needed and callers get spans into the text they passed in.

import { simplifiedChar, TRADITIONAL_CHAR } from '../traditional';
import { EN_UNIT_SOURCE, ZH_UNIT_SOURCE } from './units';

const NEEDS_NORMALIZING = /[\uFF01-\uFF5E\u3000\u00A0\u2013\u2014\u2015\u2212\u301C\u2010\u2011\u2009\u202F\u2019\uFFFC]/;
const NORMALIZE_CHARS = /[\uFF01-\uFF5E\u3000\u00A0\u2013\u2014\u2015\u2212\u301C\u2010\u2011\u2009\u202F\u2019\uFFFC]/g;

function normalizeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0x3400 && code < 0xff00) return simplifiedChar(ch);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  // U+FFFC stands where the parser dropped an inline HTML tag (<strong>, <br>): a space between words.
  if (code === 0x3000 || code === 0x00a0 || code === 0x2009 || code === 0x202f || code === 0xfffc) return ' ';
  if (code === 0x301c) return '~';
  if (code === 0x2019) return "'"; // won’t → won't
  return '-'; // the dashes and minus signs
}

/** Full-width ASCII to half-width, odd spaces to ' ', dashes to '-', Traditional characters to Simplified; length-preserving. */
export function normalizeText(text: string): string {
  const traditional = TRADITIONAL_CHAR.test(text);
  if (!traditional && !NEEDS_NORMALIZING.test(text)) return text;
  return text.replace(traditional ? ALL_NORMALIZED_CHARS : NORMALIZE_CHARS, normalizeChar);
}

// Traditional characters are read as Simplified (policy/traditional.ts): 2小時內回覆 is 2小时内回复.
const ALL_NORMALIZED_CHARS = new RegExp(`${NORMALIZE_CHARS.source}|${TRADITIONAL_CHAR.source}`, 'g');

export interface Clause {
  start: number;
  end: number;
  sentence: number;
  /** The clause follows a semicolon: a new item of a list, not a continuation. */
  afterSemicolon: boolean;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index of the first clause of this sentence in the clause list. */
  firstClause: number;
  clauseCount: number;
}

export interface Segmentation {
  sentences: Sentence[];
  clauses: Clause[];
}

// A full stop ends a sentence only before whitespace or the end: "1.5", "e.g" and
// "policylint.json" stay whole.
// "advance notice.In a quarter…": a missing space after a full stop still ends the sentence.
const BOUNDARY = /[。！？!?\n]|\.(?=\s|$)|(?<=[a-z)])\.(?=[A-Z][a-z])|[,;，；]/g;

const SOFT_WRAP_BEFORE = /[A-Za-z0-9,)\]]$/;
const SOFT_WRAP_AFTER = /^[ \t]*[a-z(]/;
const COMMA_BEFORE = /[,，、]$/;
/** A number and its unit at the start of a line ("**99%**", "2小时"); "1. " and "1、" number an item instead. */
const VALUE_AFTER = /^[ \t]*(?:\*\*|__)?\d+(?:[.,]\d+)?(?:\*\*|__)?\s*(?:%|％|[A-Za-z\u4e00-\u9fff])/;

/** Whether the line that ends at `lineEnd` is a short label ending with a colon: "Availability:", 响应时间：. */
function labelAbove(text: string, lineEnd: number): boolean {
  const from = Math.max(0, lineEnd - 41);
  const line = text.slice(from, lineEnd);
  const lineStart = line.lastIndexOf('\n') + 1;
  if (lineStart === 0 && from > 0) return false;
  return /[:：]\s*$/.test(line.slice(lineStart)) && /\p{L}/u.test(line.slice(lineStart));
}

const NUMBERED_AFTER = /^[ \t\u3000]*(?:\d+[、.．)）]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|第[一二三四五六七八九十百\d]+条|[-*+•]\s)/;

/** Longer runs without a clause boundary are cut (see segment). */
export const MAX_CLAUSE_LENGTH = 1000;

/** Splits into sentences (。！？ . newline) and clauses (, ; inside a sentence). */
export function segment(text: string): Segmentation {
  const sentences: Sentence[] = [];
  const clauses: Clause[] = [];
  let clauseStart = 0;
  let sentenceStart = 0;
  let sentenceFirstClause = 0;
  let afterSemicolon = false;
  const pushClause = (end: number) => {
    if (end > clauseStart) clauses.push({ start: clauseStart, end, sentence: sentences.length, afterSemicolon });
  };
  const pushSentence = (end: number) => {
    if (clauses.length > sentenceFirstClause) {
      sentences.push({
        start: sentenceStart,
        end,
        firstClause: sentenceFirstClause,
        clauseCount: clauses.length - sentenceFirstClause,
      });
    }
    sentenceFirstClause = clauses.length;
  };
  // A clause without punctuation for thousands of characters is cut into pieces: the extractor reads a value's
  // whole clause, so one endless clause would cost the square of its length. Real clauses are far shorter.
  const cutLongClause = (before: number) => {
    while (before - clauseStart > MAX_CLAUSE_LENGTH) {
      const limit = clauseStart + MAX_CLAUSE_LENGTH;
      const space = text.slice(limit, limit + 64).search(/\s/);
      const cut = space >= 0 ? limit + space + 1 : limit;
      if (cut >= before) return;
      pushClause(cut);
      clauseStart = cut;
      afterSemicolon = false;
    }
  };
  BOUNDARY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BOUNDARY.exec(text)) !== null) {
    const ch = m[0];
    const end = m.index + 1;
    cutLongClause(m.index);
    if (ch === ',' || ch === ';' || ch === '，' || ch === '；') {
      // "1,000" is a number, not two clauses.
      if (ch === ',' && /\d/.test(text[m.index - 1] ?? '') && /\d{3}/.test(text.slice(end, end + 3))) continue;
      // A comma inside a short bracket is part of an aside, not a clause boundary: "answer calls to our
      // numbers (131 881, 131 880 and 133 177) within two minutes" keeps its verb and its time together.
      if (ch !== ';' && ch !== '；' && insideShortBracket(text, m.index, clauseStart)) continue;
      pushClause(end);
      clauseStart = end;
      afterSemicolon = ch === ';' || ch === '；';
      continue;
    }
    // A line break inside an English sentence is a soft wrap ("promising to acknowledge\nand engage
    // within 10 working days"), not the end of the sentence.
    if (ch === '\n' && SOFT_WRAP_BEFORE.test(text.slice(Math.max(0, m.index - 1), m.index)) && SOFT_WRAP_AFTER.test(text.slice(end, end + 3))) continue;
    // A line that ends in a comma goes on below (简单问题投诉三个工作日处理完毕，\n复杂问题七个工作日处理完毕。), unless a numbered item starts there.
    if (ch === '\n' && COMMA_BEFORE.test(text.slice(Math.max(0, m.index - 1), m.index)) && !NUMBERED_AFTER.test(text.slice(end, end + 8))) continue;
    // "Uptime:⏎99.9% each month", 响应时间：⏎2小时内: a short label on its own line, and its value below.
    if (ch === '\n' && labelAbove(text, m.index) && VALUE_AFTER.test(text.slice(end, end + 12))) continue;
    pushClause(end);
    clauseStart = end;
    afterSemicolon = false;
    pushSentence(end);
    sentenceStart = end;
  }
  cutLongClause(text.length);
  pushClause(text.length);
  pushSentence(text.length);
  return { sentences, clauses };
}

const BRACKET_REACH = 80;
const OPEN_BEFORE = /[(（]([^()（）]*)$/;
const CLOSE_AFTER = /^([^()（）。！？!?\n;；]*)[)）]/;
/** A time or a share: a bracket that holds one (偏远地区4小时内) is an exception clause of its own. */
const HOLDS_VALUE = new RegExp(`(?:\\d|[一二三四五六七八九十两半])\\s*(?:个\\s*)?(?:${ZH_UNIT_SOURCE}|(?:${EN_UNIT_SOURCE})(?![A-Za-z]))`, 'i');

/**
 * The comma at index sits inside a short aside in brackets: one opened in its clause and closed soon after, that
 * holds no time of its own and does not follow a value ("2 hours (Severity 1, business hours)" scopes the value).
 */
function insideShortBracket(text: string, index: number, from: number): boolean {
  const open = OPEN_BEFORE.exec(text.slice(Math.max(from, index - BRACKET_REACH), index));
  const close = open && CLOSE_AFTER.exec(text.slice(index + 1, index + 1 + BRACKET_REACH));
  if (!open || !close) return false;
  if (HOLDS_VALUE.test(open[1]!) || HOLDS_VALUE.test(close[1]!)) return false;
  const openAt = index - open[0].length;
  return !HOLDS_VALUE.test(text.slice(Math.max(from, openAt - 12), openAt).trimEnd().slice(-8));
}

/** Index of the clause containing offset (binary search). */
export function clauseAt(clauses: Clause[], offset: number): number {
  let lo = 0;
  let hi = clauses.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = clauses[mid]!;
    if (offset < c.start) hi = mid - 1;
    else if (offset >= c.end) lo = mid + 1;
    else return mid;
  }
  return Math.max(0, Math.min(clauses.length - 1, lo));
}

const CJK = /[\u3400-\u9fff]/;

/** The language of a stretch of text: any CJK ideograph makes it Chinese. */
export function languageOf(text: string, start: number, end: number): 'zh' | 'en' {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x3400 && code <= 0x9fff) return 'zh';
  }
  return 'en';
}

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** Shrinks [start, end) past whitespace and punctuation at either end. */
export function trimSpan(text: string, start: number, end: number): [number, number] {
  const junk = /[\s,;:.，；：。、!?！？]/;
  while (start < end && junk.test(text[start]!)) start++;
  while (end > start && junk.test(text[end - 1]!)) end--;
  return [start, end];
}

/** Index of the first span whose start is >= offset, in spans sorted by start. */
export function lowerBound(spans: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Does [start, end) overlap any of the spans? They must be sorted by start and
 * not nest deeply (values, tokens): only the neighbours of the insertion point are looked at.
 */
export function overlapsAny(spans: readonly { start: number; end: number }[], start: number, end: number): boolean {
  const i = lowerBound(spans, end);
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) if (spans[k]!.end > start) return true;
  return false;
}
