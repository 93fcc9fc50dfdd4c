// The one place where offsets become lines and columns. The engine works in
// UTF-16 offsets; the CLI reports 1-based lines with code-point columns; LSP
// wants 0-based lines with UTF-16 columns. Lines end at \n, \r\n or a lone \r,
// as CommonMark says.

import type { Change } from './text-change';
import type { Place, Span } from './types';

export interface Position {
  line: number;
  character: number;
}

/**
 * What an edit left in place (LineIndex.edited), so that a position converted with the index it
 * was made from can be carried without converting again. Only the serial of that index is kept: an
 * index holding the last one would hold every version of the text before it.
 */
interface LineShift {
  readonly from: number;
  /** Offsets below this stand on the same line and character as before. */
  readonly unmovedBelow: number;
  /** Old offsets from this one on stand `delta` later, `lineDelta` lines further down, at the same character. */
  readonly movedFrom: number;
  readonly delta: number;
  readonly lineDelta: number;
}

let nextSerial = 1;

export class LineIndex {
  /** Offset at which each line starts. */
  readonly lineStarts: number[];
  /** Tells this index from any other, for carryLsp. */
  readonly serial = nextSerial++;

  /** `starts`: the line starts, when the caller has worked them out (LineIndex.edited); `shift`: what the edit left in place. */
  constructor(
    readonly text: string,
    starts?: number[],
    private readonly shift?: LineShift,
  ) {
    this.lineStarts = starts ?? [0];
    if (!starts) scanLineStarts(text, 0, text.length, this.lineStarts);
  }

  /**
   * The index of `text`, which `change` made from `previous`'s text: the line starts before the
   * change are kept, those after it moved, and only the changed stretch is read. In the editor a
   * keystroke in a 1 MB document then reads a few characters instead of all of them.
   */
  static edited(previous: LineIndex, text: string, change: Change): LineIndex {
    if (change.start === Infinity) return new LineIndex(text, previous.lineStarts, { from: previous.serial, unmovedBelow: Infinity, movedFrom: 0, delta: 0, lineDelta: 0 });
    const old = previous.lineStarts;
    // A line start depends on the two characters before it and, after a \r, the one at it: those before
    // the change's start are kept, the stretch from the character before it to its end is read again.
    const from = Math.max(0, change.start - 1);
    let kept = previous.lineOf(change.start);
    if (old[kept]! >= change.start) kept--;
    const starts = kept >= 0 ? old.slice(0, kept + 1) : [0];
    scanLineStarts(text, from, Math.min(text.length, change.newEnd + 1), starts);
    const oldEnd = change.newEnd - change.delta;
    const last = starts[starts.length - 1]!;
    let movedFrom = Infinity;
    for (let line = previous.lineOf(oldEnd + 2); line < old.length; line++) {
      const start = old[line]!;
      if (start >= oldEnd + 2 && start + change.delta > last) {
        movedFrom = Math.min(movedFrom, start);
        starts.push(start + change.delta);
      }
    }
    // Lines wholly before the one holding the character before the change keep their starts and their line breaks.
    const unmovedBelow = old[previous.lineOf(from)]!;
    return new LineIndex(text, starts, { from: previous.serial, unmovedBelow, movedFrom, delta: change.delta, lineDelta: starts.length - old.length });
  }

  /**
   * Where a position converted with another index (`serial`), at `was` for the offset `then`, stands
   * now that the offset is `now`; undefined when the edit between the two may have moved it within its
   * line, and toLsp must convert it. The editor's thousands of diagnostics are then carried over a
   * keystroke, not converted again.
   */
  carryLsp(serial: number, then: number, now: number, was: Position): Position | undefined {
    if (serial === this.serial) return then === now ? was : undefined;
    const shift = this.shift;
    if (shift?.from !== serial) return undefined;
    if (now === then && then < shift.unmovedBelow) return was;
    if (now !== then + shift.delta || then < shift.movedFrom) return undefined;
    return shift.lineDelta === 0 ? was : { line: was.line + shift.lineDelta, character: was.character };
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 0-based line containing the offset. */
  lineOf(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))]!;
  }

  /** End of the line's content, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    let end = this.lineStarts[line + 1]!;
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** The line break that ends `line`, or '' for the last line. */
  lineBreak(line: number): string {
    return this.text.slice(this.lineEnd(line), line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length);
  }

  /**
   * 1-based line and code-point column. A leading BOM is not a column: editors
   * strip it, so the CLI and the editor agree on line 1.
   */
  toPoint(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    const start = line === 0 && this.text.charCodeAt(0) === 0xfeff && clamped > 0 ? 1 : this.lineStarts[line]!;
    // Most lines hold no astral character: then a column is a plain count, and a long line with many
    // findings costs nothing per finding.
    if (!this.hasAstral(line)) return { line: line + 1, column: clamped - start + 1 };
    let column = 1;
    for (let i = start; i < clamped; i++) {
      const c = this.text.charCodeAt(i);
      // A high surrogate followed by a low one is one code point.
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < clamped) {
        const d = this.text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
      column++;
    }
    return { line: line + 1, column };
  }

  private astral?: Int8Array;

  /** Whether a line holds a surrogate (a character outside the BMP), computed once per line. */
  private hasAstral(line: number): boolean {
    this.astral ??= new Int8Array(this.lineStarts.length);
    const known = this.astral[line]!;
    if (known !== 0) return known > 0;
    const end = this.lineEnd(line);
    let found = false;
    for (let i = this.lineStarts[line]!; i < end; i++) {
      const c = this.text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdfff) {
        found = true;
        break;
      }
    }
    this.astral[line] = found ? 1 : -1;
    return found;
  }

  /** The offset of a 1-based line and code-point column (the inverse of toPoint). */
  fromPoint(line: number, column: number): number {
    if (line > this.lineStarts.length) return this.text.length;
    let offset = this.lineStart(line - 1);
    if (line === 1 && this.text.charCodeAt(0) === 0xfeff) offset++;
    const end = this.lineEnd(line - 1);
    for (let c = 1; c < column && offset < end; c++) offset += (this.text.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1;
    return Math.min(offset, end);
  }

  toPlace(span: Span): Place {
    const a = this.toPoint(span.start);
    const b = this.toPoint(span.end);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  /** 0-based line and UTF-16 character, as LSP counts by default. */
  toLsp(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    // An offset inside a line break (between \r and \n) is the end of the line, not past it.
    return { line, character: Math.min(clamped, this.lineEnd(line)) - this.lineStarts[line]! };
  }

  fromLsp(position: { line: number; character: number }): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStart(position.line);
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }
}

/** Appends the start of every line that a line break in text[from, to) begins (a \r\n counts once). */
function scanLineStarts(text: string, from: number, to: number, starts: number[]): void {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
}
