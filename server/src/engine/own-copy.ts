// V8 makes a slice of a long string a view of it, which keeps the whole string alive. The editor
// remembers, between keystrokes, what it read from pieces of a document (a chunk's parse, a
// line's outline reading); a piece sliced from the text would keep that keystroke's whole text
// alive, and a memo of them one text per keystroke: 0.8 MB each in a 1 MB document.

/**
 * A string of its own with `s`'s text. Slicing a concatenation first copies it into one flat
 * string, of which the slice is then a view: the copy, not `s`'s parent.
 */
export function ownCopy(s: string): string {
  return ` ${s}`.slice(1);
}
