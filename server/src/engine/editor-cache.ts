// What the editor keeps between keystrokes: parsed chunks (and, with each
// chunk's parse, what the rules read of its blocks: chunk-shares.ts byChunk) and each
// line's outline reading, keyed by the text they came from, so an edit pays
// only for the part of the document it touched. The policy layer keeps its own
// memo with it (policy/commitment-memo.ts). The CLI analyses each document once
// and uses none.
//
// Each is bounded by size, not by count: a key is the text of a chunk or a
// line, and typing in a 1 MB paragraph makes a new 1 MB key at every keystroke.

import { ChunkCache } from './chunks';
import { OutlineMemo } from './outline';

export class EditorCache {
  readonly chunks = new ChunkCache();
  /** What each line says to the outline, by its text. */
  readonly outline = new OutlineMemo();
}
