// What a parse gives, as plain data a test can compare: the chunked parse and
// the whole parse must give the same.

import { EditorCache } from '../../server/src/engine/editor-cache';
import { parseMarkdown, parseWhole } from '../../server/src/engine/markdown';
import { LineIndex } from '../../server/src/engine/position';
import { lintText } from '../../server/src/lint/linter';

/** With `document`, the text is cut where that document's last text was, as the editor cuts it. */
export function view(text: string, cache?: EditorCache, document?: string) {
  const lines = new LineIndex(text);
  // Without a cache: one parse of the whole text, the reference chunked parsing must agree with.
  const md = cache ? parseMarkdown(text, lines, cache.chunks, document) : parseWhole(text, lines);
  return {
    headings: md.headings,
    prose: md.prose.map((b) => ({ kind: b.kind, span: b.span, text: b.text, at: [0, Math.floor(b.text.length / 2), b.text.length].map((i) => b.toSource(i)), cell: b.cell, inList: b.inList ?? false })),
    comments: md.comments,
    markup: [...md.markupLines].join(''),
    frontMatter: md.frontMatter,
    listItems: md.listItems,
    limits: md.limits ?? [],
    definitions: [...new Set(md.definitions)].sort(),
  };
}

export const findings = (text: string, cache?: EditorCache) => lintText('x.md', text, { cache }).findings.map((f) => `${f.ruleId}@${f.start}-${f.end} ${f.message}`);
