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

/** `used`: asked for since the eviction sweep last passed it (a second chance, CLOCK-style, instead of moving it at every hit). */
type Memo = Map<string, { value: unknown; bytes: number; used: boolean }>;

export class EditorCache {
  readonly chunks = new ChunkCache();
  /** What each line says to the outline, by its text. */
  readonly outline = new OutlineMemo();
  /** One memo per namespace, so a key can be a block's own text: an unchanged block's string is hashed once, not at every keystroke. */
  private readonly memos = new Map<string, Memo>();
  private bytes = 0;

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  /** Bytes the memo holds, by the estimate it evicts by. */
  get size(): number {
    return this.bytes;
  }

  /**
   * The value for `key` in `namespace`, computed once (`compute` is given the key, so that a caller
   * asking for every block need not make a closure for each). When the memo is full, entries not asked for
   * since the last sweep go first, oldest first: a hit only sets a flag, because moving every hit
   * to the end costs a keystroke in a long document thousands of map deletions.
   */
  remember<T>(key: string, compute: (key: string) => T, namespace = ''): T {
    let memo = this.memos.get(namespace);
    if (!memo) this.memos.set(namespace, (memo = new Map()));
    const hit = memo.get(key);
    if (hit) {
      hit.used = true;
      return hit.value as T;
    }
    const value = compute(key);
    const bytes = (key.length + namespace.length) * 2 + VALUE_BYTES + (Array.isArray(value) ? value.length * ITEM_BYTES : 0);
    // A value larger than the whole budget is not kept: it would only push everything else out.
    if (bytes > this.maxBytes) return value;
    memo.set(key, { value, bytes, used: false });
    this.bytes += bytes;
    if (this.bytes > this.maxBytes) this.evict(memo);
    return value;
  }

  /** The namespace written to gives up its entries first, then the others; one used since the last sweep gets a second chance. */
  private evict(first: Memo): void {
    for (const m of new Set([first, ...this.memos.values()])) {
      for (let pass = 0; pass < 2; pass++) {
        for (const [key, entry] of m) {
          if (this.bytes <= this.maxBytes) return;
          if (entry.used && pass === 0) {
            entry.used = false;
            continue;
          }
          m.delete(key);
          this.bytes -= entry.bytes;
        }
      }
    }
  }
}
