// Findings as LSP diagnostics. Offsets become positions through LineIndex
// (engine/position.ts), the one place that converts them.

import { DiagnosticSeverity, type CodeDescription, type Diagnostic, type DiagnosticRelatedInformation, type Location, type Range } from 'vscode-languageserver/node';
import { INTERNAL_ERROR_RULE } from '../lint/linter';
import type { LineIndex } from '../engine/position';
import type { Finding, Place, RelatedLocation, Severity, Span } from '../engine/types';

export const SOURCE = 'policylint';
export const RULE_DOCS_BASE = 'https://github.com/policylint/policylint/blob/main/docs/rules/';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.toLsp(span.start), end: lines.toLsp(span.end) };
}

/** Turns a related location into an LSP location; `locate` knows the other documents' line indexes. */
export type Locate = (path: string, span: Span, place: Place) => Location;

export function toDiagnostic(f: Finding, lines: LineIndex, locate: Locate): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(lines, f),
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    source: SOURCE,
    message: f.message,
  };
  if (f.ruleId !== INTERNAL_ERROR_RULE) diagnostic.codeDescription = codeDescriptionOf(f.ruleId);
  if (f.related.length > 0) diagnostic.relatedInformation = f.related.map((r: RelatedLocation): DiagnosticRelatedInformation => ({ location: locate(r.path, r, r), message: r.message }));
  return diagnostic;
}

/** Diagnostics as they were sent, with what they were converted from: the editor carries them over the next keystroke. */
export interface Converted {
  readonly findings: readonly Finding[];
  readonly diagnostics: Diagnostic[];
  /** The index they were converted with (its serial). */
  readonly lines: number;
  /** Each finding's offsets when it was converted: findings carried over an edit are moved in place, so their own offsets are the new ones. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/**
 * The findings as diagnostics, each one the last answer sent for the same finding object when
 * nothing it says has changed and the edit left its range alone (or only moved it down some
 * lines: LineIndex.carryLsp). A keystroke in a 1 MB handbook then converts the few findings it
 * touched, not all 3,000 of them; and an unchanged diagnostic is the same object, which the
 * comparison with the last answer passes at once.
 */
export function convertFindings(findings: readonly Finding[], lines: LineIndex, locate: Locate, last?: Converted): Converted {
  const diagnostics: Diagnostic[] = [];
  const starts = new Int32Array(findings.length);
  const ends = new Int32Array(findings.length);
  const before = last && new LastFindings(last.findings);
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    const j = before?.indexOf(f);
    const carried = j === undefined ? undefined : carryDiagnostic(f, lines, last!, j);
    diagnostics.push(carried ?? toDiagnostic(f, lines, locate));
    starts[i] = f.start;
    ends[i] = f.end;
  }
  return { findings, diagnostics, lines: lines.serial, starts, ends };
}

function carryDiagnostic(f: Finding, lines: LineIndex, last: Converted, j: number): Diagnostic | undefined {
  const d = last.diagnostics[j]!;
  // Related locations stand in other documents, whose edits this index knows nothing of.
  if (f.related.length > 0 || d.message !== f.message || d.code !== f.ruleId || d.severity !== SEVERITY[f.severity]) return undefined;
  const start = lines.carryLsp(last.lines, last.starts[j]!, f.start, d.range.start);
  const end = start && lines.carryLsp(last.lines, last.ends[j]!, f.end, d.range.end);
  if (!start || !end) return undefined;
  return start === d.range.start && end === d.range.end ? d : { ...d, range: { start, end } };
}

/** Finds a finding among the last ones: in step, as the order rarely changes, else by a map made once. */
class LastFindings {
  private next = 0;
  private byFinding?: Map<Finding, number>;

  constructor(private readonly findings: readonly Finding[]) {}

  indexOf(f: Finding): number | undefined {
    let j: number | undefined = this.next;
    if (this.findings[j] !== f) {
      this.byFinding ??= new Map(this.findings.map((g, k) => [g, k]));
      j = this.byFinding.get(f);
      if (j === undefined) return undefined;
    }
    this.next = j + 1;
    return j;
  }
}

/**
 * One link to each rule's page, shared by its diagnostics: a long document's thousands of them
 * are built and compared with the last ones at every keystroke, and one object compares at once.
 */
const CODE_DESCRIPTIONS = new Map<string, CodeDescription>();

function codeDescriptionOf(ruleId: string): CodeDescription {
  let description = CODE_DESCRIPTIONS.get(ruleId);
  if (!description) CODE_DESCRIPTIONS.set(ruleId, (description = Object.freeze({ href: `${RULE_DOCS_BASE}${ruleId}.md` })));
  return description;
}

/** A range from a 1-based code-point place, for documents we hold no text of (the conversion is exact for BMP text). */
export function rangeFromPlace(place: Place): Range {
  return {
    start: { line: place.line - 1, character: place.column - 1 },
    end: { line: place.endLine - 1, character: place.endColumn - 1 },
  };
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
