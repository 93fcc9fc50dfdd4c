// Markdown in, through remark. What the rest of the engine needs from the tree is
// pulled out here once: headings, prose blocks with a map back to the source,
// the lines that are code or markup (never headings, never prose), HTML comments
// (for inline disables) and the front matter.

import type { Heading, Nodes, RootContent } from 'mdast';
import { ChunkCache, parseInChunks } from './chunks';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import type { Construct, Extension, TokenizeContext } from 'micromark-util-types';
import type { LineIndex } from './position';
import type { Span } from './types';

import { readHtmlTables, type HtmlCell } from './html-table';
import { blankOut, findParseLimits } from './parse-limits';
import { MARKUP_CONTENT, MARKUP_EMPTY } from './markup';
import { collectComments, parseWithPlainBlocks } from './plain-blocks';
import { frontMatterProse } from './front-matter-prose';
import { indentedProse } from './indented-prose';
import { ProseBlock, type HeadingInfo, type HtmlComment, type ParsedMarkdown, type ProseKind, type Run, type SideLabel } from './parsed-markdown';

export { ProseBlock, type CellContext, type HeadingInfo, type HtmlComment, type ListItemInfo, type ParsedMarkdown, type ProseKind, type SideLabel } from './parsed-markdown';

export { MARKUP_CONTENT, MARKUP_EMPTY } from './markup';

// remark's own parser with only the extensions policies need: YAML front matter and
// tables (channel/response-time tables). GFM's autolink literals, footnotes,
// strikethrough and task lists would cost a fifth more parse time for nothing.
const PARSE_OPTIONS = {
  extensions: [frontmatter(['yaml']), gfmTable()],
  mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmTableFromMarkdown()],
};
const NO_FRONT_MATTER = { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] };

/**
 * micromark resolves `[label]` only against definitions it has seen, anywhere
 * in its input. A part of a document is told those of the rest: this
 * construct, tried at the first block and never matching, adds them to the
 * parser's own list before any reference is resolved (references are read
 * after all blocks are).
 */
function knownDefinitions(identifiers: readonly string[]): Extension {
  const told = new WeakSet<object>();
  const construct: Construct = {
    tokenize(this: TokenizeContext, _effects, _ok, nok) {
      if (!told.has(this.parser)) {
        told.add(this.parser);
        this.parser.defined.push(...identifiers);
      }
      return nok;
    },
  };
  return { flow: { null: [construct] } };
}

function parseOptions(atStart: boolean, defined: readonly string[]) {
  const options = atStart ? PARSE_OPTIONS : NO_FRONT_MATTER;
  return defined.length === 0 ? options : { ...options, extensions: [...options.extensions, knownDefinitions(defined)] };
}

/** A block node waiting to be visited, with what its ancestors say about it. */
interface BlockVisit {
  node: RootContent;
  inList: boolean;
  listDepth: number;
  list: number;
  inQuote: boolean;
}

/**
 * Parses Markdown. Never throws: remark's parser accepts any string, and the
 * BOM is handled by parsing the rest and shifting offsets. The text is parsed
 * in chunks (engine/chunks.ts); with the editor's cache, only chunks not seen
 * before are parsed again, and `document`'s text is cut where it was last time.
 */
export function parseMarkdown(text: string, lines: LineIndex, cache?: ChunkCache, document?: string): ParsedMarkdown {
  return cache ? parseInChunks(text, lines, cache, parseChunk, document) : parseInChunks(text, lines, new ChunkCache(), parseChunk);
}

function parseChunk(text: string, lines: LineIndex, atStart: boolean, defined: readonly string[], inside: Uint8Array): ParsedMarkdown {
  return parseWithPlainBlocks(text, lines, parseWhole, atStart, defined, inside);
}

/**
 * One remark parse of the whole text, no chunks and no plain-prose path: what
 * they must agree with (test/unit/chunks.test.ts, test/unit/plain-blocks.test.ts).
 * `atStart` is false for a part of a document that does not begin it, where
 * `---` is a rule, never front matter (no part begins with U+FEFF: micromark
 * would drop it).
 */
export function parseWhole(text: string, lines: LineIndex, atStart = true, defined: readonly string[] = []): ParsedMarkdown {
  // micromark drops one U+FEFF that begins its input and counts offsets after it. The text is given whole, so a
  // second U+FEFF stays text (cutting the first off here would let micromark drop the second too).
  const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const limits = findParseLimits(text);
  const parsed = blankOut(text, limits);
  let root = fromMarkdown(parsed, parseOptions(atStart, defined));
  // A file that opens with a --- rule and a paragraph is not front matter: only YAML between the fences is.
  const first = root.children[0];
  if (atStart && first?.type === 'yaml' && !looksLikeYaml(first.value)) root = fromMarkdown(parsed, parseOptions(false, defined));
  const result: ParsedMarkdown = {
    headings: [],
    listItems: [],
    prose: [],
    comments: [],
    markupLines: new Uint8Array(lines.lineCount),
  };
  const startOf = (n: Nodes) => (n.position?.start.offset ?? 0) + base;
  const endOf = (n: Nodes) => (n.position?.end.offset ?? 0) + base;
  const markLines = (n: Nodes, value: number) => {
    const a = lines.lineOf(startOf(n));
    const b = lines.lineOf(Math.max(startOf(n), endOf(n) - 1));
    result.markupLines.fill(value, a, b + 1);
  };

  // An explicit stack, not recursion: a 5 KB nest of `>` or `- - -` is thousands of levels deep.
  const pending: BlockVisit[] = [];
  const pushChildren = (children: readonly RootContent[], inList: boolean, listDepth: number, list: number, inQuote: boolean) => {
    for (let i = children.length - 1; i >= 0; i--) pending.push({ node: children[i]!, inList, listDepth, list, inQuote });
  };
  const visitBlock = ({ node, inList, listDepth, list, inQuote }: BlockVisit) => {
    switch (node.type) {
      case 'heading':
        result.headings.push(headingInfo(node, text, startOf(node), endOf(node)));
        result.prose.push(buildProse('heading', node, text, base, result.comments));
        return;
      case 'paragraph': {
        const block = buildProse('paragraph', node, text, base, result.comments);
        if (inList) block.inList = true;
        if (inQuote) block.inQuote = true;
        result.prose.push(block);
        return;
      }
      case 'table':
        markLines(node, MARKUP_CONTENT);
        addTable(node.children.map((row) => row.children.map((cell) => buildProse('tableCell', cell, text, base, result.comments))), result.prose);
        return;
      case 'html':
        collectComments(node.value, startOf(node), result.comments);
        if (/<table\b/i.test(node.value)) {
          markLines(node, MARKUP_CONTENT);
          for (const grid of readHtmlTables(node.value, startOf(node))) addHtmlTable(grid, result.prose);
        } else markLines(node, MARKUP_EMPTY);
        return;
      case 'definition':
        // The identifier is normalised from the source, as micromark's own list is (the label is decoded: `a]b` for `a\]b`).
        (result.definitions ??= []).push(normalizeIdentifier(node.identifier));
        markLines(node, MARKUP_EMPTY);
        return;
      case 'code':
      case 'thematicBreak':
      case 'yaml':
        markLines(node, node.type === 'code' ? MARKUP_CONTENT : MARKUP_EMPTY);
        // A block quote is someone else's words: its indented lines are not read as the document's list.
        if (node.type === 'code' && !inQuote) {
          const prose = indentedProse(text, { start: startOf(node), end: endOf(node) });
          if (prose) result.prose.push(inList ? Object.assign(prose, { inList: true }) : prose);
        }
        if (node.type === 'yaml') {
          const start = startOf(node);
          const raw = text.slice(start, endOf(node));
          result.frontMatter = { raw: node.value, span: { start, end: endOf(node) }, valueOffset: start + raw.indexOf(node.value) };
          for (const lead of frontMatterProse(text, result.frontMatter.span)) result.prose.push(lead);
        }
        return;
      case 'list':
        for (let i = node.children.length - 1; i >= 0; i--) pending.push({ node: node.children[i]!, inList: true, listDepth: listDepth + 1, list: startOf(node), inQuote });
        return;
      case 'listItem':
        result.listItems.push({ line: lines.lineOf(startOf(node)), depth: listDepth, list });
        pushChildren(node.children, true, listDepth, list, inQuote);
        return;
      default:
        if ('children' in node) pushChildren(node.children as RootContent[], inList, listDepth, list, inQuote || node.type === 'blockquote');
    }
  };
  pushChildren(root.children, false, 0, -1, false);
  while (pending.length) visitBlock(pending.pop()!);
  if (limits.length) {
    result.limits = limits;
    // The text of a block remark was not given is still read, as one plain paragraph.
    for (const { span } of limits) result.prose.push(new ProseBlock('paragraph', span, text.slice(span.start, span.end), [{ textStart: 0, sourceStart: span.start, length: span.end - span.start }]));
    result.prose.sort((a, b) => a.span.start - b.span.start);
  }
  return result;
}

function headingInfo(node: Heading, text: string, start: number, end: number): HeadingInfo {
  const setext = !/^\s{0,3}#/.test(text.slice(start, Math.min(end, start + 8)));
  const first = node.children[0];
  const last = node.children[node.children.length - 1];
  let contentSpan: Span;
  if (first?.position && last?.position) {
    const shift = start - (node.position?.start.offset ?? start);
    contentSpan = { start: first.position.start.offset! + shift, end: last.position.end.offset! + shift };
  } else {
    contentSpan = { start: end, end };
  }
  return { depth: node.depth, span: { start, end }, contentSpan, setext };
}

function addTable(rows: ProseBlock[][], out: ProseBlock[]): void {
  const subHeader = rows.length > 2 && isSubHeader(rows[1]!);
  const headers = subHeader ? joinHeaderRows(rows[0]!, rows[1]!) : (rows[0]?.map((c) => c.text.trim()) ?? []);
  // By column: the cell's text, or the row above's when it is empty or a `:::` / `^^` marker (a rowspan in converted tables).
  const labels: string[] = [];
  let group: string | undefined;
  // One row with an empty value is a row whose value is missing ("| Fax | |"); sections take two or more.
  const grouped = rows.filter((row, r) => r > (subHeader ? 1 : 0) && isGroupRow(row)).length >= 2;
  // | 序号 | 业务类别 | 办理时限 |: the rows' labels are in the column after their numbers.
  const labelColumn = numbersRows(headers, rows.slice(subHeader ? 2 : 1)) ? 1 : 0;
  rows.forEach((row, r) => {
    if (grouped && r > (subHeader ? 1 : 0) && isGroupRow(row)) group = row[0]!.text.trim();
    row.forEach((cell, column) => {
      const text = cell.text.trim();
      if (r > (subHeader ? 1 : 0) && text !== '' && !ROWSPAN_MARK.test(text)) labels[column] = text;
    });
    const isHeader = r === 0 || (subHeader && r === 1);
    const label = isHeader ? '' : (labels[labelColumn] ?? '');
    const first = row[labelColumn]?.text.trim() ?? '';
    const continued = r > (subHeader ? 2 : 1) && (first === '' || ROWSPAN_MARK.test(first));
    const sides: SideLabel[] = [];
    row.forEach((cell, column) => {
      cell.cell = { header: headers[column] ?? '', rowLabel: label, corner: headers[labelColumn] ?? '', isHeader, column, sideLabels: sides.slice(), headers };
      if (continued) cell.cell.continued = true;
      if (group !== undefined) cell.cell.group = group;
      if (column > labelColumn && !isHeader) sides.push({ header: headers[column] ?? '', text: labels[column] ?? '' });
      out.push(cell);
    });
  });
}

/** A first column headed 序号, No. or # that holds only the rows' numbers, beside at least two more columns. */
const SERIAL_HEADER = /^(?:序号|序號|编号|編號|no\.?|#|item\s+no\.?|s\/n|sr\.?\s*no\.?)$/i;

function numbersRows(headers: readonly string[], body: readonly (readonly ProseBlock[])[]): boolean {
  return headers.length >= 3 && SERIAL_HEADER.test(headers[0] ?? '') && body.length > 0 && body.every((row) => /^(?:(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.、]?)?$/.test(row[0]?.text.trim() ?? ''));
}

/** "| Repairs | |": a row with only its first cell, heading the rows under it as a sub-heading does. */
function isGroupRow(row: readonly ProseBlock[]): boolean {
  const first = row[0]?.text.trim() ?? '';
  return row.length >= 2 && first !== '' && !ROWSPAN_MARK.test(first) && row.slice(1).every((cell) => cell.text.trim() === '');
}

const ROWSPAN_MARK = /^(?::::|\^\^|〃|同上)$/;

/**
 * A second header row, as tables converted from HTML or Word write one: an empty first cell, then
 * a label over every other column, none of them a value ("| | Initial Response | Resolution |"
 * under "| Severity | Business hours | |").
 */
function isSubHeader(row: readonly ProseBlock[]): boolean {
  const [first, ...rest] = row.map((c) => c.text.trim());
  return first === '' && rest.length >= 2 && rest.every((text) => text !== '' && !/\d/.test(text));
}

/**
 * Each column's header from two header rows: the group label above (spanning the empty cells to its
 * right, until a label below repeats one of its group: the next group is then unlabelled) and the
 * column's own label below.
 */
function joinHeaderRows(top: readonly ProseBlock[], below: readonly ProseBlock[]): string[] {
  let group = '';
  let seen = new Set<string>();
  return below.map((cell, column) => {
    const above = top[column]?.text.trim() ?? '';
    const own = cell.text.trim();
    if (column === 0) return above;
    if (above !== '' || seen.has(own)) {
      group = above;
      seen = new Set();
    }
    seen.add(own);
    return group ? `${group} ${own}` : own;
  });
}

/** An HTML table's cells as prose blocks, each spanned cell once, with the same context a Markdown table's cells get. */
function addHtmlTable(grid: HtmlCell[][], out: ProseBlock[]): void {
  const blocks = new Map<HtmlCell, ProseBlock>();
  const blockOf = (cell: HtmlCell) => {
    let block = blocks.get(cell);
    if (!block) {
      const runs: Run[] = [];
      cell.offsets.forEach((source, i) => {
        const last = runs[runs.length - 1];
        if (last && last.sourceStart + last.length === source && last.textStart + last.length === i) last.length++;
        else runs.push({ textStart: i, sourceStart: source, length: 1 });
      });
      block = new ProseBlock('tableCell', { start: cell.start, end: cell.end }, cell.text, runs);
      blocks.set(cell, block);
    }
    return block;
  };
  const headerRow = grid[0]?.every((c) => c.isHeader) ? 0 : -1;
  const headers = headerRow === 0 ? grid[0]!.map((c) => c.text.trim()) : [];
  const seen = new Set<HtmlCell>();
  grid.forEach((row, r) => {
    const label = r === headerRow ? '' : (row[0]?.text.trim() ?? '');
    const sides: SideLabel[] = [];
    row.forEach((cell, column) => {
      const header = headers[column] ?? '';
      if (!seen.has(cell) && cell.end !== 0) {
        seen.add(cell);
        const block = blockOf(cell);
        block.cell = { header, rowLabel: label, corner: headers[0] ?? '', isHeader: r === headerRow, column, sideLabels: sides.slice(), headers };
        out.push(block);
      }
      // A spanned cell is one cell of every row it spans: each of them reads its label.
      if (column > 0 && r !== headerRow) sides.push({ header, text: cell.text.trim() });
    });
  });
}

const YAML_LINE = /^(?:\s*#.*|\s*|\s*-(?:\s.*)?|\s*[^\s:#][^:]*:(?:\s.*)?|\s+\S.*)$/;

/** Key: value lines, list items, comments and indented continuations: what front matter is made of. */
function looksLikeYaml(value: string): boolean {
  const lines = value.split(/\r\n|\r|\n/);
  return lines.some((l) => /:(?:\s|$)/.test(l)) && lines.every((l) => YAML_LINE.test(l));
}

const BLOCK_TAG = /^<\/?(?:br|p|div|li|tr)\b[^>]*>$/i;

/**
 * Flattens a block's inline content to plain text. Inline code and HTML become
 * a single U+FFFC so words either side don't run together and nothing inside
 * code is read as prose.
 */
function buildProse(kind: ProseKind, node: Nodes, text: string, base: number, comments?: HtmlComment[]): ProseBlock {
  const runs: Run[] = [];
  let out = '';
  // Inline nodes nest too (emphasis in links in emphasis…): walked with a stack, in document order.
  const pending: Nodes[] = [node];
  const walk = (n: Nodes) => {
    const start = (n.position?.start.offset ?? 0) + base;
    const end = (n.position?.end.offset ?? 0) + base;
    if (n.type === 'text') {
      alignRuns(n.value, text, start, end, out.length, runs);
      out += n.value;
    } else if (n.type === 'html' && comments && n.value.startsWith('<!--')) {
      // An inline comment (`text <!-- policylint-disable-line -->`) is an inline directive too.
      collectComments(n.value, start, comments);
      runs.push({ textStart: out.length, sourceStart: start, length: 1 });
      out += '\uFFFC';
    } else if (n.type === 'html' && BLOCK_TAG.test(n.value)) {
      // <br>, <p> in a table cell or a converted document break the line, as they do when rendered.
      runs.push({ textStart: out.length, sourceStart: start, length: 1 });
      out += '\n';
    } else if (n.type === 'inlineCode' || n.type === 'html' || n.type === 'image' || n.type === 'imageReference') {
      runs.push({ textStart: out.length, sourceStart: start, length: 1 });
      out += '\uFFFC';
    } else if (n.type === 'break') {
      runs.push({ textStart: out.length, sourceStart: start, length: 1 });
      out += '\n';
    } else if ('children' in n) {
      const children = n.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]!);
    }
  };
  while (pending.length) walk(pending.pop()!);
  const span = { start: (node.position?.start.offset ?? 0) + base, end: (node.position?.end.offset ?? 0) + base };
  return new ProseBlock(kind, span, out, runs);
}

/**
 * Maps a text node's value onto its source. Usually they are equal; escapes
 * (\_), entities and stripped indentation make them differ, so walk both and
 * resynchronise on equal characters.
 */
function alignRuns(value: string, text: string, start: number, end: number, textStart: number, runs: Run[]): void {
  if (end - start === value.length && text.startsWith(value, start)) {
    runs.push({ textStart, sourceStart: start, length: value.length });
    return;
  }
  let j = start;
  let run: Run | undefined;
  for (let i = 0; i < value.length; i++) {
    let k = j;
    while (k < end && k - j < 12 && text[k] !== value[i]) k++;
    const found = k < end && text[k] === value[i];
    const src = found ? k : Math.min(j, end);
    if (run && found && k === j && run.sourceStart + run.length === src && run.textStart + run.length === textStart + i) {
      run.length++;
    } else {
      run = { textStart: textStart + i, sourceStart: src, length: 1 };
      runs.push(run);
    }
    if (found) j = k + 1;
  }
}
