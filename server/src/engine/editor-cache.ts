// What the editor keeps between keystrokes: parsed chunks and SLA extractions,
// each keyed by the text they came from, so an edit pays only for the part of
// the document it touched. The CLI analyses each document once and uses none.
//
// Both are bounded by size, not by count: a key is the text of a paragraph,
// and typing in a 1 MB paragraph makes a new 1 MB key at every keystroke.

import { ChunkCache } from './chunks';
import { OutlineMemo } from './outline';

/** What one remembered value is taken to cost beyond its key: extractions are small arrays of small records. */
const VALUE_BYTES = 256;
const ITEM_BYTES = 1024;

export class EditorCache {
  readonly chunks = new ChunkCache();
  /** What each line says to the outline, by its text. */
  readonly outline = new OutlineMemo();
  private readonly memo = new Map<string, { value: unknown; bytes: number }>();
  private bytes = 0;

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  /** Bytes the memo holds, by the estimate it evicts by. */
  get size(): number {
    return this.bytes;
  }

  /** The value for `key`, computed once; the least recently used entries go when the memo is full. */
  remember<T>(key: string, compute: () => T): T {
    const hit = this.memo.get(key);
    if (hit) {
      this.memo.delete(key);
      this.memo.set(key, hit);
      return hit.value as T;
    }
    const value = compute();
    const bytes = key.length * 2 + VALUE_BYTES + (Array.isArray(value) ? value.length * ITEM_BYTES : 0);
    // A value larger than the whole budget is not kept: it would only push everything else out.
    if (bytes > this.maxBytes) return value;
    this.memo.set(key, { value, bytes });
    this.bytes += bytes;
    for (const [oldKey, old] of this.memo) {
      if (this.bytes <= this.maxBytes) break;
      this.memo.delete(oldKey);
      this.bytes -= old.bytes;
    }
    return value;
  }
}
