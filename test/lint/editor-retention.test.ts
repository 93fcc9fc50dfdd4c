// What the editor keeps between keystrokes (parsed chunks, memos, the last
// analysis it carries results over from) must not hold on to every version of
// a document: a carried finding that kept the finding it was carried from kept
// that analysis's document, and that one the one before, keystroke after
// keystroke. After typing, no document older than the last two analyses may
// be left once garbage is collected.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EditorCache } from '../../server/src/engine/editor-cache';
import { forgetDocument, Project } from '../../server/src/lint/project';
import { REPO_ROOT } from '../helpers/cli';

const collect = (globalThis as { gc?: () => void }).gc;
const PATH = '/workspace/handbook.md';

/** An editor session on `text`: each keystroke types 文 after the last one at `at`, analysed as the server does. */
function session(text: string, at: number) {
  const project = new Project();
  const cache = new EditorCache();
  /** Types `n` keystrokes; a weak reference to each one's document. */
  const type = (n: number): WeakRef<object>[] => {
    const documents: WeakRef<object>[] = [];
    for (let i = 0; i < n; i++) {
      text = text.slice(0, at) + '文' + text.slice(at);
      at++;
      documents.push(new WeakRef(project.update(PATH, text, { cache }).doc));
      project.findings(PATH);
    }
    return documents;
  };
  return { project, cache, type, length: () => text.length };
}

/** Collects garbage in a later job: a WeakRef's target lives to the end of the job that made it. */
async function collectGarbage(): Promise<void> {
  // vitest.config.mts starts test workers with --expose-gc; without it these tests cannot look.
  expect(collect).toBeTypeOf('function');
  await new Promise((resolve) => setTimeout(resolve, 0));
  collect!();
}

const defects = () => readFileSync(join(REPO_ROOT, 'samples/defects/customer-service-handbook.md'), 'utf8');

describe('the editor between keystrokes', () => {
  it('keeps no document of an older keystroke, findings, fixes and commitments carried over included', async () => {
    const sample = defects();
    const text = sample + sample.slice(sample.indexOf('\n## '));
    const documents = session(text, text.indexOf('\n', text.length >> 1) + 1).type(12);
    await collectGarbage();
    const kept = documents.map((d, i) => (d.deref() ? i : -1)).filter((i) => i >= 0);
    expect(kept.every((i) => i >= documents.length - 2), `documents still held: ${kept.join(', ')}`).toBe(true);
  });

  // A memo keyed by a line or a chunk sliced from the text kept that keystroke's whole text: V8's slice is a
  // view of the string it came from. Typing 30 characters into a 600 KB text kept 30 texts, 18 MB.
  it('keeps no text of an older keystroke in its memos', async () => {
    const sample = readFileSync(join(REPO_ROOT, 'samples/clean/customer-service-handbook.md'), 'utf8');
    const body = sample.slice(sample.indexOf('\n## '));
    let text = sample;
    for (let i = 2; text.length < 300_000; i++) text += body.replace(/^## (.*)$/gm, `## $1（续${i}）`);
    const typing = session(text, text.indexOf('。', text.length >> 1) + 1);
    typing.type(3);
    await collectGarbage();
    const before = process.memoryUsage().heapUsed;
    const keystrokes = 30;
    typing.type(keystrokes);
    await collectGarbage();
    const grown = process.memoryUsage().heapUsed - before;
    // Each keystroke may keep what it parsed anew (a chunk, a line), not a copy of the whole text (2 bytes a character).
    expect(grown).toBeLessThan((keystrokes * typing.length() * 2) / 4);
  });

  // The editor keeps a document's last analysis for its next keystroke: once the document is closed,
  // nothing of it may stay (a session that opens many documents would keep them all).
  it('keeps nothing of a closed document', async () => {
    const text = defects();
    const typing = session(text, text.indexOf('\n', text.length >> 1) + 1);
    const documents = typing.type(3);
    // The last keystroke's outline, which the last comparison of two outlines holds apart from its document.
    const outline = new WeakRef(typing.project.get(PATH)!.result!.doc.outline.entries);
    typing.project.remove(PATH);
    forgetDocument(typing.cache, PATH);
    await collectGarbage();
    expect(documents.filter((d) => d.deref()).length).toBe(0);
    expect(outline.deref()).toBeUndefined();
  });
});
