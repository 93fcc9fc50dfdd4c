// The editor analyses a document keystroke by keystroke, reusing what it
// remembered of the text that did not change (parsed chunks, line readings,
// extractions, commitments). Every step must give exactly what a from-scratch
// analysis of the same text gives: the findings, their fixes and related
// locations, the commitments, the outline. Documents: the samples, a handbook
// long enough to be cut in many chunks, and real documents from ../shared.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PolicylintConfig } from '../../server/src/config/types';
import { EditorCache } from '../../server/src/engine/editor-cache';
import { Project } from '../../server/src/lint/project';
import { REPO_ROOT, sharedAvailable } from '../helpers/cli';

const PATH = '/workspace/doc.md';

function markdownIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .map((f) => join(dir, f));
}

const SAMPLES = [...markdownIn(join(REPO_ROOT, 'samples/clean')), ...markdownIn(join(REPO_ROOT, 'samples/defects'))];
const REALDOCS = join(REPO_ROOT, '../shared/realdocs');
const REAL = sharedAvailable([REALDOCS], 'realdocs')
  ? ['en/gcforms-sla.md', 'en/zitadel-support-services.md', 'en/moj-cloud-platform-ops.md', 'zh/msmd-admin-support-zh.md', 'zh/openeuler_gitee_mgmt_guide.md'].map((f) => join(REALDOCS, f))
  : [];

/** What a user sees of one analysis, as plain data: findings with fixes and related locations, commitments, the outline. */
function snapshot(project: Project) {
  const entry = project.get(PATH)!;
  const doc = entry.result!.doc;
  return {
    findings: project.findings(PATH),
    commitments: entry.analysis.commitments,
    disables: entry.analysis.disables,
    legalLimits: entry.analysis.legalLimits,
    manual: entry.analysis.manual,
    kind: [doc.kind, doc.kindSource, doc.kindReason, doc.language, doc.title],
    outline: doc.outline.entries.map((e) => ({ ...e, marker: e.marker && { ...e.marker } })),
    toc: doc.outline.toc,
  };
}

/** A small deterministic generator, so a failure names a step that can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** What people type into a policy: headings, numbers, list markers, deadlines, blanks, table rows, fences, comments. */
const TYPED = ['## 第三章 服务', '\n\n', '：', 'such as', '1. ', '（二）', '四、', '2小时内答复', 'within 4 business hours', '【公司名称】', '| 热线 | 20秒 |\n', '```', '<!--', '目录', '> ', '**', '\n', ' ', '第十条 '];

/**
 * Types a few strings one character at a time at places chosen by `seed`, deletes a
 * few characters and a line, and checks each step against a fresh analysis.
 */
function replay(text: string, seed: number, steps: number, config: PolicylintConfig = {}): number {
  const next = random(seed);
  const editor = new Project();
  const cache = new EditorCache();
  editor.update(PATH, text, { config, cache });
  let checked = 0;
  const check = () => {
    editor.update(PATH, text, { config, cache });
    const fresh = new Project();
    fresh.update(PATH, text, { config });
    expect(snapshot(editor), `step ${checked} of seed ${seed}`).toEqual(snapshot(fresh));
    checked++;
  };
  while (checked < steps) {
    const at = Math.floor(next() * (text.length + 1));
    const roll = next();
    if (roll < 0.2 && text.length > 0) {
      // Backspace a few characters.
      const start = Math.max(0, at - 1 - Math.floor(next() * 3));
      text = text.slice(0, start) + text.slice(at);
      check();
    } else if (roll < 0.3) {
      // Delete the whole line.
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      const lineEnd = text.indexOf('\n', at);
      text = text.slice(0, lineStart) + (lineEnd < 0 ? '' : text.slice(lineEnd + 1));
      check();
    } else {
      // Type at the start of a line half of the time: where markers and headings begin.
      const where = next() < 0.5 ? text.lastIndexOf('\n', at - 1) + 1 : at;
      const typed = TYPED[Math.floor(next() * TYPED.length)]!;
      for (let i = 0; i < typed.length && checked < steps; i++) {
        text = text.slice(0, where + i) + typed[i] + text.slice(where + i);
        check();
      }
    }
  }
  return checked;
}

describe('the editor path gives a fresh analysis at every keystroke', () => {
  it.each(SAMPLES.map((f) => [f.slice(REPO_ROOT.length + 1), f]))('%s', (_name, file) => {
    expect(replay(readFileSync(file, 'utf8'), file.length, 40)).toBe(40);
  });

  it.each(REAL.map((f) => [f.slice(REALDOCS.length + 1), f]))('real document %s', (_name, file) => {
    expect(replay(readFileSync(file, 'utf8'), file.length * 7, 25)).toBe(25);
  });

  it('a handbook long enough to be cut in many chunks, typed into the same places', () => {
    const sample = readFileSync(join(REPO_ROOT, 'samples/clean/customer-service-handbook.md'), 'utf8');
    const body = sample.slice(sample.indexOf('\n## '));
    const long = sample + body + body.replace(/^## (.*)$/gm, '## $1（续）');
    expect(replay(long, 3, 40)).toBe(40);
  });

  // Most keystrokes there leave the outline as it was: what is carried over from the last one (findings of the
  // outline's rules, commitments of untouched blocks) must be what a fresh analysis finds.
  it.each([5, 9, 13])('the long handbook, typed into at places of seed %i', (seed) => {
    const sample = readFileSync(join(REPO_ROOT, 'samples/clean/customer-service-handbook.md'), 'utf8');
    const body = sample.slice(sample.indexOf('\n## '));
    expect(replay(sample + body.replace(/^## (.*)$/gm, '## $1（续）'), seed, 30)).toBe(30);
  });

  it('with a config that names the kind, the organisation and a regulation pack', () => {
    const file = join(REPO_ROOT, 'samples/defects/complaint-commitment-letter.md');
    expect(replay(readFileSync(file, 'utf8'), 11, 30, { kind: 'commitment-letter', organization: '华信', regulations: ['cn-banking-consumer-complaints', 'cn-consumer-protection-distance-sales'] })).toBe(30);
  });
});

/**
 * Several documents of one organisation open at once, typed into one after another: the
 * cross-document findings (carried over when no commitment changed, lint/cross-reuse.ts) and the
 * SLA table must be those of a fresh workspace at every step.
 */
function replayWorkspace(dir: string, seed: number, steps: number): number {
  const config = JSON.parse(readFileSync(join(dir, '.policylintrc.json'), 'utf8')) as PolicylintConfig;
  const texts = new Map(markdownIn(dir).map((f) => [f, readFileSync(f, 'utf8')]));
  const next = random(seed);
  const editor = new Project();
  const cache = new EditorCache();
  for (const [path, text] of texts) editor.update(path, text, { config, cache });
  const table = (p: Project) => p.commitmentTable().map((r) => [r.record.path, r.record.valueStart, r.record.key, r.status, r.related.length]);
  for (let step = 0; step < steps; step++) {
    const path = [...texts.keys()][Math.floor(next() * texts.size)]!;
    const text = texts.get(path)!;
    const at = Math.floor(next() * (text.length + 1));
    const typed = ['24小时内', '3个工作日内', '\n', '：', ' ', '热线电话须在30秒内接通。\n', '<!-- policylint-disable sla-conflict -->'][Math.floor(next() * 7)]!;
    texts.set(path, next() < 0.25 ? text.slice(0, Math.max(0, at - 2)) + text.slice(at) : text.slice(0, at) + typed + text.slice(at));
    editor.update(path, texts.get(path)!, { config, cache });
    const fresh = new Project();
    for (const [p, t] of texts) fresh.update(p, t, { config });
    for (const p of texts.keys()) expect(editor.findings(p), `step ${step} of seed ${seed}, ${p}`).toEqual(fresh.findings(p));
    expect(table(editor), `step ${step} of seed ${seed}`).toEqual(table(fresh));
  }
  return steps;
}

describe('the editor path gives a fresh workspace at every keystroke', () => {
  it.each([1, 2])('the samples with defects, typed into one after another (seed %i)', (seed) => {
    expect(replayWorkspace(join(REPO_ROOT, 'samples/defects'), seed, 25)).toBe(25);
  });
});
