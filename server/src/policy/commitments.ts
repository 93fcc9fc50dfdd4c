// The SLA commitments of a whole document, placed in it: each prose block is
// run through the extractor with the conditions and channel its enclosing
// headings set (a clause under 重大投诉处理 is about major complaints).

import type { PolicyDocument } from '../engine/document';
import type { EditorCache } from '../engine/editor-cache';
import type { ProseBlock } from '../engine/markdown';
import type { OutlineEntry } from '../engine/outline';
import type { Place } from '../engine/types';
import { appendAll, firstAtLeast } from '../engine/arrays';
import { priorityScale, scopeKey, scopeSettling, settleScope } from './scope';
import { extractCommitments, mayHoldCommitments, metricFromHeading } from './sla';
import { stageOf } from './sla/case-phrases';
import { contextOf, headingLevels, NO_CONTEXT, type HeadingContext } from './heading-context';
import { withParallelSections } from './parallel-sections';
import { LEAD_IN, LeadInReader, sectionIntro, sectionLeadIn } from './lead-ins';
import { leadingPriorityLabel } from './sla/extract';
import { targetsOnly } from './sla/speaker';
import { mergeConditions } from './sla/assign';
import { CommitmentMemo, type BlockFacts } from './commitment-memo';
import { carriedBlocks } from './commitment-reuse';
import { withoutStepLabels } from './step-labels';
import { documentVocabulary, readCell, restatesRow } from './table-context';
import { glossaryMetrics } from './table-glossary';
import { vocabularyKey as vocabularyKeyOf, type Scope } from './sla/dimensions';
import { cellClock, documentClock, labelledClock, type LabelledClock } from './sla/units';
import type { Commitment, Condition, ExtractContext, Metric } from './sla/types';

/** `clock-mismatch`: the same promise stated on another clock (24小时 vs 1个工作日), which cannot be compared. */
export type CommitmentStatus = 'ok' | 'conflict' | 'clock-mismatch' | 'vague' | 'placeholder';

/** A commitment placed in its document: absolute offsets, 1-based places, its grouping key. */
export interface CommitmentRecord extends Omit<Commitment, 'start' | 'end' | 'valueStart' | 'valueEnd'>, Place {
  path: string;
  start: number;
  end: number;
  valueStart: number;
  valueEnd: number;
  /** Place of the value itself (what hover and inlay hints point at). */
  valuePlace: Place;
  /** Same key = same promise (channel.metric[.scope values]); see policy/scope scopeKey. */
  key: string;
  /**
   * The dimensions that limit the promise (priority, plan, time, case…), as the whole
   * document settles them: the normal regime dropped, priorities on the document's scale.
   */
  scope: Scope;
  /** The organisation the document speaks for; only promises of one organisation are compared. */
  organization: string;
  language: 'zh' | 'en';
  documentKind?: string;
}


/** A cell that is nothing but a share: "98.0%", "≥ 90 %". */
const BARE_PERCENT = /^\s*(?:[≥>]=?\s*)?\d{1,3}(?:\.\d+)?\s*[%％]\s*$/;

const cache = new WeakMap<PolicyDocument, CommitmentRecord[]>();

/** Whether a block's text is blank, a lead-in to a list, may hold a value: what the loop asks of every block. */
function blockFacts(text: string): BlockFacts {
  return { blank: !text.trim(), leadIn: LEAD_IN.test(text), mayHold: mayHoldCommitments(text), ...documentWide(text) };
}

/** What a block says of the whole document: the clock of its times, that its times are only targets. */
function documentWide(text: string): Pick<BlockFacts, 'clock' | 'aim'> {
  return { clock: documentClock(text), aim: targetsOnly(text) };
}

const memos = new WeakMap<object, CommitmentMemo<HeadingContext, CommitmentRecord>>();

function memoFor(doc: PolicyDocument): CommitmentMemo<HeadingContext, CommitmentRecord> | undefined {
  if (!doc.cache) return undefined;
  let memo = memos.get(doc.cache);
  if (!memo) memos.set(doc.cache, (memo = new CommitmentMemo()));
  return memo;
}

/** The editor closed the document at `path`: its last readings and records are not kept for a next keystroke. */
export function forgetCommitmentReadings(cache: EditorCache, path: string): void {
  memos.get(cache)?.forget(path);
}

/** One object for "no heading context", so lines that share it are extracted together. */

/**
 * The commitments a lint run compares: those of service-policy documents (a
 * known kind). Statutes and terms of service state deadlines too, but they are
 * not the organisation's promises; `policylint sla` still lists them.
 */
export function policyCommitments(doc: PolicyDocument): CommitmentRecord[] {
  return doc.kind ? collectCommitments(doc) : [];
}

/** Conditions and channel from an entry's section headings, nearest heading first. */
function headingContext(reading: DocumentReading, entry: OutlineEntry | undefined, memo: Map<number, HeadingContext>): HeadingContext {
  if (!entry) return NO_CONTEXT;
  const hit = memo.get(entry.index);
  if (hit) return hit;
  const { doc, vocabulary, vocabularyKey, memo: kept } = reading;
  const section = entry.parent >= 0 ? doc.outline.entries[entry.parent] : undefined;
  const outer = headingContext(reading, section, memo);
  let parent = outer;
  if (section && entry.headingDepth !== undefined) {
    // What the section's closing lead-in adds, kept beside the sections' own contexts under a key no entry index takes.
    const key = -1 - section.index;
    let led = memo.get(key);
    if (!led) memo.set(key, (led = sectionLeadIn(doc, section, outer, kept && ((text, compute) => kept.contextOf(text, outer, `${vocabularyKey}\u0000section-lead-in`, compute)))));
    parent = led;
  }
  let context = parent;
  if (entry.titleLike) {
    // A level of the scale its parent heading lists ("## Medium" under "# Prioritization Levels") is read as that level.
    const level = reading.headingLevels.get(entry.index);
    const read = () => contextOf(entry.title, parent, level ? new Map([...vocabulary, [vocabularyKeyOf(entry.title), level]]) : vocabulary, true);
    context = kept ? kept.contextOf(entry.title, parent, level ? `${vocabularyKey}\u0000level=${level}` : vocabularyKey, read) : read();
  }
  memo.set(entry.index, context);
  return context;
}

const QUOTED_ARTICLE = /^\s*(?:第[一二三四五六七八九十百零\d]+条|(?:article|section|art\.)\s*\d+)/i;

/**
 * A table cell is read after the labels that name its metric and channel: "Initial response, 30 minutes".
 * The labels are a clause of their own, so a verb in the cell (20秒内接通) is the value's before a header's.
 */
function tablePrefix(labels: string[], language: 'zh' | 'en'): string {
  if (labels.length === 0) return '';
  return language === 'zh' ? `${labels.join('，')}，` : `${labels.join(', ')}, `;
}

/** The last entry that starts on or before `line` (entries are in line order); -1 before the first. */
function entryAtLine(entries: readonly OutlineEntry[], line: number): number {
  return firstAtLeast(entries, line + 1, (e) => e.line) - 1;
}

/** Records extracted before the document's kind was decided (kind inference reads them) take the kind. */
export function refreshDocumentKind(doc: PolicyDocument): void {
  for (const r of cache.get(doc) ?? []) r.documentKind = doc.kind;
}

/** What every run of a document is read with: its scope words, and the editor cache's key for them. */
interface DocumentReading {
  doc: PolicyDocument;
  vocabulary: ReadonlyMap<string, Condition>;
  /** The metrics the document's glossary tables define, by term (glossaryMetrics). */
  glossary: ReadonlyMap<string, Metric>;
  vocabularyKey: string;
  /** The editor's memo; the CLI reads each document once and keeps none. */
  memo?: CommitmentMemo<HeadingContext, CommitmentRecord>;
  /** "All response times are measured in business hours": the clock of every bare unit of the document. */
  clock?: LabelledClock;
  /** "These targets do not constitute a Service Level Agreement": every promise of the document is an aim. */
  aim?: true;
  /** The level each sub-heading of a scale heading is (headingLevels). */
  headingLevels: Map<number, Condition>;
}

/** What a block gives every run of lines in it: a table cell's labels, a list's lead-in. */
interface BlockReading {
  block: ProseBlock;
  cell?: ReturnType<typeof readCell>;
  listContext?: HeadingContext;
  /** The paragraph that presents a cell's table ("the following table defines the initial response time"). */
  tableContext?: HeadingContext;
}

/**
 * The commitments of `doc`, computed once per document. A paragraph converted
 * from Word can hold many numbered lines, so the heading context is decided
 * line by line: a numbered line takes its parents' context, the lines below it
 * take its own.
 */
export function collectCommitments(doc: PolicyDocument): CommitmentRecord[] {
  const cached = cache.get(doc);
  if (cached) return cached;
  const records: CommitmentRecord[] = [];
  const entries = doc.outline.entries;
  const memo = new Map<number, HeadingContext>();
  // The scope words the document defines in its own tables ("Platinum", a "Normal" level).
  const vocabulary = documentVocabulary(doc.md);
  const glossary = glossaryMetrics(doc.md);
  const kept = memoFor(doc);
  kept?.startRecords(doc.path);
  const levels = headingLevels(entries, (section) => sectionIntro(doc, section));
  const vocabularyKey = kept ? [...[...vocabulary].map(([word, condition]) => `${word}=${condition}`), ...[...glossary].map(([term, metric]) => `${term}~${metric}`)].join('\u0000') : '';
  const reading: DocumentReading = { doc, vocabulary, glossary, vocabularyKey, memo: kept, headingLevels: levels };
  // Read block by block, so that a keystroke pays only for the blocks it changed.
  for (const block of doc.md.prose) {
    const { clock, aim } = kept ? kept.facts(block.text, blockFacts) : documentWide(block.text);
    reading.clock ??= clock;
    if (aim) reading.aim = true;
  }
  const contextOfLine = (line: number): HeadingContext => {
    const i = entryAtLine(entries, line);
    if (i < 0) return NO_CONTEXT;
    const entry = entries[i]!;
    const section = entry.line === line ? (entry.parent >= 0 ? entries[entry.parent] : undefined) : entry;
    return headingContext(reading, section, memo);
  };
  const leadIns = new LeadInReader(kept);
  // The depth of the list item that starts on each line (1 for a top-level list), worked out when a list is read.
  let depthByLine: Map<number, number> | undefined;
  const listDepths = () => (depthByLine ??= new Map(doc.md.listItems.map((item) => [item.line, item.depth])));

  /** The heading context of each line of a block, first line first. */
  const lineContexts = (block: ProseBlock): HeadingContext[] => {
    const text = block.text;
    const contexts = [contextOfLine(doc.lines.lineOf(block.toSource(0)))];
    for (let i = text.indexOf('\n'); i >= 0 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) contexts.push(contextOfLine(doc.lines.lineOf(block.toSource(i + 1))));
    return contexts;
  };
  // A paragraph ending in a colon introduces the list after it ("…depend on the ticket priority:").
  // Returns the lead-in after the block, and the heading contexts it was read under when it got as far as reading them.
  const readBlock = (block: ProseBlock, leadIn: HeadingContext | undefined, out: CommitmentRecord[]): { leadIn: HeadingContext | undefined; contexts?: HeadingContext[] } => {
    const text = block.text;
    const facts = kept ? kept.facts(text, blockFacts) : undefined;
    if (facts ? facts.blank : !text.trim()) return { leadIn };
    const introduces = facts ? facts.leadIn : LEAD_IN.test(text);
    // A paragraph that presents the table below names what its cells promise ("the initial response time for each priority").
    let listContext: HeadingContext | undefined;
    if (block.kind !== 'paragraph') leadIn = block.kind === 'tableCell' && leadIn?.table ? leadIn : undefined;
    else if (!block.inList) {
      leadIn = leadIns.afterParagraph(text, leadIn, introduces, () => contextOfLine(doc.lines.lineOf(block.toSource(0))));
      // The paragraphs under a level's label ("第一級 加急", then 應急響應:30分鐘) are that level's.
      if (leadIn?.labelled) listContext = leadIn;
    }
    // The table's lead-in only fills in the metric the headings over it leave open.
    const tableContext = block.kind === 'tableCell' ? leadIn : undefined;
    if (block.inList && block.kind === 'paragraph') {
      // An item ends the lead-ins of the items at its depth or deeper; a paragraph that starts no item ends them all.
      const depth = listDepths().get(doc.lines.lineOf(block.toSource(0)));
      while (leadIn?.listDepth !== undefined && (depth === undefined || leadIn.listDepth >= depth)) leadIn = leadIn.outer;
      listContext = leadIn;
      // "- Stage 1:" over a nested list: its items are read in the stage's context, inside the list's own.
      // "- Low - Routine case. … (C - Normal)" over "- Service commitment: …": only its label is its context.
      const priority = depth !== undefined && !introduces ? leadingPriorityLabel(text) : undefined;
      if (depth !== undefined && (introduces || priority !== undefined || stageOf(text) !== undefined)) leadIn = leadIns.item(priority ?? text, leadIn, depth);
    }
    // Most paragraphs of a long document hold no value at all: nothing more to read in them.
    if (!(facts ? facts.mayHold : mayHoldCommitments(text))) return { leadIn };
    const cell = block.cell ? readCell(block.cell, reading.vocabulary, reading.glossary) : undefined;
    if (cell?.skip || listContext?.example || tableContext?.example || (block.cell && restatesRow(block.cell, text))) return { leadIn };
    // A quoted article of a law (> 第二十五条 …): the law's deadline, not the organisation's promise.
    if (block.inQuote && QUOTED_ARTICLE.test(text)) return { leadIn };
    const blockReading: BlockReading = { block, cell, listContext, tableContext };
    const contexts = lineContexts(block);
    // Split into runs of lines that share one heading context.
    let runStart = 0;
    let runContext = contexts[0]!;
    let line = 0;
    for (let i = text.indexOf('\n'); ; i = text.indexOf('\n', i + 1)) {
      if (i < 0) i = text.length;
      const next = i + 1;
      const nextContext = next < text.length ? contexts[++line] : undefined;
      if (nextContext === runContext) continue;
      if (!runContext.example) for (const r of readRun(reading, blockReading, runStart, next, runContext)) out.push(r);
      runStart = next;
      if (nextContext) runContext = nextContext;
      if (i >= text.length) break;
    }
    return { leadIn, contexts };
  };

  // In the editor: the blocks the last keystroke did not touch are carried over (commitment-reuse.ts), the rest read.
  const prose = doc.md.prose;
  // By title, not place: a heading added elsewhere leaves the key, and the blocks carried over, as they were.
  const levelsKey = kept && levels.size ? [...levels].map(([i, level]) => `${entries[i]!.title}=${level}`).join('\u0000') : '';
  const readingKey = `${reading.vocabularyKey}\u0000${levelsKey}\u0000${doc.language}\u0000${doc.kind ?? ''}\u0000${doc.organization}\u0000${reading.clock ?? ''}\u0000${reading.aim ?? ''}`;
  const carried = kept ? carriedBlocks(kept.readings.get(doc.path), doc, readingKey, kept.claimed) : undefined;
  // The blocks before the edit, when they are the last analysis's own, are carried over whole.
  const lead = carried?.takeLead(prose, records);
  let byBlock: CommitmentRecord[][] = lead?.byBlock ?? [];
  let contextsByBlock: (HeadingContext[] | undefined)[] = lead?.contexts ?? [];
  let leadInBefore: (HeadingContext | undefined)[] = lead?.leadInBefore ?? [];
  let leadInAfter: (HeadingContext | undefined)[] = lead?.leadInAfter ?? [];
  let leadIn: HeadingContext | undefined = lead?.count ? lead.leadInAfter[lead.count - 1] : undefined;
  // The records read in this analysis, not carried over: their scopes are settled whatever else changed.
  const read: CommitmentRecord[] = [];
  for (let i = lead?.count ?? 0; i < prose.length; i++) {
    // The blocks after the edit, when they are the last analysis's moved, are carried over whole.
    const tail = i === carried?.tailFrom ? carried.takeTail(leadIn, read, records) : undefined;
    if (tail) {
      byBlock = byBlock.concat(tail.byBlock);
      contextsByBlock = contextsByBlock.concat(tail.contexts);
      leadInBefore = leadInBefore.concat(tail.leadInBefore);
      leadInAfter = leadInAfter.concat(tail.leadInAfter);
      break;
    }
    const block = prose[i]!;
    const before = leadIn;
    const old = carried ? carried.oldIndex(i, block, leadIn, lineContexts) : -1;
    let found: CommitmentRecord[];
    let contexts: HeadingContext[] | undefined;
    if (old >= 0) {
      found = carried!.take(old);
      leadIn = carried!.leadInAfter(old);
      contexts = carried!.contexts(old);
    } else {
      found = [];
      ({ leadIn, contexts } = readBlock(block, leadIn, found));
      appendAll(read, found);
    }
    for (const r of found) records.push(r);
    // Only the editor keeps the reading of each block; the CLI reads each document once.
    if (kept) {
      byBlock.push(found);
      contextsByBlock.push(contexts);
      leadInBefore.push(before);
      leadInAfter.push(leadIn);
    }
  }
  const labelled = withoutStepLabels(records);
  if (labelled !== records) records.splice(0, records.length, ...labelled);
  const sectionsChanged = withParallelSections(records, entries, (section) => sectionIntro(doc, section));
  const settling = scopeSettling(records, priorityScale(doc), doc.text);
  // Records carried over keep the scope and key they were given, when what settled them is the same.
  const settled = !sectionsChanged && carried?.scopesSettledBy === settling.signature ? read : records;
  for (let i = 0; i < settled.length; i++) {
    const r = settled[i]!;
    settleScope(r, settling);
    r.key = scopeKey(r.channel, r.metric, r.scope);
  }
  kept?.keepReadings(doc.path, { text: doc.text, lineCount: doc.lines.lineCount, entries, prose, records: byBlock, contexts: contextsByBlock, leadInBefore, leadInAfter, key: readingKey, scopesSettledBy: settling.signature });
  cache.set(doc, records);
  return records;
}

/** The commitments of the lines [runStart, next) of a block, read with their heading, list and table context. */
function readRun(reading: DocumentReading, { block, cell, listContext, tableContext }: BlockReading, runStart: number, next: number, runContext: HeadingContext): CommitmentRecord[] {
  const { doc, vocabulary, memo } = reading;
  const text = block.text.slice(runStart, next);
  // "| 两个工作天内派达 | 98.0% |" under 目标: the share of cases the row's promise is kept in, read by itself.
  const onTimeRate = cell?.onTimeRateOf && BARE_PERCENT.test(text) ? cell.onTimeRateOf : undefined;
  // A table cell is read after its row label and column header: "Urgent, Initial Response: 30 minutes".
  const prefix = onTimeRate ? '' : tablePrefix(cell?.metricLabels ?? [], doc.language);
  // 营业时间/4 小时: the cell's own clock label, blanked so that it is not read as a schedule.
  const own = block.cell ? cellClock(block.text) : undefined;
  const blanked = own ? Math.max(0, Math.min(own.labelLength - runStart, text.length)) : 0;
  const piece = prefix + ' '.repeat(blanked) + text.slice(blanked);
  const conditions = mergeConditions(onTimeRate ? [onTimeRate, ...(cell?.conditions ?? [])] : (cell?.conditions ?? []), mergeConditions(listContext?.conditions ?? [], runContext.conditions));
  const channel = cell?.channel ?? listContext?.channel ?? runContext.channel;
  const context: ExtractContext = { headingConditions: conditions, language: doc.language };
  if (prefix) context.prefixLength = prefix.length;
  if (block.cell && !block.cell.isHeader) context.inTableCell = true;
  if (vocabulary.size) context.vocabulary = vocabulary;
  if (channel) context.headingChannel = channel;
  // The cell's labels name the metric of every line in it ("Initial response: Sev 1: 1 hour<br>Sev 2: 2 hours"), not the first only.
  const cellMetric = cell?.metricLabels.length ? metricFromHeading(cell.metricLabels.join(' ')) : undefined;
  const metric = onTimeRate ? (cell?.measuredRate ?? 'on-time-rate') : (cellMetric ?? cell?.definedMetric ?? listContext?.metric ?? runContext.metric ?? tableContext?.metric);
  if (metric) context.headingMetric = metric;
  if (listContext?.strength === 'aim' || runContext.strength === 'aim' || reading.aim) context.headingStrength = 'aim';
  // A column header's clock ("Response time (business hours)") is nearer than a heading's.
  const clock = own ? own.clock : (block.cell ? labelledClock(`${block.cell.header} ${block.cell.rowLabel}`) : undefined) ?? listContext?.clock ?? runContext.clock ?? reading.clock;
  if (clock) context.headingClock = clock;
  const extract = () => extractCommitments(piece, context);
  // The editor's cache keys an extraction by everything it reads; the CLI has no cache and builds no key.
  const found = memo
    ? memo.extraction(reading.vocabularyKey, piece, `${prefix.length}\u0000${conditions.join(',')}\u0000${channel ?? ''}\u0000${metric ?? ''}\u0000${context.headingStrength ?? ''}\u0000${clock ?? ''}\u0000${doc.language}\u0000${context.inTableCell ? 'cell' : ''}`, extract)
    : extract();
  const out: CommitmentRecord[] = [];
  for (const c of found) {
    if (c.valueStart < prefix.length) continue;
    const shift = runStart - prefix.length;
    const span = block.toSourceSpan(Math.max(runStart, c.start + shift), c.end + shift);
    const value = block.toSourceSpan(c.valueStart + shift, c.valueEnd + shift);
    const place = doc.lines.toPlace(span);
    const valuePlace = doc.lines.toPlace(value);
    const same = memo?.previousRecord(doc, c, span, value, place, valuePlace);
    if (same) {
      // Where it was at the last keystroke, from the same extraction: the record it was. Scope and key are settled again below.
      same.key = '';
      same.scope = {};
      memo!.keepRecord(doc.path, c, same);
      out.push(same);
      continue;
    }
    const record: CommitmentRecord = {
      ...c,
      path: doc.path,
      start: span.start,
      end: span.end,
      valueStart: value.start,
      valueEnd: value.end,
      ...place,
      valuePlace,
      key: '',
      scope: {},
      organization: doc.organization,
      language: doc.language,
      documentKind: doc.kind,
    };
    memo?.keepRecord(doc.path, c, record);
    out.push(record);
  }
  return out;
}

