// Between keystrokes the editor carries over the findings of the rules that
// read only the outline (`reads` in rules/contract.ts): numbering, duplicate
// headings, and the table of contents, which reads only the titled entries. A keystroke in a paragraph leaves
// the outline as it was, only moved; on a long document those rules' thousands
// of findings were rebuilt at every keystroke. They are carried over when the
// edit left every outline entry the rule reads (all, or the titled ones), the
// table of contents, the title and the inline disables the same (each offset
// moved by the edit, none inside it), and touched no stretch of text the rule
// noted it read besides them, under the same config and locale.
// Otherwise the rules run as always. test/lint/editor-incremental.test.ts and
// test/lint/outline-reuse.test.ts check every step against a fresh analysis.

import type { PolicylintConfig } from '../config/types';
import type { PolicyDocument } from '../engine/document';
import type { EditorCache } from '../engine/editor-cache';
import type { OutlineEntry } from '../engine/outline';
import type { HtmlComment } from '../engine/parsed-markdown';
import type { TableOfContents } from '../engine/toc';
import type { Finding, Locale, RelatedLocation, Span } from '../engine/types';
import { movedFinding } from './finding';
import { changeBetween, type Change } from '../engine/text-change';
import { moved, sameEntries, sameMarker, sameTitledEntries } from '../engine/outline-change';
import { outlineMovedFrom } from '../engine/outline-moved';

/** What the findings were made under: carried over only when all of it is the same. */
export interface LintSetting {
  config: PolicylintConfig;
  locale: Locale;
  inlineConfig: boolean;
}

interface Snapshot extends LintSetting {
  text: string;
  entries: readonly OutlineEntry[];
  toc: TableOfContents | undefined;
  title: PolicyDocument['title'];
  comments: readonly HtmlComment[];
  findings: ReadonlyMap<string, OutlineFindings>;
}

/** A rule's findings, and the stretches of text it read besides the outline (rules/contract.ts readText). */
export interface OutlineFindings {
  findings: readonly Finding[];
  read: readonly Span[];
}

/** The last analysis of this many documents is kept per editor cache: the open ones, in practice. */
const MAX_DOCUMENTS = 32;
const snapshots = new WeakMap<EditorCache, Map<string, Snapshot>>();

export function keepOutlineFindings(cache: EditorCache, doc: PolicyDocument, setting: LintSetting, findings: ReadonlyMap<string, OutlineFindings>): void {
  let byPath = snapshots.get(cache);
  if (!byPath) snapshots.set(cache, (byPath = new Map()));
  byPath.delete(doc.path);
  byPath.set(doc.path, { ...setting, text: doc.text, entries: doc.outline.entries, toc: doc.outline.toc, title: doc.title, comments: doc.md.comments, findings });
  if (byPath.size > MAX_DOCUMENTS) byPath.delete(byPath.keys().next().value!);
}

/** The editor closed the document at `path`: its last findings are not kept for a next keystroke. */
export function forgetOutlineFindings(cache: EditorCache, path: string): void {
  snapshots.get(cache)?.delete(path);
}

export interface CarriedFindings {
  /** The rule's findings at the last analysis, moved to where the edit put them; undefined when it must run. */
  findings(ruleId: string, reads: 'outline' | 'titles', run: () => Finding[]): OutlineFindings | undefined;
}

export function outlineFindingsCarriedOver(cache: EditorCache, doc: PolicyDocument, setting: LintSetting): CarriedFindings | undefined {
  const last = snapshots.get(cache)?.get(doc.path);
  if (!last || last.config !== setting.config || last.locale !== setting.locale || last.inlineConfig !== setting.inlineConfig) return undefined;
  const change = changeBetween(last.text, doc.text);
  if (!sameFrame(last, doc, change)) return undefined;
  // Each comparison is made once, when a rule that needs it asks, unless moving the outline told it.
  const movedOutline = outlineMovedFrom(doc.outline);
  const told = movedOutline?.from === last.entries ? movedOutline : undefined;
  let entries = told?.sameEntries;
  let titled = told?.sameTitles;
  const holds = (reads: 'outline' | 'titles') =>
    (entries ??= sameEntries(last.entries, doc.outline.entries, change)) || (reads === 'titles' && (titled ??= sameTitledEntries(last.entries, doc.outline.entries, change)));
  return {
    findings(ruleId, reads, run) {
      const before = last.findings.get(ruleId);
      if (!before || !holds(reads)) return undefined;
      const read = movedSpans(before.read, change);
      const findings = read && carry(before.findings, doc, change, run);
      return findings && read ? { findings, read } : undefined;
    },
  };
}

/**
 * The findings moved by the edit. Their fixes were made for a text that is gone: they are built
 * again, when first read, by running the rule once on this document and taking the fixes of the
 * same finding there. The findings are moved in place (movedFinding), once every one is known to
 * have a place: the last analysis is not left half moved.
 */
function carry(before: readonly Finding[], doc: PolicyDocument, change: Change, run: () => Finding[]): Finding[] | undefined {
  let rerun: Finding[] | undefined;
  const places: { start: number; end: number; related: RelatedLocation[] }[] = [];
  for (let i = 0; i < before.length; i++) {
    const f = before[i]!;
    const start = change.map(f.start);
    const end = change.map(f.end);
    if (start === undefined || end === undefined) return undefined;
    let related = f.related;
    if (related.length > 0) {
      related = [];
      for (const r of f.related) {
        if (r.path !== doc.path) {
          related.push(r);
          continue;
        }
        const rStart = change.map(r.start);
        const rEnd = change.map(r.end);
        if (rStart === undefined || rEnd === undefined) return undefined;
        related.push({ path: r.path, start: rStart, end: rEnd, message: r.message, ...doc.lines.toPlace({ start: rStart, end: rEnd }) });
      }
    }
    places.push({ start, end, related });
  }
  return before.map((f, i) => {
    const { start, end, related } = places[i]!;
    // Only what names the finding is kept, not the finding: the rule's run on this document has its fixes.
    const { messageId, message } = f;
    const fixes = () => {
      rerun ??= run();
      return rerun.find((g) => g.start === start && g.end === end && g.messageId === messageId && g.message === message)?.fixes ?? [];
    };
    return movedFinding(f, start, end, related, fixes);
  });
}

/** The stretches a rule read, moved by the edit; undefined when the edit touched one of them (or the rule must run again). */
function movedSpans(read: readonly Span[], change: Change): Span[] | undefined {
  const out: Span[] = [];
  for (const span of read) {
    const start = change.map(span.start);
    const end = change.map(span.end);
    // An edit inside the stretch leaves both ends where they were, moved: the change starting between them tells it.
    if (start === undefined || end === undefined || (span.start < change.start && change.start < span.end)) return undefined;
    out.push({ start, end });
  }
  return out;
}

/** What every rule that reads the outline reads besides its entries: the table of contents, the title, the inline comments. */
function sameFrame(last: Snapshot, doc: PolicyDocument, change: Change): boolean {
  if (!sameToc(last.toc, doc.outline.toc, change)) return false;
  if ((last.title === undefined) !== (doc.title === undefined)) return false;
  if (last.title && doc.title && (last.title.text !== doc.title.text || !moved(last.title.span, doc.title.span, change))) return false;
  const comments = doc.md.comments;
  if (comments.length !== last.comments.length) return false;
  for (let i = 0; i < comments.length; i++) if (comments[i]!.body !== last.comments[i]!.body || !moved(last.comments[i]!.span, comments[i]!.span, change)) return false;
  return true;
}

function sameToc(a: TableOfContents | undefined, b: TableOfContents | undefined, change: Change): boolean {
  if (!a || !b) return a === b;
  if (a.titleLine !== b.titleLine || a.entries.length !== b.entries.length) return false;
  return a.entries.every((x, i) => {
    const y = b.entries[i]!;
    return x.line === y.line && x.title === y.title && x.key === y.key && sameMarker(x.marker, y.marker) && moved(x.span, y.span, change);
  });
}
