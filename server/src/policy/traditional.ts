// Traditional Chinese read as Simplified, one character for one character: the tables are
// written once, in Simplified, and a document from Hong Kong or Taiwan (服務承諾, 2小時內回覆)
// matches them all the same. Offsets into the text stay offsets into the document.

import { TRADITIONAL_PAIRS } from './traditional-chars';

const SIMPLIFIED = new Map<string, string>();
for (let i = 0; i + 1 < TRADITIONAL_PAIRS.length; i += 2) SIMPLIFIED.set(TRADITIONAL_PAIRS[i]!, TRADITIONAL_PAIRS[i + 1]!);

const TRADITIONAL_CLASS = [...SIMPLIFIED.keys()].join('');
/** One Traditional character the tables know in Simplified. */
export const TRADITIONAL_CHAR = new RegExp(`[${TRADITIONAL_CLASS}]`);
const TRADITIONAL_CHARS = new RegExp(`[${TRADITIONAL_CLASS}]`, 'g');

/** The Simplified form of a Traditional character, or the character itself. */
export function simplifiedChar(ch: string): string {
  return SIMPLIFIED.get(ch) ?? ch;
}

/** `text` with every Traditional character the tables know in its Simplified form; the same length. */
export function simplified(text: string): string {
  return TRADITIONAL_CHAR.test(text) ? text.replace(TRADITIONAL_CHARS, simplifiedChar) : text;
}

/** Whether `pattern`, written in Simplified, matches `text` as written or as Simplified. */
export function matchesSimplified(pattern: RegExp, text: string): boolean {
  return pattern.test(text) || (TRADITIONAL_CHAR.test(text) && pattern.test(simplified(text)));
}
