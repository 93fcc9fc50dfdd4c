import type { PolicyDocument } from './document';
import type { RelatedLocation, Span } from './types';

/** A related location in the same document. */
export function relatedIn(doc: PolicyDocument, span: Span, message: string): RelatedLocation {
  return { path: doc.path, start: span.start, end: span.end, message, ...doc.lines.toPlace(span) };
}

/** The document's line break, so inserted text matches the file (CRLF stays CRLF). */
export function lineBreakOf(doc: PolicyDocument): string {
  const first = doc.text.search(/\r\n|\n|\r/);
  if (first < 0) return '\n';
  return doc.text.startsWith('\r\n', first) ? '\r\n' : doc.text[first]!;
}
