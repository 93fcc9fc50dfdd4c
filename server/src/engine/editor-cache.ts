// What the editor keeps between keystrokes: parsed chunks and SLA extractions,
// each keyed by the text they came from, so an edit pays only for the part of
// the document it touched. The CLI analyses each document once and uses none.

import { ChunkCache } from './chunks';

export class EditorCache {
  readonly chunks = new ChunkCache();
  private readonly memo = new Map<string, unknown>();

  constructor(private readonly maxEntries = 50_000) {}

  /** The value for `key`, computed once; the oldest entries go when the memo is full. */
  remember<T>(key: string, compute: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const value = compute();
    this.memo.set(key, value);
    if (this.memo.size > this.maxEntries) this.memo.delete(this.memo.keys().next().value as string);
    return value;
  }
}
