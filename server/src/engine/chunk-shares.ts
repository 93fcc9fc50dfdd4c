// What a chunked parse tells of itself (chunks.ts parseInChunks): the chunks it
// was made of, so that what depends only on their blocks can be kept with each
// chunk's parse and worked out again for the chunk a keystroke is in alone
// (byChunk); and which of its blocks are the last parse's, moved by the edit
// (blocksMovedFrom).

import type { ParsedMarkdown, ProseBlock } from './parsed-markdown';

/** One chunk's part of a document's parse: the chunk's own parse, what of it was kept (`until`, appendParsed), and the blocks it added, in place. */
export interface ChunkShare {
  parsed: ParsedMarkdown;
  until: number;
  prose: readonly ProseBlock[];
}

const sharesOf = new WeakMap<ParsedMarkdown, readonly ChunkShare[]>();

/** Records the chunks a parse was made of (parseInChunks). */
export function keepShares(md: ParsedMarkdown, shares: readonly ChunkShare[]): void {
  sharesOf.set(md, shares);
}

/** What `compute` gave for a chunk's blocks, kept with the chunk's parse (byChunk). */
export type ChunkMemo<T> = WeakMap<ParsedMarkdown, { until: number; value: T }>;

/**
 * What `compute` gives for each chunk's blocks, in document order. Kept in `memo` with the
 * chunk's own parse, which a keystroke leaves as it was for every chunk but the one it is in:
 * what depends only on the blocks' text, kind, list, quote and cell (not on where they stand) is
 * worked out again for that chunk alone. The value must say nothing of where the blocks stand:
 * read positions from the share's blocks. A parse not made in chunks is one share, not kept.
 */
export function byChunk<T>(md: ParsedMarkdown, memo: ChunkMemo<T>, compute: (prose: readonly ProseBlock[]) => T): { share: ChunkShare; value: T }[] {
  const shares = sharesOf.get(md);
  if (!shares) return [{ share: { parsed: md, until: Infinity, prose: md.prose }, value: compute(md.prose) }];
  const out: { share: ChunkShare; value: T }[] = [];
  for (let i = 0; i < shares.length; i++) {
    const share = shares[i]!;
    let kept = memo.get(share.parsed);
    if (!kept || kept.until !== share.until) memo.set(share.parsed, (kept = { until: share.until, value: compute(share.prose) }));
    out.push({ share, value: kept.value });
  }
  return out;
}

/**
 * A keystroke's parse, from the first block of the chunks after the edit that the last parse had
 * (engine moved them, untouched): its blocks from `from` on are the last parse's from `lastFrom`
 * on, each the same block moved by the edit, with the same text, kind, list, quote and cell.
 */
export interface MovedBlocks {
  last: ParsedMarkdown;
  from: number;
  lastFrom: number;
}

const movedBlocks = new WeakMap<ParsedMarkdown, MovedBlocks>();

/** Records what a keystroke's parse kept of the last one (parseInChunks); the last one's record goes, or each parse would hold the one before. */
export function keepMovedBlocks(md: ParsedMarkdown, last: ParsedMarkdown, from: number | undefined): void {
  movedBlocks.delete(last);
  if (from !== undefined) movedBlocks.set(md, { last, from, lastFrom: last.prose.length - (md.prose.length - from) });
}

/** What parseInChunks told of this parse's blocks after the edit; undefined when none are the last parse's. */
export function blocksMovedFrom(md: ParsedMarkdown): MovedBlocks | undefined {
  return movedBlocks.get(md);
}
