// Document symbols and folding ranges from the policy outline: Markdown
// headings and numbered plain lines (一、总则, 第三章, 1.1) in one tree, the
// table of contents left out (it lists sections, it is not one).

import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver/node';
import type { OutlineEntry } from '../engine/outline';
import type { DocumentState } from './workspace';

/** The last line of a section: the line before the next section starts, without trailing blank lines. */
function lastLine(state: DocumentState, entry: OutlineEntry): number {
  const { lines } = state;
  let line = entry.sectionEnd >= lines.text.length ? lines.lineCount - 1 : lines.lineOf(entry.sectionEnd) - 1;
  while (line > entry.line && lines.lineText(line).trim() === '') line--;
  return line;
}

export function documentSymbols(state: DocumentState): DocumentSymbol[] {
  const outline = state.result?.doc.outline;
  if (!outline) return [];
  const { lines, result } = state;
  const build = (entry: OutlineEntry): DocumentSymbol => {
    const end = lastLine(state, entry);
    const name = lines.text.slice(entry.span.start, entry.span.end).trim() || entry.title || '…';
    const selectionRange = { start: lines.toLsp(entry.span.start), end: lines.toLsp(entry.span.end) };
    return {
      name,
      // Markdown headings show as the editor shows Markdown headings; numbered clauses as list items.
      kind: entry.source === 'heading' ? SymbolKind.String : SymbolKind.EnumMember,
      detail: entry.source === 'heading' ? undefined : result!.doc.language === 'zh' ? '编号行' : 'numbered line',
      range: { start: { line: entry.line, character: 0 }, end: lines.toLsp(Math.max(entry.span.end, lines.lineEnd(end))) },
      selectionRange,
      children: entry.children.map((i) => build(outline.entries[i]!)),
    };
  };
  return outline.childrenOf(-1).map(build);
}

export function foldingRanges(state: DocumentState): FoldingRange[] {
  const outline = state.result?.doc.outline;
  if (!outline) return [];
  const out: FoldingRange[] = [];
  for (const entry of outline.entries) {
    const end = lastLine(state, entry);
    if (end > entry.line) out.push({ startLine: entry.line, endLine: end });
  }
  return out;
}
