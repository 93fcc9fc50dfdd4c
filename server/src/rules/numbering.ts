import { defineRule } from './contract';
import type { PolicyDocument } from '../engine/document';
import type { OutlineEntry } from '../engine/outline';
import { relatedIn } from '../engine/related';
import type { RuleExamples, TextEdit } from '../engine/types';
import { describeMarker, formatValue, styleKey } from '../engine/numbering';

/** Chapters and articles count through the whole document (第一章 … 第九条 runs on across chapters). */
const DOCUMENT_WIDE = new Set(['part', 'chapter', 'section', 'article']);
/** Renumbering these would break cross-references such as 依照第十条, so the fix is offered, not applied. */
const REFERENCED = DOCUMENT_WIDE;
const MAX_FIXES_PER_GROUP = 10;

/** The scope of numbers that count through the whole document, among the parents' indexes. */
const WHOLE_DOCUMENT = -2;

function siblingGroups(doc: PolicyDocument): OutlineEntry[][] {
  // By scope, then numbering style: no key string built for each of a long document's thousands of entries.
  const byScope = new Map<number, Map<string, OutlineEntry[]>>();
  const groups: OutlineEntry[][] = [];
  for (const e of doc.outline.entries) {
    if (!e.marker) continue;
    const style = styleKey(e.marker);
    // 第X节 restarts in each chapter; articles and chapters never restart.
    const scope = DOCUMENT_WIDE.has(e.marker.style) && e.marker.style !== 'section' ? WHOLE_DOCUMENT : e.parent;
    let byStyle = byScope.get(scope);
    if (!byStyle) byScope.set(scope, (byStyle = new Map()));
    const list = byStyle.get(style);
    if (list) list.push(e);
    else {
      const group = [e];
      byStyle.set(style, group);
      groups.push(group);
    }
  }
  return groups;
}

/**
 * Markdown's lazy ordered lists (1. 1. 1.) are numbered by the renderer, not the writer. Only a
 * Markdown list's own numbers are: 第一条 or 一、 written twice is what the reader sees, so a repeat.
 */
function isLazyList(group: OutlineEntry[]): boolean {
  return group.length > 1 && group.every((e) => e.listItem !== undefined && e.marker!.style === 'decimal' && e.marker!.value === 1);
}

const FENCE = /^\s*(?:```|~~~)/;

/** Notes a stretch of text read besides the outline (RuleContext readText). */
type TextRead = (start: number, end: number) => void;

/**
 * "1. … ⏎ a table ⏎ 1. 2. 3.": a Markdown list of one item cut off by a table or a code block, which
 * the writer went on numbering from 1. The reader sees clause 1 twice; it is no new list, as one
 * opened by prose (下列材料：) is.
 */
function brokenByBlock(doc: PolicyDocument, previous: OutlineEntry, next: OutlineEntry, read: TextRead): boolean {
  if (!previous.listItem || !next.listItem || previous.marker!.style !== 'decimal' || previous.marker!.value !== 1) return false;
  if (next.line - previous.line > 60) return false;
  read(doc.lines.lineStart(previous.line), doc.lines.lineStart(next.line));
  // The item introduces the table ("…as follows:"): a note under a table that starts a list of its own does not.
  if (!/[:：]$/.test(doc.lines.lineText(previous.line).trimEnd())) return false;
  let block = false;
  let fenced = false;
  for (let line = previous.line + 1; line < next.line; line++) {
    const text = doc.lines.lineText(line);
    if (FENCE.test(text)) fenced = !fenced;
    else if (fenced || text.trim() === '' || /^\s{2}/.test(text)) continue;
    // Anything but a table row is prose that may open a list of its own.
    else if (!text.includes('|')) return false;
    block = true;
  }
  return block;
}

/** A lone "12）所列…": a wrapped line of prose that starts with a number and a closing bracket, not a list. */
function wrappedLine(group: OutlineEntry[]): boolean {
  return group.length === 1 && group[0]!.marker!.style === 'arabic-close' && group[0]!.marker!.value > 1;
}

/** "1) 2) 3) (4)": a run that changes brackets half-way goes on counting; (4) starts nothing. */
function continuesOtherBrackets(doc: PolicyDocument, e: OutlineEntry): boolean {
  const style = e.marker!.style;
  if (style !== 'arabic-paren' && style !== 'arabic-close') return false;
  for (let i = e.index - 1; i >= 0; i--) {
    const before = doc.outline.entries[i]!;
    if (before.parent !== e.parent) continue;
    const m = before.marker;
    return m !== undefined && m.style !== style && (m.style === 'arabic-paren' || m.style === 'arabic-close') && m.value === e.marker!.value - 1;
  }
  return false;
}

/** Where a descendant's copy of its ancestor's number sits: the text to replace when the ancestor is renumbered. */
interface DescendantSlot {
  start: number;
  end: number;
}

/**
 * 四 → 三 must take 4.1–4.4 to 3.1–3.4 with it: the decimal sub-clauses under an entry whose number
 * changes carry that number in their own. Where those copies are does not depend on the new
 * number, so they are found once per entry (`slots`) however many fixes renumber it.
 */
function descendantEdits(doc: PolicyDocument, e: OutlineEntry, value: number, slots: Map<OutlineEntry, DescendantSlot[]>): TextEdit[] {
  const m = e.marker!;
  if (m.value === value) return [];
  let found = slots.get(e);
  if (!found) slots.set(e, (found = descendantSlots(doc, e)));
  const text = String(value);
  return found.map((slot) => ({ start: slot.start, end: slot.end, text }));
}

function descendantSlots(doc: PolicyDocument, e: OutlineEntry): DescendantSlot[] {
  const m = e.marker!;
  // A decimal entry (4.) is component depth-1 of its sub-clauses (4.1); a chapter (四、) their first.
  const at = m.style === 'decimal' ? m.depth - 1 : 0;
  const slots: DescendantSlot[] = [];
  const visit = (index: number) => {
    const c = doc.outline.entries[index]!;
    const cm = c.marker;
    if (cm?.style === 'decimal' && cm.depth > at + 1 && cm.path[at] === m.value) {
      const raw = doc.text.slice(c.markerOffset, c.markerOffset + cm.titleStart);
      const parts = /^[\d０-９]+(?:[.．][\d０-９]+)*/.exec(raw)?.[0].split(/([.．])/) ?? [];
      // parts alternates numbers and separators: the component `at` is parts[2 * at].
      let offset = c.markerOffset;
      for (let k = 0; k < 2 * at; k++) offset += parts[k]!.length;
      const old = parts[2 * at];
      if (old !== undefined) slots.push({ start: offset, end: offset + old.length });
    }
    for (const child of c.children) visit(child);
  };
  for (const child of e.children) visit(child);
  return slots;
}

/** Whether the first `length` numbers of `path` are `prefix`. */
function startsWith(path: readonly number[], prefix: readonly number[], length: number): boolean {
  if (prefix.length !== length) return false;
  for (let i = 0; i < length; i++) if (path[i] !== prefix[i]) return false;
  return true;
}

/** Punctuation that closes a clause: a lost item ends as its siblings do (…的；). */
const CLAUSE_END = /[；;。.，,：:]$/;
/** A line that is Markdown structure, not a bare clause. */
const BLOCK_MARKER = /^(?:[#>|]|[-*+]\s|\d+[.)]\s)/;
const MAX_BARE_CLAUSE = 300;
/** A note or a reference to the clause before (注：, 依照前款规定, "Note:"), not an item that lost its number. */
const NOT_AN_ITEM = /^(?:注|备注|说明|附注|提示|依照|按照|根据|前款|前项|本款|本项|上述|以上)|^(?:note|see|nb)\b/i;

/**
 * A flattened page can lose one item's number (（一）…的； then a bare …的； then （三）). The line of
 * that bare clause, when it is the only thing between the two numbers, set apart by blank lines, and
 * ends as one of them does: there the number is missing, and renumbering （三） would be wrong.
 */
function unnumberedBetween(doc: PolicyDocument, previous: OutlineEntry, next: OutlineEntry, read: TextRead): number | undefined {
  if (previous.source !== 'numbered' || next.source !== 'numbered' || previous.listItem || next.listItem) return undefined;
  // Articles and chapters have paragraphs of their own (本办法所称…); only a list's items stand alone.
  if (DOCUMENT_WIDE.has(previous.marker!.style)) return undefined;
  if (next.line - previous.line > 8) return undefined;
  // The two entries' own lines too: the bare clause must end as one of them does.
  read(doc.lines.lineStart(previous.line), doc.lines.lineEnd(next.line));
  let bare: number | undefined;
  for (let line = previous.line + 1; line < next.line; line++) {
    if (doc.lines.lineText(line).trim() === '') continue;
    if (bare !== undefined || line === previous.line + 1) return undefined;
    bare = line;
  }
  if (bare === undefined || doc.lines.lineText(bare - 1).trim() !== '') return undefined;
  const text = doc.lines.lineText(bare).trim();
  if (text.length > MAX_BARE_CLAUSE || BLOCK_MARKER.test(text) || NOT_AN_ITEM.test(text) || !CLAUSE_END.test(text)) return undefined;
  const ending = text.slice(-1);
  const endsAs = (e: OutlineEntry) => doc.lines.lineText(e.line).trim().slice(-1) === ending;
  return endsAs(previous) || endsAs(next) ? bare : undefined;
}

function markerSpan(e: OutlineEntry): { start: number; end: number } {
  return { start: e.markerOffset, end: e.markerOffset + e.marker!.titleStart };
}

/** The number text of an entry, and what it becomes with value v (decimal markers keep their prefix). */
function renumberEdit(e: OutlineEntry, value: number, prefix?: number[]): TextEdit {
  const m = e.marker!;
  if (m.style === 'decimal' && prefix) {
    const start = e.markerOffset;
    return { start, end: start + m.valueStart + m.valueLength, text: [...prefix, value].join('.') };
  }
  const start = e.markerOffset + m.valueStart;
  return { start, end: start + m.valueLength, text: formatValue(m, value) };
}

/** A Bad and a Good example in each language: the rule's page shows them, test/rule-examples.test.ts lints them. */
const EXAMPLES: RuleExamples = {
  bad: {
    'zh-CN': {
      text: [
        '# 客户服务制度',
        '',
        '## 一、总则',
        '',
        '## 二、服务渠道',
        '',
        '## 四、投诉处理',
      ].join('\n'),
      finding: { line: 7, messageId: 'gap' },
    },
    en: {
      text: [
        '# Customer service policy',
        '',
        '## 1. General',
        '',
        '## 2. Channels',
        '',
        '## 4. Complaints',
      ].join('\n'),
      finding: { line: 7, messageId: 'gap' },
    },
  },
  good: {
    'zh-CN': {
      text: [
        '# 客户服务制度',
        '',
        '## 一、总则',
        '',
        '## 二、服务渠道',
        '',
        '## 三、投诉处理',
      ].join('\n'),
    },
    en: {
      text: [
        '# Customer service policy',
        '',
        '## 1. General',
        '',
        '## 2. Channels',
        '',
        '## 3. Complaints',
      ].join('\n'),
    },
  },
};

export default defineRule({
  id: 'numbering',
  reads: 'outline',
  meta: {
    summary: { en: 'Numbering gap or repeat', 'zh-CN': '编号不连续或重复' },
    finds: "gaps and repeats in 一、二、四、, （一）（二）, 1.1 1.3, 第七条 twice; 1.1-style numbers that don't match their parent",
    description: {
      en: 'Sibling numbers (一、二、三、; （一）（二）; 1.1 1.2; 第一条 第二条) must run on without gaps or repeats, and 1.1-style numbers must match their parent.',
      'zh-CN': '同级编号（一、二、三、；（一）（二）；1.1 1.2；第一条 第二条）须连续、不重复，多级编号须与上级一致。',
    },
    severity: 'warning',
    fixable: 'fix',
    examples: EXAMPLES,
    messages: {
      gap: {
        en: 'Numbering skips from {previous} to {actual}; expected {expected}. A gap suggests a missing or deleted item. Renumber.',
        'zh-CN': '编号不连续：「{previous}」之后是「{actual}」，应为「{expected}」。编号跳跃意味着条款缺失或被删除，请重新编号。',
      },
      repeat: {
        en: 'Number {actual} is used twice (first on line {line}); expected {expected}. Renumber.',
        'zh-CN': '编号「{actual}」重复（第{line}行已使用），应为「{expected}」。请重新编号。',
      },
      start: {
        en: 'Numbering starts at {actual}; expected {expected}.',
        'zh-CN': '编号从「{actual}」开始，应从「{expected}」开始。',
      },
      prefix: {
        en: 'Number {actual} sits under {parent}; expected {expected}.',
        'zh-CN': '编号「{actual}」位于「{parent}」之下，应为「{expected}」。',
      },
      unnumbered: {
        en: 'This item has no number: between {previous} and {actual} it should be {expected}. The number was probably lost in conversion. Add it.',
        'zh-CN': '此条没有编号：「{previous}」与「{actual}」之间应为「{expected}」，编号可能在转换中丢失。请补上编号。',
      },
      previousHere: { en: 'previous number', 'zh-CN': '上一编号' },
      nextHere: { en: 'next number', 'zh-CN': '下一编号' },
      addNumber: { en: 'Add the missing number', 'zh-CN': '补上缺失的编号' },
      renumber: { en: 'Renumber from here', 'zh-CN': '从此处重新编号' },
    },
  },
  check(context) {
    const { doc } = context;
    const slots = new Map<OutlineEntry, DescendantSlot[]>();
    for (const group of siblingGroups(doc)) {
      if (isLazyList(group) || wrappedLine(group)) continue;
      const first = group[0]!.marker!;
      const parent = group[0]!.parent >= 0 ? doc.outline.entries[group[0]!.parent] : undefined;
      // 2.1 belongs under 2.; its prefix must be the parent's number.
      const prefix =
        first.style === 'decimal' && first.depth > 1
          ? parent?.marker?.style === 'decimal' && parent.marker.depth === first.depth - 1
            ? parent.marker.path
            : first.path.slice(0, -1)
          : undefined;
      const fixKind = REFERENCED.has(first.style) ? 'suggestion' : 'fix';

      let expected = 1;
      let fixesGiven = 0;
      // The first entry of each number before the i-th: where a repeat was first used. Built only
      // when an entry is out of sequence, as far as it, and on from there.
      const firstWithValue = new Map<number, OutlineEntry>();
      let mapped = 0;
      const firstBefore = (i: number, value: number) => {
        for (; mapped < i; mapped++) if (!firstWithValue.has(group[mapped]!.marker!.value)) firstWithValue.set(group[mapped]!.marker!.value, group[mapped]!);
        return firstWithValue.get(value);
      };
      for (let i = 0; i < group.length; i++) {
        const e = group[i]!;
        const m = e.marker!;
        const samePrefix = !prefix || startsWith(m.path, prefix, Math.max(0, m.path.length - 1));
        if (m.value === expected && samePrefix) {
          expected++;
          continue;
        }
        // A list that starts again at 1 under the same heading is a new list (下列材料：（一）…), not a repeat.
        if (m.value === 1 && i > 0 && !DOCUMENT_WIDE.has(m.style) && samePrefix && !brokenByBlock(doc, group[i - 1]!, e, context.readText)) {
          expected = 2;
          continue;
        }
        // Each fix renumbers the rest of the group; past a few, the first fix covers them and
        // building more would cost O(n²) on a document full of gaps.
        // Built when asked for (a code action, --fix): on a long document they are thousands of edits.
        const from = expected;
        const fixes =
          fixesGiven++ < MAX_FIXES_PER_GROUP
            ? () => {
                const edits = group.slice(i).flatMap((g, k) => [renumberEdit(g, from + k, prefix), ...descendantEdits(doc, g, from + k, slots)]);
                return [{ kind: fixKind, title: context.message('renumber'), edits } as const];
              }
            : undefined;
        const actual = describeMarker(m);
        const expectedText = prefix ? [...prefix, expected].join('.') : describeMarker(m, expected);
        const span = markerSpan(e);
        const previous = group[i - 1];
        // One number skipped, with a bare clause where it belongs: the number is missing there.
        const lost = previous && !prefix && m.value === expected + 1 && !firstBefore(i, m.value) ? unnumberedBetween(doc, previous, e, context.readText) : undefined;
        if (!samePrefix && parent?.marker) {
          context.report({ ...span, messageId: 'prefix', data: { actual, parent: describeMarker(parent.marker), expected: expectedText }, fixes });
        } else if (!previous) {
          // 第二十五条 first, under "摘自…制度": an excerpt of a longer text, whose first articles are elsewhere. A
          // handbook's chapters, and one or two articles missing at the start, are still reported.
          const excerpt = m.style === 'article' && m.value > 5;
          if (!excerpt && !continuesOtherBrackets(doc, e)) context.report({ ...span, messageId: 'start', data: { actual, expected: expectedText }, fixes });
        } else if (lost !== undefined) {
          const raw = doc.text.slice(e.markerOffset, e.markerOffset + m.titleStart);
          const marker = raw.slice(0, m.valueStart) + formatValue(m, expected) + raw.slice(m.valueStart + m.valueLength);
          const lineText = doc.lines.lineText(lost);
          const at = doc.lines.lineStart(lost) + lineText.length - lineText.trimStart().length;
          context.report({
            start: at,
            end: at + Array.from(lineText.trim()).slice(0, 2).join('').length,
            messageId: 'unnumbered',
            data: { previous: describeMarker(previous.marker!), actual, expected: expectedText },
            // Offered, not applied: only the writer knows the clause is the lost item.
            fixes: () => [{ kind: 'suggestion', title: context.message('addNumber'), edits: [{ start: at, end: at, text: marker }] }],
            related: [relatedIn(doc, markerSpan(previous), context.message('previousHere')), relatedIn(doc, span, context.message('nextHere'))],
          });
        } else {
          const earlier = firstBefore(i, m.value);
          const related = [relatedIn(doc, markerSpan(earlier ?? previous), context.message('previousHere'))];
          if (earlier) {
            context.report({ ...span, messageId: 'repeat', data: { actual, expected: expectedText, line: earlier.line + 1 }, fixes, related });
          } else {
            context.report({ ...span, messageId: 'gap', data: { previous: describeMarker(previous.marker!), actual, expected: expectedText }, fixes, related });
          }
        }
        // Carry on from what is written, so one gap is reported once, not once per later item.
        expected = m.value + 1;
      }
    }
  },
});
