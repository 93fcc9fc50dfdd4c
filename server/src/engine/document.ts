// A parsed policy document: the text, its Markdown, its outline, front matter
// and title. Built once per version of a document and shared by every rule.
// What the document *is* (its language and kind) is policy knowledge, decided
// on top of this structure by policy/document.ts.

import { parse as parseYaml } from 'yaml';
import type { PolicylintConfig } from '../config/types';
import type { EditorCache } from './editor-cache';
import { parseMarkdown, type ParsedMarkdown } from './markdown';
import { lineCount, MAX_FRONT_MATTER_LINES, type ParseLimit } from './parse-limits';
import { buildOutline, type Outline } from './outline';
import { outlineFor } from './outline-moved';
import { LineIndex } from './position';
import type { DocumentKind, KindSource, Language, Span } from './types';

export type { KindSource } from './types';

export interface PolicyDocument {
  path: string;
  text: string;
  lines: LineIndex;
  md: ParsedMarkdown;
  outline: Outline;
  frontMatter: Record<string, unknown>;
  /** Parts not read as Markdown or YAML because they go over a limit (engine/parse-limits.ts). */
  limits: ParseLimit[];
  /** Set when the front matter is not valid YAML. */
  frontMatterError?: { message: string; span: Span };
  title?: { text: string; span: Span };
  kind?: DocumentKind;
  kindSource: KindSource;
  /** Why the kind was decided, in a few words (for --verbose, JSON and hovers). */
  kindReason?: string;
  language: Language;
  /** The editor's cache, when the document is analysed in the editor. */
  cache?: EditorCache;
  /** The organisation the document speaks for (front matter, else config); '' when neither says. */
  organization: string;
}

/**
 * The structure of a document; its language and kind are left for policy/document.ts to decide.
 * `given`: the text's line index, when the caller keeps one (the editor's open documents).
 */
export function parseDocument(path: string, text: string, config: PolicylintConfig = {}, cache?: EditorCache, given?: LineIndex): PolicyDocument {
  // In the editor, a keystroke's line index is the last one edited: only the changed stretch is read.
  const lines = given?.text === text ? given : cache ? cache.chunks.linesFor(path, text) : new LineIndex(text);
  const md = parseMarkdown(text, lines, cache?.chunks, path);
  const outline = cache ? outlineFor(path, md, lines, cache.outline) : buildOutline(md, lines);
  const doc: PolicyDocument = { path, text, lines, md, outline, frontMatter: {}, limits: [...(md.limits ?? [])], kindSource: 'none', language: 'zh', cache, organization: '' };

  const frontMatterLines = md.frontMatter ? lineCount(md.frontMatter.raw) : 0;
  if (md.frontMatter && frontMatterLines > MAX_FRONT_MATTER_LINES) {
    doc.limits.unshift({ span: md.frontMatter.span, reason: 'front-matter', count: frontMatterLines });
  } else if (md.frontMatter) {
    try {
      // Its warnings would go to stderr as Node warnings, once per file: what is wrong is reported as the front-matter finding.
      const data = parseYaml(md.frontMatter.raw, { logLevel: 'error' }) as unknown;
      if (data && typeof data === 'object' && !Array.isArray(data)) doc.frontMatter = data as Record<string, unknown>;
    } catch (e) {
      doc.frontMatterError = { message: (e as Error).message.split('\n')[0]!, span: md.frontMatter.span };
    }
  }

  const fm = doc.frontMatter;
  const declaredOrganization = fm.organization ?? fm.organisation ?? fm.org ?? fm.company;
  doc.organization = (typeof declaredOrganization === 'string' ? declaredOrganization : (config.organization ?? '')).trim();

  doc.title = findTitle(doc);
  return doc;
}

/** Front matter title, else the first level-1 heading, else a short first line (documents converted from Word). */
function findTitle(doc: PolicyDocument): { text: string; span: Span } | undefined {
  const fmTitle = doc.frontMatter.title;
  if (typeof fmTitle === 'string' && doc.md.frontMatter) return { text: fmTitle, span: doc.md.frontMatter.span };
  const h1 = doc.md.headings.find((h) => h.depth === 1) ?? doc.md.headings[0];
  if (h1 && doc.md.headings.indexOf(h1) === 0) {
    return { text: doc.text.slice(h1.contentSpan.start, h1.contentSpan.end).replace(/[*_`]/g, '').trim(), span: h1.contentSpan };
  }
  const first = doc.md.prose[0];
  if (first && first.kind === 'paragraph') {
    // Its first line only; a paragraph's text keeps the source's line breaks, CRLF and lone CR included.
    const raw = first.text.split(/\r\n|\r|\n/)[0]!;
    const line = raw.trim();
    if (line && [...line].length <= 40 && (!h1 || first.span.start < h1.span.start)) {
      return { text: line, span: first.toSourceSpan(0, raw.length) };
    }
  }
  if (h1) return { text: doc.text.slice(h1.contentSpan.start, h1.contentSpan.end).trim(), span: h1.contentSpan };
  return undefined;
}
