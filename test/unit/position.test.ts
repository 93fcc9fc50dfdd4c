import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../server/src/engine/position';
import { changeBetween } from '../../server/src/engine/text-change';

describe('LineIndex', () => {
  it('counts code points for CLI columns and UTF-16 units for LSP', () => {
    const text = 'a😀b\n中文c';
    const idx = new LineIndex(text);
    const b = text.indexOf('b');
    expect(idx.toPoint(b)).toEqual({ line: 1, column: 3 });
    expect(idx.toLsp(b)).toEqual({ line: 0, character: 3 });
    const c = text.indexOf('c');
    expect(idx.toPoint(c)).toEqual({ line: 2, column: 3 });
    expect(idx.fromLsp({ line: 1, character: 2 })).toBe(c);
  });

  it('treats \\n, \\r\\n and a lone \\r as line breaks', () => {
    const idx = new LineIndex('a\r\nb\rc\nd');
    expect(idx.lineCount).toBe(4);
    expect([0, 1, 2, 3].map((l) => idx.lineText(l))).toEqual(['a', 'b', 'c', 'd']);
    expect(idx.lineBreak(0)).toBe('\r\n');
    expect(idx.lineBreak(1)).toBe('\r');
  });

  it('clamps offsets outside the text', () => {
    const idx = new LineIndex('ab');
    expect(idx.toPoint(99)).toEqual({ line: 1, column: 3 });
    expect(idx.fromLsp({ line: 5, character: 0 })).toBe(2);
  });
});

describe('titles and line breaks', () => {
  it('a plain title line ending in CRLF or a lone CR stays on its line', async () => {
    const { createDocument } = await import('../../server/src/policy/document');
    for (const text of ['服务承诺书\r\n一、总则\n', '服务承诺书\r（一）受理范围', '服务承诺书\n一、总则']) {
      const doc = createDocument('x.md', text);
      expect(doc.title?.text).toBe('服务承诺书');
      expect(text.slice(doc.title!.span.start, doc.title!.span.end)).toBe('服务承诺书');
    }
  });

  it('toLsp never points inside a line break', () => {
    const idx = new LineIndex('ab\r\ncd');
    expect(idx.toLsp(3)).toEqual({ line: 0, character: 2 });
  });

  // The editor's index after a keystroke keeps the starts before the edit and moves those after it:
  // it must be the index of the new text, whatever the edit did to \r, \n and \r\n around it.
  it('gives, after an edit, the index of the edited text', () => {
    const piece = fc.constantFrom('a', '中', '\n', '\r', '\r\n', '\n\n', '😀');
    const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, fc.nat(), fc.nat(), (before, inserted, at, removed) => {
        const start = at % (before.length + 1);
        const after = before.slice(0, start) + inserted + before.slice(Math.min(before.length, start + (removed % 4)));
        const edited = LineIndex.edited(new LineIndex(before), after, changeBetween(before, after));
        expect(edited.lineStarts).toEqual(new LineIndex(after).lineStarts);
      }),
      { numRuns: 3000 },
    );
  });

  // The editor carries a diagnostic's range over a keystroke when the edit cannot have moved it
  // within its line: a carried position must be the one toLsp gives, whatever the line breaks did.
  it('carries a position over an edit only where toLsp would give the same', () => {
    const piece = fc.constantFrom('a', '中', '\n', '\r', '\r\n', '\n\n', '😀');
    const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
    let carried = 0;
    fc.assert(
      fc.property(text, text, fc.nat(), fc.nat(), fc.nat(), (before, inserted, at, removed, pick) => {
        const start = at % (before.length + 1);
        const after = before.slice(0, start) + inserted + before.slice(Math.min(before.length, start + (removed % 4)));
        const change = changeBetween(before, after);
        const previous = new LineIndex(before);
        const edited = LineIndex.edited(previous, after, change);
        for (let then = 0; then <= before.length; then++) {
          // Where the offset went, and an offset that is not where it went (a finding that moved in the text).
          for (const now of [change.map(then), (then + pick) % (after.length + 1)]) {
            if (now === undefined) continue;
            const position = edited.carryLsp(previous.serial, then, now, previous.toLsp(then));
            if (position === undefined) continue;
            carried++;
            expect(position).toEqual(edited.toLsp(now));
          }
        }
        // An index made otherwise carries nothing from it.
        expect(new LineIndex(after).carryLsp(previous.serial, 0, 0, { line: 0, character: 0 })).toBeUndefined();
      }),
      { numRuns: 3000 },
    );
    expect(carried).toBeGreaterThan(10_000);
  });

  it('carries what stands on lines before and after the edited one', () => {
    const before = 'one\ntwo\nthree\nfour';
    const after = before.replace('two', 't\nwo');
    const previous = new LineIndex(before);
    const edited = LineIndex.edited(previous, after, changeBetween(before, after));
    const carry = (word: string) => edited.carryLsp(previous.serial, before.indexOf(word), after.indexOf(word), previous.toLsp(before.indexOf(word)));
    expect(carry('one')).toEqual({ line: 0, character: 0 });
    expect(carry('four')).toEqual({ line: 4, character: 0 });
    // The edited line's own positions are worked out again.
    expect(edited.carryLsp(previous.serial, 4, 4, previous.toLsp(4))).toBeUndefined();
  });
});
