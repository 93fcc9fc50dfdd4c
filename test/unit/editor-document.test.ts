// The server's open documents (features/editor-document.ts) against
// vscode-languageserver-textdocument's TextDocument, which they replace: the same
// edits, in any order and at any position (reversed, past the end, before the
// start, splitting a \r\n), must leave the same text, and every method must answer
// as a TextDocument of that text does. The line index they hand the analysis must be the text's, and the change
// each edit remembers the one changeBetween finds.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { LineIndex } from '../../server/src/engine/position';
import { changeBetween, changeByEdit, forgetLastChange } from '../../server/src/engine/text-change';
import { EDITOR_DOCUMENTS } from '../../server/src/features/editor-document';

const piece = fc.constantFrom('a', '中', '\n', '\r', '\r\n', '\n\n', '😀', ' ');
const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));
const position = fc.record({ line: fc.integer({ min: -1, max: 12 }), character: fc.integer({ min: -1, max: 12 }) });
const change: fc.Arbitrary<TextDocumentContentChangeEvent> = fc.oneof(
  { weight: 9, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text }) },
  { weight: 1, arbitrary: fc.record({ text }) },
);

function same(ours: ReturnType<typeof EDITOR_DOCUMENTS.create>, theirs: TextDocument): void {
  expect(ours.getText()).toBe(theirs.getText());
  expect(ours.version).toBe(theirs.version);
  expect(ours.lineCount).toBe(theirs.lineCount);
  expect(ours.lines.lineStarts).toEqual(new LineIndex(theirs.getText()).lineStarts);
  const length = theirs.getText().length;
  for (let offset = -1; offset <= length + 1; offset++) expect(ours.positionAt(offset)).toEqual(theirs.positionAt(offset));
  for (let line = -1; line <= theirs.lineCount + 1; line++) {
    expect(ours.getLineRange(line)).toEqual(theirs.getLineRange(line));
    expect(ours.getEOLCharacters(line)).toBe(theirs.getEOLCharacters(line));
    for (let character = -1; character <= 6; character++) {
      const at = { line, character };
      expect(ours.offsetAt(at)).toBe(theirs.offsetAt(at));
      expect(ours.getText({ start: at, end: { line: line + 1, character: 2 } })).toBe(theirs.getText({ start: at, end: { line: line + 1, character: 2 } }));
    }
  }
}

describe('EditorDocument', () => {
  it('answers as TextDocument after any edits', () => {
    fc.assert(
      fc.property(text, fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 6 }), (initial, versions) => {
        const ours = EDITOR_DOCUMENTS.create('file:///a.md', 'markdown', 1, initial);
        same(ours, TextDocument.create('file:///a.md', 'markdown', 1, initial));
        let expected = initial;
        versions.forEach((changes, i) => {
          EDITOR_DOCUMENTS.update(ours, changes, i + 2);
          // One change at a time, each to a TextDocument made afresh: its own line offsets go wrong after
          // an edit at a line past the end, and ours must not copy that.
          for (const c of changes) {
            const theirs = TextDocument.create('file:///a.md', 'markdown', 1, expected);
            TextDocument.update(theirs, [c], 1);
            expected = theirs.getText();
          }
          same(ours, TextDocument.create('file:///a.md', 'markdown', i + 2, expected));
        });
      }),
      { numRuns: 400 },
    );
  });

  it('remembers the change an edit made as the one changeBetween finds', () => {
    fc.assert(
      fc.property(text, text, fc.nat(), fc.nat(5), (before, inserted, at, removed) => {
        const from = at % (before.length + 1);
        const to = Math.min(before.length, from + removed);
        const after = before.slice(0, from) + inserted + before.slice(to);
        const edited = changeByEdit(before, after, from, to);
        // The edit's change is what changeBetween gives now, and what it finds comparing the two texts afresh.
        expect(changeBetween(before, after)).toBe(edited);
        forgetLastChange();
        const found = changeBetween(before, after);
        expect([edited.start, edited.newEnd, edited.delta]).toEqual([found.start, found.newEnd, found.delta]);
        for (let offset = 0; offset <= before.length; offset++) expect(edited.map(offset)).toBe(found.map(offset));
      }),
      { numRuns: 3000 },
    );
  });
});
