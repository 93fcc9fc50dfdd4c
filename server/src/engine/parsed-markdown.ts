// What the engine pulls out of a Markdown tree, as plain structures: headings,
// list items, prose blocks with their map back to the source, HTML comments.
// Kept apart from the parser so the chunked parse can stitch results without
// importing the parser.

import type { ParseLimit } from './parse-limits';
import type { Span } from './types';

/** A run of prose text that maps one-to-one onto the source. */
export interface Run {
  textStart: number;
  sourceStart: number;
  length: number;
}

export type ProseKind = 'paragraph' | 'heading' | 'tableCell';

/**
 * The plain text of one block (Markdown markup removed) and a way back to the
 * source. Rules that read prose (placeholders, SLA values) work on `text` and
 * report through `toSource`.
 */
/** Where a table cell sits: its column's header and its row's first cell, which say what the cell means. */
export interface CellContext {
  /** The column's header cell. */
  header: string;
  /** The row's first cell (the previous row's when this one is empty or `:::`, a rowspan continuation). */
  rowLabel: string;
  /** The header of the first column ("Priority", "Subscription Plans"): it says what the row labels are. */
  corner: string;
  isHeader: boolean;
  column: number;
  /**
   * The cells between the first one and this one, with their headers ("Priority Level | Critical"
   * beside "Item | Respond"): labels that scope the cell when their header names a level or plan.
   * An empty cell continues the row above's, as the first column does.
   */
  sideLabels: readonly SideLabel[];
  /** Every column's header, shared by the table's cells: a "Service Credit" column makes the table one of remedies. */
  headers: readonly string[];
  /** The row's first cell is empty or a rowspan mark: the row continues the one above under its label. */
  continued?: true;
  /** The label of the last row above that had nothing but its first cell ("| Repairs | |"): it heads the rows under it. */
  group?: string;
}

export interface SideLabel {
  header: string;
  text: string;
}

export class ProseBlock {
  /** Set for table cells. */
  cell?: CellContext;
  /** Set for paragraphs inside a list item. */
  inList?: boolean;
  /** Set for paragraphs inside a block quote: someone else's words. */
  inQuote?: boolean;

  constructor(
    readonly kind: ProseKind,
    readonly span: Span,
    readonly text: string,
    private readonly runs: Run[],
    /** Added to every run's source offset: a shifted block shares its runs with the cached one. */
    private readonly shift = 0,
  ) {}

  /** The same block `by` characters further on (a cached chunk placed in a new document). */
  shifted(by: number): ProseBlock {
    const block = new ProseBlock(this.kind, { start: this.span.start + by, end: this.span.end + by }, this.text, this.runs, this.shift + by);
    if (this.cell) block.cell = this.cell;
    if (this.inList) block.inList = true;
    if (this.inQuote) block.inQuote = true;
    return block;
  }

  /** Source offset of text index i (i may equal text.length). */
  toSource(i: number): number {
    const runs = this.runs;
    if (runs.length === 0) return this.span.start;
    let lo = 0;
    let hi = runs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (runs[mid]!.textStart <= i) lo = mid;
      else hi = mid - 1;
    }
    const run = runs[lo]!;
    return this.shift + run.sourceStart + Math.min(i - run.textStart, run.length);
  }

  toSourceSpan(start: number, end: number): Span {
    const s = this.toSource(start);
    // The end maps from the last character, so a span never swallows markup after it.
    const e = end > start ? this.toSource(end - 1) + 1 : s;
    return { start: s, end: Math.max(s, e) };
  }
}

export interface HeadingInfo {
  depth: number;
  span: Span;
  /** Span of the heading's text, without `#` markers or setext underline. */
  contentSpan: Span;
  setext: boolean;
}

export interface HtmlComment {
  span: Span;
  body: string;
}

/** A Markdown list item: where it starts, how deeply its list is nested, and which list it belongs to. */
export interface ListItemInfo {
  /** 0-based line of the item's marker. */
  line: number;
  /** 1 for a top-level list, 2 for a list inside a list item… */
  depth: number;
  /** The source offset of its list: items with the same one are siblings. */
  list: number;
}

export interface ParsedMarkdown {
  headings: HeadingInfo[];
  /** Markdown list items: clauses of a list, never section headings. */
  listItems: ListItemInfo[];
  prose: ProseBlock[];
  comments: HtmlComment[];
  /**
   * Lines (0-based) that are not prose: MARKUP_CONTENT for code and tables (they
   * still give a section a body), MARKUP_EMPTY for HTML, rules, definitions and
   * front matter.
   */
  markupLines: Uint8Array;
  frontMatter?: { raw: string; span: Span; valueOffset: number };
  /** Link reference definitions' identifiers (as micromark normalises them): they resolve references anywhere in the document. */
  definitions?: string[];
  /** Blocks not parsed as Markdown because they go over a limit (engine/parse-limits.ts); read as plain paragraphs. */
  limits?: ParseLimit[];
}
