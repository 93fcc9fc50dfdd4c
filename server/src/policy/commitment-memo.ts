// What the editor keeps between keystrokes for a document's commitments
// (policy/commitments.ts), so a keystroke pays for the blocks it changed: per
// block text, what the block says on its own; per heading title and enclosing
// context, the context (one object per reading, so runs of lines compare
// contexts by identity and extractions are keyed by them); per run of text and
// context, what the extractor found; and the records of the last analysis,
// reused where the same extraction lands at exactly the same place. Unchanged
// blocks keep their text string, so looking them up re-hashes nothing. Bounded
// by an estimate of its size: cleared when full. The CLI keeps none.

import type { PolicyDocument } from '../engine/document';
import type { Place, Span } from '../engine/types';
import type { BlockReadings } from './commitment-reuse';
import type { Commitment } from './sla/types';
import type { LabelledClock } from './sla/units';

export interface BlockFacts {
  blank: boolean;
  /** Ends by introducing a list ("…depend on the ticket priority:"). */
  leadIn: boolean;
  /** Passes the extractor's prefilter. */
  mayHold: boolean;
  /** Says the clock of every time in the document ("All response times are measured in business hours"). */
  clock: LabelledClock | undefined;
  /** Says every time in the document is a target, not a promise. */
  aim: boolean;
}

/** What a record must say of itself to be reused: where it is, and what its document says of itself. */
interface PlacedRecord extends Place, Span {
  valueStart: number;
  valueEnd: number;
  valuePlace: Place;
  organization: string;
  language: string;
  documentKind?: string;
}

/** Documents whose last analysis is kept block by block: the open ones, in practice. */
const MAX_DOCUMENTS = 32;

/** Characters (with a per-entry overhead) the memo holds before it starts afresh. */
const MEMO_BUDGET = 16 * 1024 * 1024;

export class CommitmentMemo<Context extends object, Rec extends PlacedRecord> {
  private readonly blocks = new Map<string, BlockFacts>();
  /** Contexts by the vocabulary's key, then the outer context, then the title. */
  private readonly contexts = new Map<string, WeakMap<Context, Map<string, Context>>>();
  /** Extractions by vocabulary, then the text read, then everything else the extractor is told. */
  private readonly extractions = new Map<string, Map<string, Map<string, Commitment[]>>>();
  /** By document: the records each extraction gave at the last analysis, and those it gives at this one. */
  private readonly records = new Map<string, { previous: Map<Commitment, Rec[]>; current: Map<Commitment, Rec[]> }>();
  /** By document, the last analysis block by block: what the next one may carry over (commitment-reuse.ts). */
  readonly readings = new Map<string, BlockReadings<Context, Rec>>();
  /**
   * Records given to the analysis under way, reused by place or carried over with their block: a
   * record is one object, so it must not be given twice (a block carried over after the edit, whose
   * old place a block read again now occupies with the same words).
   */
  readonly claimed = new Set<Rec>();
  private entries = 0;

  keepReadings(path: string, readings: BlockReadings<Context, Rec>): void {
    this.readings.delete(path);
    this.readings.set(path, readings);
    if (this.readings.size > MAX_DOCUMENTS) this.readings.delete(this.readings.keys().next().value!);
  }

  /** What a block's text says on its own. */
  facts(text: string, read: (text: string) => BlockFacts): BlockFacts {
    let facts = this.blocks.get(text);
    if (facts === undefined) {
      this.count(text.length);
      this.blocks.set(text, (facts = read(text)));
    }
    return facts;
  }

  /** The context a title gives under `outer`, read with a vocabulary whose key is `vocabularyKey`. */
  contextOf(title: string, outer: Context, vocabularyKey: string, compute: () => Context): Context {
    let byOuter = this.contexts.get(vocabularyKey);
    if (!byOuter) this.contexts.set(vocabularyKey, (byOuter = new WeakMap()));
    let byTitle = byOuter.get(outer);
    if (!byTitle) byOuter.set(outer, (byTitle = new Map()));
    let context = byTitle.get(title);
    if (!context) {
      this.count(title.length);
      byTitle.set(title, (context = compute()));
    }
    return context;
  }

  extraction(vocabularyKey: string, piece: string, contextKey: string, compute: () => Commitment[]): Commitment[] {
    let byPiece = this.extractions.get(vocabularyKey);
    if (!byPiece) this.extractions.set(vocabularyKey, (byPiece = new Map()));
    let byContext = byPiece.get(piece);
    if (!byContext) byPiece.set(piece, (byContext = new Map()));
    let found = byContext.get(contextKey);
    if (!found) {
      this.count(piece.length);
      byContext.set(contextKey, (found = compute()));
    }
    return found;
  }

  /** The document at `path` is closed: what its last analyses gave goes (the memos by text stay, bounded). */
  forget(path: string): void {
    this.readings.delete(path);
    this.records.delete(path);
    // Only an analysis under way needs it; the last one's records would keep its document.
    this.claimed.clear();
  }

  /** A new analysis of the document at `path`: the records of the last one become what can be reused. */
  startRecords(path: string): void {
    this.claimed.clear();
    const kept = this.records.get(path);
    this.records.set(path, { previous: kept?.current ?? new Map(), current: new Map() });
  }

  keepRecord(path: string, c: Commitment, record: Rec): void {
    // The memo may have been cleared since this analysis started: then nothing is reused, but what is built is kept.
    let kept = this.records.get(path);
    if (!kept) this.records.set(path, (kept = { previous: new Map(), current: new Map() }));
    const list = kept.current.get(c);
    if (list) list.push(record);
    else kept.current.set(c, [record]);
  }

  /** The record extraction `c` gave at the last analysis at exactly this place, in a document that says the same of itself. */
  previousRecord(doc: PolicyDocument, c: Commitment, span: Span, value: Span, place: Place, valuePlace: Place): Rec | undefined {
    for (const r of this.records.get(doc.path)?.previous.get(c) ?? []) {
      if (this.claimed.has(r)) continue;
      if (r.start !== span.start || r.end !== span.end || r.valueStart !== value.start || r.valueEnd !== value.end) continue;
      if (!samePlace(r, place) || !samePlace(r.valuePlace, valuePlace)) continue;
      if (r.organization !== doc.organization || r.language !== doc.language || r.documentKind !== doc.kind) continue;
      this.claimed.add(r);
      return r;
    }
    return undefined;
  }

  /** One more entry of about `chars` characters; everything goes when the budget is spent (a new document is read in one pass). */
  private count(chars = 64): void {
    this.entries += chars + 64;
    if (this.entries <= MEMO_BUDGET) return;
    this.entries = 0;
    this.blocks.clear();
    this.contexts.clear();
    this.extractions.clear();
    this.records.clear();
    this.readings.clear();
  }
}

function samePlace(a: Place, b: Place): boolean {
  return a.line === b.line && a.column === b.column && a.endLine === b.endLine && a.endColumn === b.endColumn;
}
