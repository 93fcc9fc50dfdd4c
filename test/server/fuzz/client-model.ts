// The fuzz test's client side: its own copy of each document (positions and
// ranges resolved against it), kept in step with what it sends and applies,
// and the checks that what the server returns lies inside it.

import type {
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  Position,
  Range,
  SemanticTokens,
  SymbolInformation,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TRACE } from './config';
import { NEEDLES, type Pos, type Rng } from './generators';
import type { Session } from './session';

// --- the client's view of a document ----------------------------------------

export class Lines {
  private readonly starts: number[] = [0];
  private readonly ends: number[] = [];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      this.ends.push(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      this.starts.push(i + 1);
    }
    this.ends.push(text.length);
  }

  get count(): number {
    return this.starts.length;
  }

  length(line: number): number {
    return this.ends[line]! - this.starts[line]!;
  }

  /** The position of an offset, as the client counts (an offset inside a line break is the line's end). */
  positionAt(offset: number): Position {
    let line = 0;
    while (line + 1 < this.count && this.starts[line + 1]! <= offset) line++;
    return { line, character: Math.min(offset - this.starts[line]!, this.length(line)) };
  }

  /** A valid LSP position: an existing line, a column no further than the line's end. */
  has(p: Position | undefined): boolean {
    return !!p && Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < this.count && p.character >= 0 && p.character <= this.length(p.line);
  }

  resolve(pos: Pos): { p: Position; valid: boolean } {
    const last = this.count - 1;
    switch (pos.k) {
      case 'in': {
        const line = pos.a % this.count;
        return { p: { line, character: pos.b % (this.length(line) + 1) }, valid: true };
      }
      case 'at': {
        // The nth occurrence (cycling), moved by d; a text without one falls back to the start.
        const needle = NEEDLES[pos.needle]!;
        const hits: number[] = [];
        for (let i = this.text.indexOf(needle); i >= 0 && hits.length <= pos.nth; i = this.text.indexOf(needle, i + 1)) hits.push(i);
        const offset = hits.length ? Math.max(0, Math.min(this.text.length, hits[pos.nth % hits.length]! + pos.d)) : 0;
        return { p: this.positionAt(offset), valid: true };
      }
      case 'eol': {
        const line = pos.a % this.count;
        return { p: { line, character: this.length(line) }, valid: true };
      }
      case 'bol':
        return { p: { line: pos.a % this.count, character: 0 }, valid: true };
      case 'end':
        return { p: { line: last, character: this.length(last) }, valid: true };
      case 'pastChar': {
        const line = pos.a % this.count;
        return { p: { line, character: this.length(line) + 1 + pos.b }, valid: false };
      }
      case 'pastLine':
        return { p: { line: this.count + pos.a, character: pos.b }, valid: false };
      case 'huge':
        return { p: { line: 2 ** 31 - 1, character: 2 ** 31 - 1 }, valid: false };
      case 'neg':
        return { p: { line: -1, character: -1 }, valid: false };
    }
  }

  resolveRange(r: Rng): { range: Range; valid: boolean } {
    const s = this.resolve(r.s);
    if (r.e.k === 'same') return { range: { start: s.p, end: s.p }, valid: s.valid };
    if (r.e.k === 'down') {
      const line = Math.min(s.p.line + r.e.n, this.count - 1);
      const valid = s.valid && line >= 0;
      return { range: { start: s.p, end: { line, character: valid ? r.e.b % (this.length(line) + 1) : r.e.b } }, valid };
    }
    const e = this.resolve(r.e);
    return { range: { start: s.p, end: e.p }, valid: s.valid && e.valid };
  }
}

export const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
export const show = (r: unknown) => JSON.stringify(r);
export const clip = (s: string, n = 2000) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);

/** Problems found while checking one step; they fail the run with the step that caused them. */
export class Problems {
  readonly list: string[] = [];
  /** The step answered bad input with an internal error, so the server's "… failed:" log line is expected. */
  expectFailedLog = false;
  add(message: string): void {
    if (this.list.length < 20) this.list.push(message);
  }
  range(lines: Lines, r: Range | undefined, what: string): void {
    if (!r || !lines.has(r.start) || !lines.has(r.end) || !before(r.start, r.end)) {
      this.add(`${what}: range ${show(r)} is not inside the document (${lines.count} lines; line lengths ${show(r ? [r.start.line, r.end.line].map((l) => (l >= 0 && l < lines.count ? lines.length(l) : null)) : null)})`);
    }
  }
}

export function record(session: Session, uri: string): void {
  const doc = session.client.docs.get(uri);
  if (!doc) return;
  const key = `${uri}#${doc.version}`;
  session.history.set(key, [...(session.history.get(key) ?? []), doc.getText()]);
}

export function applyWorkspaceEdit(session: Session, edit: WorkspaceEdit): void {
  const byUri = new Map<string, TextEdit[]>();
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change) byUri.set(change.textDocument.uri, [...(byUri.get(change.textDocument.uri) ?? []), ...(change.edits as TextEdit[])]);
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) byUri.set(uri, [...(byUri.get(uri) ?? []), ...edits]);
  for (const [uri, edits] of byUri) {
    if (!session.client.docs.has(uri)) continue;
    // Last edit first (stable for equal starts, reversed so inserts at one place keep their order).
    const ordered = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.range.start.line - a.e.range.start.line || b.e.range.start.character - a.e.range.start.character || b.i - a.i);
    changeDocument(session, uri, ordered.map(({ e }) => ({ range: e.range, text: e.newText })));
  }
}

export function changeDocument(session: Session, uri: string, changes: TextDocumentContentChangeEvent[]): void {
  if (TRACE) console.info(`→ didChange ${uri} ${clip(show(changes), 400)}`);
  session.client.change(uri, changes);
  record(session, uri);
}

// --- checks --------------------------------------------------------------------

export function checkDiagnostics(session: Session, lines: Lines, uri: string, ds: Diagnostic[] | undefined, problems: Problems, what: string): void {
  if (!Array.isArray(ds)) return problems.add(`${what}: not an array: ${clip(show(ds))}`);
  for (const d of ds) {
    problems.range(lines, d.range, `${what} ${show(d.code)}`);
    for (const r of d.relatedInformation ?? []) {
      if (r.location.uri === uri) problems.range(lines, r.location.range, `${what} ${show(d.code)} related location`);
      else {
        // Another document: it must fit some version of it the client had.
        const texts = [...session.history.entries()].filter(([k]) => k.startsWith(`${r.location.uri}#`)).flatMap(([, v]) => v);
        if (texts.length > 0 && !texts.some((t) => new Lines(t).has(r.location.range.start) && new Lines(t).has(r.location.range.end))) {
          problems.add(`${what} ${show(d.code)}: related location ${show(r.location)} fits no version of that document`);
        }
      }
    }
  }
}

/** Versions must be the client's current ones, ranges inside, edits to one document non-overlapping. Returns false for a stale version. */
export function checkWorkspaceEdit(session: Session, edit: WorkspaceEdit | undefined, problems: Problems, what: string): boolean {
  if (!edit) return true;
  const byUri = new Map<string, TextEdit[]>();
  let current = true;
  for (const change of edit.documentChanges ?? []) {
    if (!('textDocument' in change)) {
      problems.add(`${what}: a resource operation ${show(change)}`);
      continue;
    }
    const doc = session.client.docs.get(change.textDocument.uri);
    if (doc && change.textDocument.version !== null && change.textDocument.version !== doc.version) current = false;
    byUri.set(change.textDocument.uri, [...(byUri.get(change.textDocument.uri) ?? []), ...(change.edits as TextEdit[])]);
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) byUri.set(uri, [...(byUri.get(uri) ?? []), ...edits]);
  for (const [uri, edits] of byUri) {
    const doc = session.client.docs.get(uri);
    if (!doc) {
      problems.add(`${what}: an edit for ${uri}, which is not open`);
      continue;
    }
    if (!current) continue;
    const lines = new Lines(doc.getText());
    for (const e of edits) problems.range(lines, e.range, `${what} edit`);
    const sorted = [...edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    for (let i = 1; i < sorted.length; i++) {
      if (!before(sorted[i - 1]!.range.end, sorted[i]!.range.start)) problems.add(`${what}: overlapping edits ${show(sorted[i - 1]!.range)} and ${show(sorted[i]!.range)}`);
    }
  }
  return current;
}

export function checkSymbols(lines: Lines, symbols: (DocumentSymbol | SymbolInformation)[], problems: Problems): void {
  const walk = (s: DocumentSymbol | SymbolInformation, path: string) => {
    if ('location' in s) return problems.range(lines, s.location.range, `symbol ${path}`);
    problems.range(lines, s.range, `symbol ${path} range`);
    problems.range(lines, s.selectionRange, `symbol ${path} selectionRange`);
    if (!before(s.range.start, s.selectionRange.start) || !before(s.selectionRange.end, s.range.end)) problems.add(`symbol ${path}: selectionRange ${show(s.selectionRange)} not inside range ${show(s.range)}`);
    if (!s.name) problems.add(`symbol ${path}: empty name`);
    for (const c of s.children ?? []) walk(c, `${path} > ${c.name}`);
  };
  for (const s of symbols) walk(s, s.name);
}

export function checkSemanticTokens(lines: Lines, tokens: SemanticTokens | null, problems: Problems): void {
  const data = tokens?.data ?? [];
  if (data.length % 5 !== 0) return problems.add(`semantic tokens: ${data.length} numbers, not a multiple of 5`);
  let line = 0;
  let char = 0;
  let lastEnd = -1;
  for (let i = 0; i < data.length; i += 5) {
    const [dl, dc, len, type] = data.slice(i, i + 5) as [number, number, number, number];
    if (dl < 0 || dc < 0 || len <= 0 || type < 0 || type > 1) problems.add(`semantic token ${i / 5}: bad numbers ${show(data.slice(i, i + 5))}`);
    if (dl > 0) lastEnd = -1;
    line += dl;
    char = dl === 0 ? char + dc : dc;
    if (line >= lines.count || char + len > lines.length(line)) problems.add(`semantic token ${i / 5} at ${line}:${char} length ${len} is outside its line (${line < lines.count ? lines.length(line) : 'no such line'})`);
    if (char < lastEnd) problems.add(`semantic token ${i / 5} at ${line}:${char} overlaps the previous one`);
    lastEnd = char + len;
  }
}

export function checkCompletion(lines: Lines, result: CompletionItem[] | CompletionList | null, problems: Problems): void {
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  for (const item of items) {
    const te = item.textEdit;
    if (te && 'range' in te) problems.range(lines, te.range, `completion ${show(item.label)} textEdit`);
    if (te && 'insert' in te) {
      problems.range(lines, te.insert, `completion ${show(item.label)} insert`);
      problems.range(lines, te.replace, `completion ${show(item.label)} replace`);
    }
    for (const e of item.additionalTextEdits ?? []) problems.range(lines, e.range, `completion ${show(item.label)} additional edit`);
  }
}
