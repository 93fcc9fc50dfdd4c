// HTML <table>s inside Markdown (common in documents converted from Word or
// written for a docs site): their cells become prose blocks like a Markdown
// table's, with rowspan and colspan laid out on a grid so each cell knows its
// row label and column header. Only the table tags are read; everything else
// in a cell is text, and inline tags are dropped (<br> and <p> break the line).

export interface HtmlCell {
  /** The cell's text without tags, entities decoded. */
  text: string;
  /** For each character of text, its offset in the source. */
  offsets: number[];
  start: number;
  end: number;
  isHeader: boolean;
}

const TAG = /<(\/?)(table|thead|tbody|tfoot|tr|td|th)\b([^>]*)>/gi;
const INLINE_TAG = /<\/?([a-z][\w-]*)\b[^>]*>|&(nbsp|amp|lt|gt|quot|#\d+);/gi;
const LINE_TAGS = /^(?:br|p|div|li)$/i;
const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"' };

function span(attributes: string, name: string): number {
  const m = new RegExp(`\\b${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attributes);
  const n = m ? Number(m[1]) : 1;
  return Number.isFinite(n) && n >= 1 && n <= 100 ? n : 1;
}

function cellText(html: string, offset: number): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  let last = 0;
  const push = (s: string, at: number, oneSource = false) => {
    for (let i = 0; i < s.length; i++) {
      text += s[i];
      offsets.push(offset + at + (oneSource ? 0 : i));
    }
  };
  INLINE_TAG.lastIndex = 0;
  for (let m = INLINE_TAG.exec(html); m; m = INLINE_TAG.exec(html)) {
    push(html.slice(last, m.index), last);
    if (m[2] !== undefined) {
      const entity = m[2].startsWith('#') ? String.fromCodePoint(Number(m[2].slice(1)) || 32) : ENTITIES[m[2].toLowerCase()]!;
      push(entity, m.index, true);
    } else if (LINE_TAGS.test(m[1]!)) push('\n', m.index, true);
    last = m.index + m[0].length;
  }
  push(html.slice(last), last);
  return { text, offsets };
}

/** The rows of the first-level tables in an HTML block, laid out on a grid (a spanned cell repeats). */
export function readHtmlTables(html: string, offset: number): HtmlCell[][][] {
  const tables: HtmlCell[][][] = [];
  let rows: { cell: HtmlCell; colspan: number; rowspan: number }[][] | undefined;
  let row: { cell: HtmlCell; colspan: number; rowspan: number }[] | undefined;
  let open: { start: number; contentStart: number; isHeader: boolean; attributes: string; inThead: boolean } | undefined;
  let depth = 0;
  let inThead = false;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    if (tag === 'table') {
      if (!closing && ++depth === 1) rows = [];
      else if (closing && depth > 0 && --depth === 0 && rows) {
        tables.push(layOut(rows));
        rows = undefined;
      }
      continue;
    }
    if (depth !== 1 || !rows) continue;
    if (tag === 'thead') inThead = !closing;
    else if (tag === 'tr') {
      if (!closing) rows.push((row = []));
      else row = undefined;
    } else if (!closing) {
      open = { start: m.index, contentStart: m.index + m[0].length, isHeader: tag === 'th' || inThead, attributes: m[3] ?? '', inThead };
    } else if (open) {
      const inner = html.slice(open.contentStart, m.index);
      const { text, offsets } = cellText(inner, offset + open.contentStart);
      if (!row) rows.push((row = []));
      row.push({
        cell: { text, offsets, start: offset + open.start, end: offset + m.index + m[0].length, isHeader: open.isHeader },
        colspan: span(open.attributes, 'colspan'),
        rowspan: span(open.attributes, 'rowspan'),
      });
      open = undefined;
    }
  }
  return tables;
}

/** Places cells on a grid: a cell spanning rows or columns fills every slot it covers. */
function layOut(rows: { cell: HtmlCell; colspan: number; rowspan: number }[][]): HtmlCell[][] {
  const grid: HtmlCell[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const { cell, colspan, rowspan } of row) {
      while (grid[r]![c]) c++;
      for (let dr = 0; dr < rowspan && r + dr < grid.length; dr++) {
        for (let dc = 0; dc < colspan; dc++) grid[r + dr]![c + dc] = cell;
      }
      c += colspan;
    }
  });
  return grid.map((row) => Array.from(row, (cell) => cell ?? { text: '', offsets: [], start: 0, end: 0, isHeader: false }));
}
