// Pages converted from Word or HTML often indent a list four spaces under a line that is no Markdown list
// ("  • Commitment 1 – …" then "    1. We aim to answer every call within 30 seconds"). CommonMark reads such lines as
// an indented code block. When the block reads as sentences, not code, its text is prose to every reader of prose;
// its lines stay code to the outline and to the rules that read markup.

import { ProseBlock, type Run } from './parsed-markdown';
import type { Span } from './types';

/** The prose of an indented code block that reads as sentences; undefined for a fenced block or one that reads as code. */
export function indentedProse(text: string, span: Span): ProseBlock | undefined {
  const raw = text.slice(span.start, span.end);
  if (FENCE.test(raw)) return undefined;
  const runs: Run[] = [];
  let out = '';
  let at = span.start;
  for (const line of raw.split('\n')) {
    const content = line.replace(LEADING_SPACE, '').replace(/\r$/, '');
    const offset = at + (line.length - line.replace(LEADING_SPACE, '').length);
    if (content) {
      if (out) out += '\n';
      runs.push({ textStart: out.length, sourceStart: offset, length: content.length });
      out += content;
    }
    at += line.length + 1;
  }
  return readsAsProse(out) ? new ProseBlock('paragraph', span, out, runs) : undefined;
}

const FENCE = /^[ \t]*(?:```|~~~)/;
const LEADING_SPACE = /^[ \t]+/;

/**
 * A converted list: most lines are numbered or bulleted items, most are sentences (four words, or eight Han
 * characters), and almost no character is code punctuation. A sample log, a quoted pledge or a config block is none.
 */
function readsAsProse(text: string): boolean {
  const lines = text.split('\n');
  const sentences = lines.filter((line) => WORDS.test(line) || HAN.test(line)).length;
  const items = lines.filter((line) => ITEM.test(line)).length;
  const code = text.match(CODE_CHARS)?.length ?? 0;
  return items * 2 >= lines.length && sentences * 5 >= lines.length * 3 && code * 50 <= text.length;
}

const ITEM = /^(?:\d{1,2}[.)、．]|[-*•·▪]|\([a-z0-9]{1,3}\)|[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)\s*\S/;

const WORDS = /^(?:\S+\s+){3,}\S/;
const HAN = /(?:[\u4e00-\u9fff][^\u4e00-\u9fff\n]{0,2}){8}/;
const CODE_CHARS = /[{};=<>$\\|`]/g;
