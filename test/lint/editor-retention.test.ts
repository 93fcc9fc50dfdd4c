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
import { Project } from '../../server/src/lint/project';
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
});
