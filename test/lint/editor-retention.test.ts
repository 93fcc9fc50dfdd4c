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

describe('the editor between keystrokes', () => {
  it('keeps no document of an older keystroke, findings, fixes and commitments carried over included', async () => {
    // vitest.config.mts starts test workers with --expose-gc; without it this test cannot look.
    expect(collect).toBeTypeOf('function');
    const sample = readFileSync(join(REPO_ROOT, 'samples/defects/customer-service-handbook.md'), 'utf8');
    const project = new Project();
    const cache = new EditorCache();
    const documents: WeakRef<object>[] = [];
    let text = sample + sample.slice(sample.indexOf('\n## '));
    const at = text.indexOf('\n', text.length >> 1) + 1;
    for (let i = 0; i < 12; i++) {
      text = text.slice(0, at) + '文' + text.slice(at);
      const result = project.update('/workspace/handbook.md', text, { cache });
      project.findings('/workspace/handbook.md');
      documents.push(new WeakRef(result.doc));
    }
    // A WeakRef's target lives to the end of the job that made it: collect in a later one.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collect!();
    const kept = documents.map((d, i) => (d.deref() ? i : -1)).filter((i) => i >= 0);
    expect(kept.every((i) => i >= documents.length - 2), `documents still held: ${kept.join(', ')}`).toBe(true);
  });

  // A memo keyed by a line or a chunk sliced from the text kept that keystroke's whole text: V8's slice is a
  // view of the string it came from. Typing 30 characters into a 600 KB text kept 30 texts, 18 MB.
  it('keeps no text of an older keystroke in its memos', async () => {
    expect(collect).toBeTypeOf('function');
    const sample = readFileSync(join(REPO_ROOT, 'samples/clean/customer-service-handbook.md'), 'utf8');
    const body = sample.slice(sample.indexOf('\n## '));
    let text = sample;
    for (let i = 2; text.length < 300_000; i++) text += body.replace(/^## (.*)$/gm, `## $1（续${i}）`);
    const project = new Project();
    const cache = new EditorCache();
    let at = text.indexOf('。', text.length >> 1) + 1;
    const type = (n: number) => {
      for (let i = 0; i < n; i++) {
        text = text.slice(0, at) + '文' + text.slice(at);
        at++;
        project.update('/workspace/handbook.md', text, { cache });
        project.findings('/workspace/handbook.md');
      }
    };
    const heap = async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      collect!();
      return process.memoryUsage().heapUsed;
    };
    type(3);
    const before = await heap();
    const keystrokes = 30;
    type(keystrokes);
    const grown = (await heap()) - before;
    // Each keystroke may keep what it parsed anew (a chunk, a line), not a copy of the whole text (2 bytes a character).
    expect(grown).toBeLessThan((keystrokes * text.length * 2) / 4);
  });

  // The editor keeps a document's last analysis for its next keystroke: once the document is closed,
  // nothing of it may stay (a session that opens many documents would keep them all).
  it('keeps nothing of a closed document', async () => {
    expect(collect).toBeTypeOf('function');
    const sample = readFileSync(join(REPO_ROOT, 'samples/defects/customer-service-handbook.md'), 'utf8');
    const project = new Project();
    const cache = new EditorCache();
    const documents: WeakRef<object>[] = [];
    let text = sample;
    const at = text.indexOf('\n', text.length >> 1) + 1;
    for (let i = 0; i < 3; i++) {
      text = text.slice(0, at) + '文' + text.slice(at);
      documents.push(new WeakRef(project.update('/workspace/handbook.md', text, { cache }).doc));
      project.findings('/workspace/handbook.md');
    }
    project.remove('/workspace/handbook.md');
    forgetDocument(cache, '/workspace/handbook.md');
    await new Promise((resolve) => setTimeout(resolve, 0));
    collect!();
    expect(documents.filter((d) => d.deref()).length).toBe(0);
  });
});
