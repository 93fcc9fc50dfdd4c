// How the outline's flat list of entries folds into a tree. Headings nest by their depth (and
// 第三章 holds 第一节 whatever its # depth). Plain numbered lines nest by the order their styles
// appear, as Word's multilevel lists do: a style seen before closes back to that level; a new style
// opens a child, unless it only goes on counting the entry right before it (3) then (4)).

import type { ListItemInfo } from './parsed-markdown';
import { styleKey, type NumberMarker } from './numbering';

/** What nesting reads and writes of an outline entry (outline.ts OutlineEntry). */
export interface NestedEntry {
  index: number;
  marker?: NumberMarker;
  headingDepth?: number;
  listItem?: ListItemInfo;
  depth: number;
  parent: number;
  children: number[];
}

const STRUCTURE_RANK: Record<string, number> = { part: 1, chapter: 2, section: 3, article: 4 };

/** 编 > 章 > 节 > 条 for headings that carry such a number; otherwise no rank (Infinity never nests by it). */
function structuralRank(e: NestedEntry): number {
  return (e.marker && STRUCTURE_RANK[e.marker.style]) ?? Infinity;
}

/**
 * Whether two numbered entries nest as siblings: the same numbering style and, for Markdown list
 * items, lists of the same depth (1. inside 1. is a new level). Compared, not joined into a key:
 * nesting a long outline compared thousands.
 */
function sameNesting(a: NestedEntry, b: NestedEntry): boolean {
  return styleKey(a.marker!) === styleKey(b.marker!) && listLevel(a) === listLevel(b);
}

function listLevel(e: NestedEntry): number {
  return e.listItem ? e.listItem.depth : 0;
}

/**
 * Whether `b`, with no sibling of its own kind open, goes on counting from the entry right before it
 * although written another way: "2.转交" then "3. 回复" (a space after the dot makes Markdown read a
 * list), "3)" then "(4)". "1.服务渠道" then "1. 电话" starts a list inside it, and （2） after 1）2） goes
 * back to its own level.
 */
function continuesRun(a: NestedEntry, b: NestedEntry): boolean {
  if (!a.marker || b.marker!.value !== a.marker.value + 1) return false;
  const [sa, sb] = [a.marker.style, b.marker!.style];
  if (sa === sb) return styleKey(a.marker) === styleKey(b.marker!) && listLevel(a) + listLevel(b) === 1;
  return listLevel(a) === listLevel(b) && BRACKETS.has(sa) && BRACKETS.has(sb);
}

const BRACKETS = new Set(['arabic-paren', 'arabic-close']);

/**
 * Folds the flat list into a tree; see the file comment for the rule. From `from` on, with
 * `stack` the entries open there (the one before and its ancestors, outermost first).
 */
export function nest(entries: NestedEntry[], from = 0, stack: NestedEntry[] = []): void {
  for (let i = from; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.headingDepth !== undefined) {
      while (stack.length) {
        const top = stack[stack.length - 1]!;
        if (top.headingDepth !== undefined && top.headingDepth < e.headingDepth) break;
        // ### 第三章 then ## 第一节: the numbering says which is inside which, whatever the # depth.
        const [outer, inner] = [structuralRank(top), structuralRank(e)];
        if (top.headingDepth !== undefined && inner !== Infinity && outer < inner) break;
        stack.pop();
      }
    } else {
      let found = -1;
      for (let i = stack.length - 1; i >= 0; i--) {
        const s = stack[i]!;
        // A Markdown heading ends the search, unless it carries the same numbering (## 三、 then a plain 四、).
        if (s.headingDepth !== undefined) {
          if (s.marker && !e.listItem && styleKey(s.marker) === styleKey(e.marker!)) found = i;
          break;
        }
        if (sameNesting(s, e)) {
          found = i;
          break;
        }
      }
      const top = stack[stack.length - 1];
      if (found < 0 && top && top.headingDepth === undefined && continuesRun(top, e)) found = stack.length - 1;
      if (found >= 0) stack.length = found;
    }
    const parent = stack[stack.length - 1];
    e.parent = parent ? parent.index : -1;
    e.depth = stack.length + 1;
    parent?.children.push(e.index);
    stack.push(e);
  }
}

