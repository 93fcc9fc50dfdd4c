// The fast path of the parse. Most blocks of a policy are plain prose: lines
// with no character Markdown gives a meaning to and no block marker. Such a
// paragraph is its own text, a `## 标题` line with plain words is a heading
// whatever is around it, and so is a one-line `<!-- … -->` an HTML block: they
// are built here directly; every other block
// goes to remark, in runs of consecutive blocks so that lists, quotes, tables
// and code keep their context. The result must be exactly remark's, which
// test/unit/plain-blocks.test.ts and test/corpus-chunks.test.ts check.

import { appendParsed, emptyParse } from './chunks';
import { MARKUP_EMPTY } from './markup';
import { ProseBlock, type HtmlComment, type ParsedMarkdown } from './parsed-markdown';
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
/** An HTML block with a table in it is read as a table (markdown.ts), not as a comment. */
const HTML_TABLE = /<table\b/i;

/** A line of a plain block: prose, a heading with its `#`s and text, or a one-line HTML comment. */
type PlainLine = { kind: 'paragraph' } | { kind: 'heading'; depth: number; content: string } | { kind: 'comment' };
const PARAGRAPH: PlainLine = { kind: 'paragraph' };
const COMMENT_LINE: PlainLine = { kind: 'comment' };

/** What a line is, or undefined when it is not plain (it goes to remark). */
function plainLine(content: string): PlainLine | undefined {
  // An HTML block that begins with `<!--` ends on the line with `-->`: when that is this line, the line is the block.
  if (content.startsWith('<!--') && content.indexOf('-->', 4) >= 0) return HTML_TABLE.test(content) ? undefined : COMMENT_LINE;
  if (content.length === 0 || MARKUP_CHARACTER.test(content) || ENDS_IN_SPACE.test(content)) return undefined;
  if (!BLOCK_START.test(content)) return PARAGRAPH;
  const heading = PLAIN_HEADING.exec(content);
  return heading ? { kind: 'heading', depth: heading[1]!.length, content: heading[2]! } : undefined;
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
  const block: PlainLine[] = [];
  let first = -1;
  let plain = true;
  // A block is the lines up to a blank line that is not inside fenced code, front matter or an HTML block.
  const endBlock = () => {
    if (first < 0) return;
    if (!plain) {
      if (pending < 0) pending = lines.lineStart(first);
    } else {
      flush(first);
      addPlainBlock(text, lines, first, block, result);
    }
    first = -1;
    block.length = 0;
    plain = true;
  };
  for (let line = 0; line < lines.lineCount; line++) {
    const content = lines.lineText(line);
    if (!inside[line] && BLANK.test(content)) {
      endBlock();
      continue;
    }
    if (first < 0) first = line;
    if (!plain) continue;
    const kind = inside[line] ? undefined : plainLine(content);
    if (kind) block.push(kind);
    else plain = false;
  }
  endBlock();
  flush(lines.lineCount);
  return result;
}

/** Paragraphs, headings and comments of one plain block, its lines read by plainLine. */
function addPlainBlock(text: string, lines: LineIndex, first: number, block: readonly PlainLine[], out: ParsedMarkdown): void {
  let paragraphStart = -1;
  const endParagraph = (last: number) => {
    if (paragraphStart < 0) return;
    const start = lines.lineStart(paragraphStart);
    const end = lines.lineEnd(last);
    out.prose.push(new ProseBlock('paragraph', { start, end }, text.slice(start, end), [{ textStart: 0, sourceStart: start, length: end - start }]));
    paragraphStart = -1;
  };
  block.forEach((kind, i) => {
    const line = first + i;
    if (kind.kind === 'paragraph') {
      if (paragraphStart < 0) paragraphStart = line;
      return;
    }
    endParagraph(line - 1);
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    if (kind.kind === 'comment') {
      collectComments(text.slice(start, end), start, out.comments);
      out.markupLines[line] = MARKUP_EMPTY;
      return;
    }
    const contentStart = end - kind.content.length;
    const span = { start, end };
    out.headings.push({ depth: kind.depth, span, contentSpan: { start: contentStart, end }, setext: false });
    out.prose.push(new ProseBlock('heading', span, kind.content, [{ textStart: 0, sourceStart: contentStart, length: end - contentStart }]));
  });
  endParagraph(first + block.length - 1);
}

const COMMENT = /<!--([\s\S]*?)-->/g;

/** The HTML comments in an HTML node's text (inline directives among them), with their place in the source. */
export function collectComments(value: string, offset: number, out: HtmlComment[]): void {
  COMMENT.lastIndex = 0;
  for (let m = COMMENT.exec(value); m; m = COMMENT.exec(value)) {
    out.push({ span: { start: offset + m.index, end: offset + m.index + m[0].length }, body: m[1]!.trim() });
  }
}
