// The fast path of the parse. Most blocks of a policy are plain prose: lines
// with no character Markdown gives a meaning to and no block marker. Such a
// paragraph is its own text; a `## 标题` line with plain words is a heading
// whatever is around it; a one-line `<!-- … -->` is an HTML block; a tight
// list of plain items that nothing around can join is a list. These are built
// here directly. Every other block goes to remark, in runs of consecutive
// blocks so that lists, quotes, tables and code keep their context. The result
// must be exactly remark's, which test/unit/plain-blocks.test.ts and
// test/corpus-chunks.test.ts check.

import { appendParsed, emptyParse } from './chunks';
import { MARKUP_EMPTY } from './markup';
import { ProseBlock, type HtmlComment, type ParsedMarkdown } from './parsed-markdown';
import { LineIndex } from './position';
import { BLANK, spanningLines } from './spanning';

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
/** An HTML block with a table in it is read as a table (markdown.ts), not as a comment. */
const HTML_TABLE = /<table\b/i;

/** A list item with one space after its marker and plain text: `- 内容`, `1. 内容`, `2) 内容`. */
const LIST_ITEM = /^([-+*]|\d{1,9}([.)])) (?=[^ \t])/;
/** A line that may open a list item or continue one (after the BOM, on the first line): with it around, a list's extent is remark's to decide. */
const ITEM_LIKE = /^\uFEFF? {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;

/** A line of a plain block: prose, a heading with its `#`s and text, a one-line HTML comment, or a list item. */
type PlainLine =
  | { kind: 'paragraph' }
  | { kind: 'heading'; depth: number; content: string }
  | { kind: 'comment' }
  /** `family` is the marker or the ordered delimiter: a change of it starts another list. */
  | { kind: 'item'; family: string; contentOffset: number };
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

function itemLine(content: string): PlainLine | undefined {
  const m = LIST_ITEM.exec(content);
  if (!m || plainLine(content.slice(m[0].length)) !== PARAGRAPH) return undefined;
  return { kind: 'item', family: m[2] ?? m[1]!, contentOffset: m[0].length };
}

/**
 * A block of list items (a tight list, one line each) is built directly only
 * when nothing around it can join it: the block before it holds no list item
 * and starts in column 0, the line after the blank lines is neither indented
 * (a continuation) nor an item (the same list, loose), and an ordered list
 * starts at 1.
 */
function listStandsAlone(block: readonly PlainLine[], firstLine: string, previousHasNoList: boolean, next: string | undefined): boolean {
  const family = (block[0] as { family?: string }).family;
  if (!previousHasNoList || block.some((l) => l.kind !== 'item' || l.family !== family)) return false;
  // An ordered list that starts at another number cannot interrupt a paragraph, and micromark reads some
  // blocks (indented code before a blank line) as still open: such a list is left to it.
  if (/^\d/.test(firstLine) && !/^0*1[.)]/.test(firstLine)) return false;
  return next === undefined || (!/^[ \t]/.test(next) && !ITEM_LIKE.test(next));
}

export type RemarkParse = (text: string, lines: LineIndex, atStart: boolean, defined: readonly string[]) => ParsedMarkdown;

/**
 * Parses `text` (a whole document, or a chunk of one that starts where a block
 * may start) with plain blocks built directly and the rest through `remark`,
 * which is told the link definitions of the rest of the document.
 */
export function parseWithPlainBlocks(
  text: string,
  lines: LineIndex,
  remark: RemarkParse,
  atStart = true,
  defined: readonly string[] = [],
  inside: Uint8Array = spanningLines(text, lines),
): ParsedMarkdown {
  // A link reference definition resolves references in any block, so its blocks are parsed together.
  // micromark drops a U+FEFF that begins its input: one further on must not begin a part.
  if (text.includes(']:') || text.includes('\uFEFF', 1)) return remark(text, lines, atStart, defined);
  const result = emptyParse(lines.lineCount);
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
  let hasItem = false;
  // Whether the block before holds no list (and starts in column 0): then a list after it starts afresh.
  let previousHasNoList = true;
  let hasNoList = true;
  /** The first line that is not blank from `line` on. */
  const nextContent = (line: number) => {
    for (; line < lines.lineCount; line++) if (!BLANK.test(lines.lineText(line))) return lines.lineText(line);
    return undefined;
  };
  // A block is the lines up to a blank line that is not inside fenced code, front matter or an HTML block.
  const endBlock = (end: number) => {
    if (first < 0) return;
    if (plain && hasItem && !listStandsAlone(block, lines.lineText(first), previousHasNoList, nextContent(end))) plain = false;
    if (!plain) {
      if (pending < 0) pending = lines.lineStart(first);
    } else {
      flush(first);
      addPlainBlock(text, lines, first, block, result);
    }
    previousHasNoList = hasNoList;
    first = -1;
    block.length = 0;
    plain = true;
    hasItem = false;
  };
  for (let line = 0; line < lines.lineCount; line++) {
    const content = lines.lineText(line);
    if (!inside[line] && BLANK.test(content)) {
      endBlock(line);
      continue;
    }
    if (first < 0) {
      first = line;
      hasNoList = !/^\uFEFF?[ \t]/.test(content);
    }
    if (inside[line] || ITEM_LIKE.test(content)) hasNoList = false;
    if (!plain) continue;
    const kind = inside[line] ? undefined : (plainLine(content) ?? itemLine(content));
    if (kind?.kind === 'item') hasItem = true;
    if (kind) block.push(kind);
    else plain = false;
  }
  endBlock(lines.lineCount);
  flush(lines.lineCount);
  return result;
}

/** Paragraphs, headings, comments and list items of one plain block, its lines read by plainLine and itemLine. */
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
    if (kind.kind === 'item') {
      // The list begins where its first item does: the block's first line.
      out.listItems.push({ line, depth: 1, list: lines.lineStart(first) });
      const paragraph = new ProseBlock('paragraph', { start: start + kind.contentOffset, end }, text.slice(start + kind.contentOffset, end), [{ textStart: 0, sourceStart: start + kind.contentOffset, length: end - start - kind.contentOffset }]);
      paragraph.inList = true;
      out.prose.push(paragraph);
      return;
    }
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
