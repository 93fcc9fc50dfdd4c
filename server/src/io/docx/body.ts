// The body of word/document.xml as blocks a reader sees: paragraphs with
// their rendered number, heading level, TOC level; tables with merged cells.
// Text is what Word displays: field results but not field codes, tracked
// insertions but not deletions (changes read as accepted), text boxes after
// the paragraph that anchors them, footnote references as [^n].
//
// Paragraphs are numbered as Word's statistics count them: those with text.

import { formatCounter } from './number-formats';
import type { Numbering, RenderedNumber } from './numbering';
import type { Styles } from './styles';
import { child, childVal, elements, intVal, isOn, type XmlElement, type XmlNode } from './xml';

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  number?: RenderedNumber;
  headingLevel?: number;
  title: boolean;
  /** Inside a TOC field or a Table of Contents content control: an entry, with its level. */
  tocLevel?: number;
  /** 1-based, counting paragraphs with text; a text box's paragraphs carry their anchor's. */
  paragraph: number;
}

export interface TableCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  paragraph: number;
}

export interface TableBlock {
  kind: 'table';
  rows: TableCell[][];
  /** Some cell spans rows or columns, so the table needs HTML. */
  merged: boolean;
}

export type Block = ParagraphBlock | TableBlock;

export interface NoteText {
  id: string;
  text: string;
}

export interface BodyResult {
  blocks: Block[];
  /** Footnotes, then endnotes, in the order their references appear, labelled as Word shows them (1, 2… and i, ii…). */
  footnotes: { label: string; text: string; paragraph: number }[];
  trackedChanges: boolean;
}

interface FieldFrame {
  instr: string;
  showing: boolean;
}

/** One pass over the body; holds the state that crosses paragraphs (fields, counters). */
export class BodyReader {
  private paragraphCount = 0;
  private readonly fields: FieldFrame[] = [];
  private tocDepth = 0;
  private readonly result: BodyResult = { blocks: [], footnotes: [], trackedChanges: false };
  private pendingBoxes: XmlElement[] = [];
  private currentParagraph = 0;

  constructor(
    private readonly styles: Styles,
    private readonly numbering: Numbering,
    private readonly footnoteText: Map<string, string>,
    private readonly endnoteText: Map<string, string> = new Map(),
  ) {}

  private endnotes: { label: string; text: string; paragraph: number }[] = [];

  read(body: XmlElement | undefined): BodyResult {
    this.blocks(body, this.result.blocks);
    // Word prints endnotes after the footnotes of the last page: at the end.
    for (const note of this.endnotes) this.result.footnotes.push(note);
    return this.result;
  }

  private get inTocField(): boolean {
    return this.fields.some((f) => /^\s*TOC\b/i.test(f.instr));
  }

  private blocks(container: XmlElement | undefined, out: Block[]): void {
    for (const el of elements(container)) {
      if (el.name === 'w:p') this.paragraph(el, out);
      else if (el.name === 'w:tbl') out.push(this.table(el));
      else if (el.name === 'w:sdt') {
        const gallery = child(child(child(el, 'w:sdtPr'), 'w:docPartObj'), 'w:docPartGallery')?.attrs['w:val'] ?? '';
        const toc = /table of contents/i.test(gallery);
        if (toc) this.tocDepth++;
        this.blocks(child(el, 'w:sdtContent'), out);
        if (toc) this.tocDepth--;
      } else if (el.name === 'w:ins' || el.name === 'w:moveTo') {
        this.result.trackedChanges = true;
        this.blocks(el, out);
      } else if (el.name === 'w:del' || el.name === 'w:moveFrom') {
        this.result.trackedChanges = true;
      } else if (el.name === 'w:customXml' || el.name === 'w:smartTag') {
        this.blocks(el, out);
      } else if (el.name === 'mc:AlternateContent') {
        this.blocks(elements(el, 'mc:Choice')[0] ?? child(el, 'mc:Fallback'), out);
      }
    }
  }

  private paragraph(p: XmlElement, out: Block[]): void {
    const pPr = child(p, 'w:pPr');
    const styleId = childVal(pPr, 'w:pStyle') ?? this.styles.defaultParagraph;
    const numPr = child(pPr, 'w:numPr');
    const direct = numPr ? { numId: childVal(numPr, 'w:numId'), ilvl: intVal(numPr, 'w:ilvl') } : undefined;
    const tocBefore = this.inTocField;
    const anchor = this.paragraphCount + 1;
    this.currentParagraph = anchor;
    const boxes = this.pendingBoxes;
    this.pendingBoxes = [];
    const text = this.inline(p).trimEnd();
    // In a TOC field every result paragraph is an entry; in a TOC content control only the TOC-styled
    // ones are (Word puts the "Contents" heading inside the control too).
    const styledEntry = this.styles.tocLevel(styleId) !== undefined;
    const inToc = tocBefore || this.inTocField || (this.tocDepth > 0 && styledEntry);
    // Word numbers a paragraph that shows no text too (an empty list item); its number still counts.
    const number = this.numbering.next(direct?.numId !== undefined || direct?.ilvl !== undefined ? direct : undefined, styleId);
    const collected = this.pendingBoxes;
    this.pendingBoxes = boxes;
    if (text.trim() === '' && !number) {
      this.emitBoxes(collected, out);
      return;
    }
    this.paragraphCount++;
    const outline = intVal(pPr, 'w:outlineLvl');
    const headingLevel = outline !== undefined ? (outline >= 0 && outline < 9 ? outline + 1 : undefined) : this.styles.headingLevel(styleId);
    const tocLevel = inToc ? (this.styles.tocLevel(styleId) ?? 1) : undefined;
    const block: ParagraphBlock = { kind: 'paragraph', text, title: this.styles.isTitle(styleId), paragraph: anchor };
    if (number) block.number = number;
    if (headingLevel !== undefined && tocLevel === undefined) block.headingLevel = headingLevel;
    if (tocLevel !== undefined) block.tocLevel = tocLevel;
    out.push(block);
    this.emitBoxes(collected, out);
  }

  /** A text box's paragraphs follow the paragraph that anchors it, carrying its number. */
  private emitBoxes(boxes: XmlElement[], out: Block[]): void {
    const anchor = this.currentParagraph;
    for (const box of boxes) {
      const inner: Block[] = [];
      const saved = this.paragraphCount;
      this.blocks(box, inner);
      this.paragraphCount = saved;
      this.currentParagraph = anchor;
      for (const b of inner) {
        if (b.kind === 'paragraph') b.paragraph = anchor || 1;
        out.push(b);
      }
    }
  }

  private inline(node: XmlElement): string {
    let out = '';
    const visit = (n: XmlNode): void => {
      if (typeof n === 'string') return;
      switch (n.name) {
        case 'w:t':
          if (this.fields.every((f) => f.showing)) out += n.children.filter((c): c is string => typeof c === 'string').join('');
          return;
        case 'w:tab':
        case 'w:ptab':
          if (this.fields.every((f) => f.showing)) out += '\t';
          return;
        case 'w:br':
        case 'w:cr':
          if (this.fields.every((f) => f.showing)) out += ' ';
          return;
        case 'w:noBreakHyphen':
          out += '-';
          return;
        case 'w:fldChar': {
          const type = n.attrs['w:fldCharType'];
          if (type === 'begin') this.fields.push({ instr: '', showing: false });
          else if (type === 'separate') {
            const f = this.fields[this.fields.length - 1];
            if (f) f.showing = true;
          } else if (type === 'end') this.fields.pop();
          return;
        }
        case 'w:instrText': {
          const f = this.fields[this.fields.length - 1];
          if (f && !f.showing) f.instr += n.children.filter((c): c is string => typeof c === 'string').join('');
          return;
        }
        case 'w:footnoteReference': {
          const label = String(this.result.footnotes.length + 1);
          this.result.footnotes.push({ label, text: this.footnoteText.get(n.attrs['w:id'] ?? '') ?? '', paragraph: this.currentParagraph });
          out += footnoteMark(label);
          return;
        }
        case 'w:endnoteReference': {
          const label = formatCounter(this.endnotes.length + 1, 'lowerRoman');
          this.endnotes.push({ label, text: this.endnoteText.get(n.attrs['w:id'] ?? '') ?? '', paragraph: this.currentParagraph });
          out += footnoteMark(label);
          return;
        }
        case 'w:txbxContent':
          this.pendingBoxes.push(n);
          return;
        case 'w:del':
        case 'w:moveFrom':
          this.result.trackedChanges = true;
          return;
        case 'w:ins':
        case 'w:moveTo':
          this.result.trackedChanges = true;
          n.children.forEach(visit);
          return;
        case 'mc:AlternateContent': {
          const choice = elements(n, 'mc:Choice')[0] ?? child(n, 'mc:Fallback');
          if (choice) visit(choice);
          return;
        }
        case 'w:r':
          // Hidden text (w:vanish) is not what a reader sees.
          if (isOn(child(n, 'w:rPr'), 'w:vanish') || isOn(child(n, 'w:rPr'), 'w:webHidden')) return;
          n.children.forEach(visit);
          return;
        case 'w:pPr':
        case 'w:rPr':
        case 'w:delText':
        case 'w:delInstrText':
        case 'w:commentReference':
        case 'w:fldData':
        case 'w:rPrChange':
        case 'w:pPrChange':
          return;
        default:
          n.children.forEach(visit);
      }
    };
    node.children.forEach(visit);
    return out;
  }

  private table(tbl: XmlElement): TableBlock {
    const rows: TableCell[][] = [];
    let merged = false;
    /** The cell that starts a vertical merge, by grid column. */
    const openMerges = new Map<number, TableCell>();
    for (const tr of this.rowsOf(tbl)) {
      const row: TableCell[] = [];
      let col = intVal(child(tr, 'w:trPr'), 'w:gridBefore') ?? 0;
      for (const tc of this.cellsOf(tr)) {
        const tcPr = child(tc, 'w:tcPr');
        const span = Math.max(1, intVal(tcPr, 'w:gridSpan') ?? 1);
        const vMerge = child(tcPr, 'w:vMerge');
        const continues = vMerge !== undefined && vMerge.attrs['w:val'] !== 'restart';
        const above = openMerges.get(col);
        if (continues && above) {
          above.rowSpan++;
          merged = true;
          this.cellText(tc); // advances counters and fields as Word would; the text is the merged cell's
          col += span;
          continue;
        }
        const cell: TableCell = { text: '', rowSpan: 1, colSpan: span, paragraph: this.paragraphCount + 1 };
        cell.text = this.cellText(tc);
        if (span > 1) merged = true;
        if (vMerge) openMerges.set(col, cell);
        else openMerges.delete(col);
        row.push(cell);
        col += span;
      }
      rows.push(row);
    }
    return { kind: 'table', rows, merged };
  }

  private rowsOf(tbl: XmlElement): XmlElement[] {
    return elements(tbl).flatMap((el) => (el.name === 'w:tr' ? [el] : el.name === 'w:sdt' || el.name === 'w:ins' ? this.rowsOf(child(el, 'w:sdtContent') ?? el) : []));
  }

  private cellsOf(tr: XmlElement): XmlElement[] {
    return elements(tr).flatMap((el) => (el.name === 'w:tc' ? [el] : el.name === 'w:sdt' ? this.cellsOf(child(el, 'w:sdtContent') ?? el) : []));
  }

  /** A cell's paragraphs (numbers included) on one line; a nested table's cells joined the same way. */
  private cellText(tc: XmlElement): string {
    const inner: Block[] = [];
    this.blocks(tc, inner);
    const texts: string[] = [];
    for (const b of inner) {
      if (b.kind === 'paragraph') texts.push(b.number ? `${b.number.text}${numberGap(b.number, b.text)}${b.text}` : b.text);
      else for (const r of b.rows) texts.push(r.map((c) => c.text).join(' '));
    }
    return texts.join(' ').replace(/\s+/g, ' ').trim();
  }
}

/** Stands for a footnote reference in paragraph text until the Markdown writer turns it into [^n], after escaping. */
export const footnoteMark = (label: string) => `\uE000${label}\uE001`;
export const FOOTNOTE_MARK = /\uE000(\w+)\uE001/g;

/** What separates a number from its text: Word's tab or space, but nothing after 、 or a full-width mark, as a reader would type it. */
export function numberGap(number: RenderedNumber, text: string): string {
  if (number.suffix === 'nothing' || text === '' || number.text === '') return '';
  // Full-width punctuation (、 ）) and enclosed numbers (① ⑴ ⒈) carry their own spacing.
  return /[\u3000-\u303f\uff00-\uffef\u2460-\u24ff\u3251-\u325f\u32b1-\u32bf]$/.test(number.text) ? '' : ' ';
}
