// The fast path of the parse. Most blocks of a policy are plain prose: lines
// with no character Markdown gives a meaning to and no block marker. Such a
// paragraph is its own text, and a `## 标题` line with plain words is a heading
// whatever is around it, so both are built here directly; every other block
// goes to remark, in runs of consecutive blocks so that lists, quotes, tables
// and code keep their context. The result must be exactly remark's, which
// test/unit/plain-blocks.test.ts and test/corpus-chunks.test.ts check.

import { appendParsed, emptyParse } from './chunks';
import { ProseBlock, type ParsedMarkdown } from './parsed-markdown';
import { LineIndex } from './position';
import { spanningLines } from './spanning';

/**
 * Characters that mean something to micromark's inline constructs (escapes,
 * code, emphasis, links, images, autolinks, HTML, character references), the
 * table pipe, control characters (NUL becomes U+FFFD) and the byte-order mark.
 */
const MARKUP_CHARACTER = /[\\`*_[\]<&|\u0000-\u0008\u000b\u000c\u000e-\u001f\ufeff]/;
/** A line that could open or continue a block other than a paragraph: indentation, quote, list, heading, rule, fence, setext underline, table delimiter. */
const BLOCK_START = /^(?:[ \t>+\-=~:#]|\d{1,9}[.)])/;
/** An ATX heading whose text is plain: no closing `#`s, nothing to trim. */
const PLAIN_HEADING = /^(#{1,6})[ \t]+([^ \t#][^#]*)$/;
const ENDS_IN_SPACE = /[ \t]$/;
const BLANK = /^[ \t]*$/;

/** What a line of a plain block is, or undefined when it is not plain. */
function plainLine(content: string): 'paragraph' | RegExpExecArray | undefined {
  if (content.length === 0 || MARKUP_CHARACTER.test(content) || ENDS_IN_SPACE.test(content)) return undefined;
  if (!BLOCK_START.test(content)) return 'paragraph';
  return PLAIN_HEADING.exec(content) ?? undefined;
}

export type RemarkParse = (text: string, lines: LineIndex, atStart: boolean, defined: readonly string[]) => ParsedMarkdown;

/**
 * Parses `text` (a whole document, or a chunk of one that starts where a block
 * may start) with plain blocks built directly and the rest through `remark`,
 * which is told the link definitions of the rest of the document.
 */
export function parseWithPlainBlocks(text: string, lines: LineIndex, remark: RemarkParse, atStart = true, defined: readonly string[] = []): ParsedMarkdown {
  // A link reference definition resolves references in any block, so its blocks are parsed together.
  // micromark drops a U+FEFF that begins its input: one further on must not begin a part.
  if (text.includes(']:') || text.includes('\uFEFF', 1)) return remark(text, lines, atStart, defined);
  const result = emptyParse(lines.lineCount);
  const inside = spanningLines(text, lines);
  // The blocks waiting for remark, from the start of the first. remark is given them with the blank lines
  // after them and the first line of the plain block that follows, so that it ends them where it would in
  // the whole text (an unclosed fence in a list item, a tab-indented blank line after indented code); only
  // what begins before that line is kept.
  let pending = -1;
  const flush = (next: number) => {
    if (pending < 0) return;
    const end = next < lines.lineCount ? lines.lineEnd(next) : text.length;
    const part = text.slice(pending, end);
    const until = next < lines.lineCount ? lines.lineStart(next) - pending : Infinity;
    appendParsed(result, remark(part, new LineIndex(part), atStart && pending === 0, defined), pending, lines, until);
    pending = -1;
  };
  let line = 0;
  while (line < lines.lineCount) {
    if (BLANK.test(lines.lineText(line)) && !inside[line]) {
      line++;
      continue;
    }
    // A block: lines up to the next blank line that is not inside fenced code, front matter or an HTML block.
    const first = line;
    const kinds: ReturnType<typeof plainLine>[] = [];
    let plain = true;
    for (; line < lines.lineCount && (inside[line] || !BLANK.test(lines.lineText(line))); line++) {
      if (!plain) continue;
      const kind = inside[line] ? undefined : plainLine(lines.lineText(line));
      if (kind) kinds.push(kind);
      else plain = false;
    }
    if (!plain) {
      if (pending < 0) pending = lines.lineStart(first);
      continue;
    }
    flush(first);
    addPlainBlock(text, lines, first, kinds, result);
  }
  flush(lines.lineCount);
  return result;
}

/** Paragraphs and headings of one plain block, its lines read by plainLine. */
function addPlainBlock(text: string, lines: LineIndex, first: number, kinds: ReturnType<typeof plainLine>[], out: ParsedMarkdown): void {
  let paragraphStart = -1;
  const endParagraph = (last: number) => {
    if (paragraphStart < 0) return;
    const start = lines.lineStart(paragraphStart);
    const end = lines.lineEnd(last);
    out.prose.push(new ProseBlock('paragraph', { start, end }, text.slice(start, end), [{ textStart: 0, sourceStart: start, length: end - start }]));
    paragraphStart = -1;
  };
  kinds.forEach((kind, i) => {
    const line = first + i;
    if (kind === 'paragraph') {
      if (paragraphStart < 0) paragraphStart = line;
      return;
    }
    endParagraph(line - 1);
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    const contentStart = end - kind!.at(2)!.length;
    const span = { start, end };
    out.headings.push({ depth: kind![1]!.length, span, contentSpan: { start: contentStart, end }, setext: false });
    out.prose.push(new ProseBlock('heading', span, kind!.at(2)!, [{ textStart: 0, sourceStart: contentStart, length: end - contentStart }]));
  });
  endParagraph(first + kinds.length - 1);
}
