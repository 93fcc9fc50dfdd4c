// The open documents' text, as the client's edits make it: what
// vscode-languageserver-textdocument's TextDocument does, on the line index the
// analysis reads (engine/position.ts). A TextDocument works out its own line
// offsets over the whole text at the first edit (4 ms cold at 1 MB) and moves
// them at each one after; the analysis then worked out the same line starts
// again. Here the document keeps one LineIndex, edited by each change
// (LineIndex.edited), and hands it to the analysis, which reads the same
// lines. Each edit also tells text-change.ts what it changed, so nobody
// compares the two texts to find out.
// test/unit/editor-document.test.ts checks every method against TextDocument.

import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver/node';
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../engine/position';
import { changeByEdit } from '../engine/text-change';

export class EditorDocument implements TextDocument {
  private index: LineIndex | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    private text: string,
  ) {}

  /** The line index of the text as it stands: made at the first use, then edited with the text. */
  get lines(): LineIndex {
    return (this.index ??= new LineIndex(this.text));
  }

  get lineCount(): number {
    return this.lines.lineCount;
  }

  getText(range?: Range): string {
    return range ? this.text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : this.text;
  }

  positionAt(offset: number): Position {
    return this.lines.toLsp(offset);
  }

  offsetAt(position: Position): number {
    return this.lines.fromLsp(position);
  }

  getLineRange(line: number): Range {
    const lines = this.lines;
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const at = Math.min(line, lines.lineCount - 1);
    // Past the last line: the last line, to the end of the text, as TextDocument answers.
    const end = line >= lines.lineCount ? this.text.length : lines.lineEnd(at);
    return { start: { line: at, character: 0 }, end: { line: at, character: end - lines.lineStart(at) } };
  }

  getEOLCharacters(line: number): string {
    return line < 0 || line >= this.lines.lineCount ? '' : this.lines.lineBreak(line);
  }

  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change && change.range) {
        const lines = this.lines;
        const [from, to] = [this.offsetAt(change.range.start), this.offsetAt(change.range.end)].sort((a, b) => a - b) as [number, number];
        const before = this.text;
        this.text = before.slice(0, from) + change.text + before.slice(to);
        this.index = LineIndex.edited(lines, this.text, changeByEdit(before, this.text, from, to));
      } else {
        this.text = change.text;
        this.index = undefined;
      }
    }
    this.version = version;
  }
}

/** TextDocuments' configuration for EditorDocument. */
export const EDITOR_DOCUMENTS: TextDocumentsConfiguration<EditorDocument> = {
  create: (uri, languageId, version, content) => new EditorDocument(uri, languageId, version, content),
  update: (document, changes, version) => {
    document.update(changes, version);
    return document;
  },
};
