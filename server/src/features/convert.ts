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
