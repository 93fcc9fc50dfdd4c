// Where a new version of a text differs from the last one: a common prefix, a
// changed stretch, a common suffix. What the editor carries over from the last
// analysis of a text is moved by it.

export interface Change {
  /** Where the changed stretch starts, in both texts (Infinity when nothing changed). */
  start: number;
  /** Where it ends in the new text. */
  newEnd: number;
  /** How much longer the new text is. */
  delta: number;
  /** The offset in the new text of what stood at `offset` in the old one; undefined at or inside the changed stretch. */
  map(offset: number): number | undefined;
}

const SAME: Change = { start: Infinity, newEnd: Infinity, delta: 0, map: (offset) => offset };

/** The last change computed: the outline's findings and the commitments ask for the same one at each keystroke. */
let last: { before: string; after: string; change: Change } | undefined;

export function changeBetween(before: string, after: string): Change {
  if (before === after) return SAME;
  if (last && last.before === before && last.after === after) return last.change;
  const start = commonPrefix(before, after);
  const suffix = commonSuffix(before, after, Math.min(before.length, after.length) - start);
  const oldEnd = before.length - suffix;
  const change = changeOf(start, oldEnd, after.length - before.length);
  last = { before, after, change };
  return change;
}

/**
 * The change between `before` and `after`, which is `before` with [from, to) replaced (an editor's
 * edit): the same change changeBetween gives, read around the edit only, and remembered as the
 * last one, so that whoever asks changeBetween for these two texts next gets it at once.
 */
export function changeByEdit(before: string, after: string, from: number, to: number): Change {
  if (before === after) return SAME;
  // The edit's own text may begin or end as what it replaced did: the change is what differs.
  let start = from;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  const limit = shorter - start;
  let suffix = Math.min(before.length - to, limit);
  while (suffix < limit && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const change = changeOf(start, before.length - suffix, after.length - before.length);
  last = { before, after, change };
  return change;
}

function changeOf(start: number, oldEnd: number, delta: number): Change {
  // The stretch's own ends count as inside it: at an insertion point, what was there may have moved or not.
  return { start, newEnd: oldEnd + delta, delta, map: (offset) => (offset < start ? offset : offset > oldEnd ? offset + delta : undefined) };
}

/** Drops the last change (and the two texts it was computed between): the editor closed a document. */
export function forgetLastChange(): void {
  last = undefined;
}

/** Block sizes compared at once: most of a long text is unchanged, and comparing strings is far faster than a loop over characters. */
const BLOCKS = [65536, 4096, 256];

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  for (const size of BLOCKS) while (i + size <= n && a.slice(i, i + size) === b.slice(i, i + size)) i += size;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The length of the common end of a and b, at most `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
  let k = 0;
  for (const size of BLOCKS) while (k + size <= limit && a.slice(a.length - k - size, a.length - k) === b.slice(b.length - k - size, b.length - k)) k += size;
  while (k < limit && a.charCodeAt(a.length - 1 - k) === b.charCodeAt(b.length - 1 - k)) k++;
  return k;
}
