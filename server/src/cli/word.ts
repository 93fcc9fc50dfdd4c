// A Word document as the CLI lints it: the reader's Markdown, with front
// matter naming the kind and title the engine detects, exactly as `policylint
// convert` writes it, so linting the converted file gives the same findings,
// on the same lines. Each line keeps the Word paragraph it came from, and each
// finding gets the paragraph and the heading path a reader looks for.

import { stringify as toYaml } from 'yaml';
import type { PolicylintConfig } from '../config/types';
import type { Outline, OutlineEntry } from '../engine/outline';
import type { KindSource } from '../engine/types';
import { DocxError, readDocx } from '../io/docx';
import { createDocument } from '../policy/document';

/** Where the lines of a linted Word document came from. */
export interface WordSource {
  format: 'docx';
  /** For each Markdown line (index = line - 1), the 1-based Word paragraph; 0 where none. */
  paragraphs: number[];
}

export interface WordText {
  /** The Markdown that is linted and that `convert` writes. */
  text: string;
  /** How the engine decided the kind from the body (the front matter only repeats it). */
  kindSource: KindSource;
  kindReason?: string;
  source: WordSource;
  notes: string[];
}

export type WordReadResult = ({ ok: true } & WordText) | { ok: false; reason: string; code: string };

/** Reads a Word document as the Markdown policylint lints. Never throws for bad input. */
export function readWordDocument(display: string, bytes: Uint8Array, config: PolicylintConfig): WordReadResult {
  let reading;
  try {
    reading = readDocx(bytes);
  } catch (e) {
    if (e instanceof DocxError) return { ok: false, code: e.code, reason: e.reason };
    return { ok: false, code: 'corrupt', reason: `the document could not be read (${(e as Error).message}); save it again from Word or WPS` };
  }
  // The engine decides kind and title from the body, as it would from Markdown.
  const detected = createDocument(display, reading.markdown, config);
  const title = detected.title?.text ?? reading.propertiesTitle;
  const front: Record<string, string> = {};
  if (detected.kind) front.kind = detected.kind;
  if (title) front.title = title;
  const yaml = Object.keys(front).length > 0 ? `---\n${toYaml(front, { lineWidth: 0 }).trimEnd()}\n---\n\n` : '';
  const frontLines = yaml === '' ? 0 : yaml.split('\n').length - 1;
  // Front matter lines speak for the title: a finding on the title is found there in Word.
  const titleParagraph = reading.paragraphs.find((p) => p > 0) ?? 0;
  const paragraphs = [...Array<number>(frontLines).fill(titleParagraph), ...reading.paragraphs];
  return {
    ok: true,
    text: yaml + reading.markdown,
    kindSource: detected.kindSource,
    ...(detected.kindReason ? { kindReason: detected.kindReason } : {}),
    source: { format: 'docx', paragraphs },
    notes: reading.notes,
  };
}

/** The sections a line sits in, outermost first ("第一章 总则", "1.2 适用范围"); the document's title heads only its own lines. */
export function headingPaths(outline: Outline, text: string, lineCount: number): { paths: string[][]; byLine: number[] } {
  const paths: string[][] = [];
  const byLine = Array<number>(lineCount).fill(-1);
  const sections = outline.entries.filter((e) => e.titleLike);
  const pathOf = (index: number): string[] => {
    const out: string[] = [];
    for (let e: OutlineEntry | undefined = outline.entries[index]; e; e = e.parent >= 0 ? outline.entries[e.parent] : undefined) {
      if (e.titleLike) out.unshift(text.slice(e.span.start, e.span.end).trim());
    }
    const top = outline.entries[0];
    if (out.length > 1 && top && top.headingDepth === 1 && out[0] === text.slice(top.span.start, top.span.end).trim() && outline.entries.filter((e) => e.headingDepth === 1).length === 1) out.shift();
    return out;
  };
  for (const s of sections) {
    const at = paths.push(pathOf(s.index)) - 1;
    for (let line = s.line; line < lineCount; line++) byLine[line] = at;
  }
  return { paths, byLine };
}
