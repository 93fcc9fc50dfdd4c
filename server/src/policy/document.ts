// A policy document as the rules see it: the engine's structure, plus what the
// document is, its language and its kind, which only domain knowledge decides.

import type { PolicylintConfig } from '../config/types';
import { parseDocument, type PolicyDocument } from '../engine/document';
import type { EditorCache } from '../engine/editor-cache';
import type { LineIndex } from '../engine/position';
import type { ParsedMarkdown } from '../engine/markdown';
import { applyKind } from './kind-inference';
import { detectLanguage } from './kinds';

export type { PolicyDocument } from '../engine/document';

export function createDocument(path: string, text: string, config: PolicylintConfig = {}, cache?: EditorCache, lines?: LineIndex): PolicyDocument {
  const doc = parseDocument(path, text, config, cache, lines);
  const fm = doc.frontMatter;
  const declaredLanguage = String(fm.locale ?? fm.lang ?? fm.language ?? '').toLowerCase();
  // The language a reader sees: HTML comments (often the English original of a translation) and code don't count.
  doc.language = declaredLanguage.startsWith('zh') ? 'zh' : declaredLanguage.startsWith('en') ? 'en' : detectLanguage(visibleSample(doc.md) || text);
  // Last: inferring the kind may read the document's commitments, which need the language.
  applyKind(doc, config);
  return doc;
}

function visibleSample(md: ParsedMarkdown): string {
  let out = '';
  for (const block of md.prose) {
    out += block.text + '\n';
    if (out.length > 20_000) break;
  }
  return out;
}
