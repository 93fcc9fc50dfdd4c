// An indented code block that reads as sentences is prose (a converted page's list under a "•" line);
// one that reads as code, a fenced block and the outline are left as they were.

import { describe, expect, it } from 'vitest';
import { collectCommitments } from '../../server/src/policy/commitments';
import { createDocument } from '../../server/src/policy/document';

const CHARTER = [
  'Our customer charter',
  '',
  '  • Commitment 1 - We are committed to a responsive service',
  '',
  '    1. We aim to answer every phone call within 30 seconds',
  '',
  '    2. We aim to resolve queries within 5 working days of receipt',
  '',
].join('\n');

describe('an indented block of sentences', () => {
  it('is read for commitments, each at its place in the source', () => {
    const doc = createDocument('/charter.md', CHARTER);
    const rows = collectCommitments(doc).map((r) => [r.metric, r.valueText, doc.text.slice(r.valueStart, r.valueEnd)]);
    expect(rows).toEqual([
      ['answer', '30 seconds', '30 seconds'],
      ['resolve', '5 working days', '5 working days'],
    ]);
  });

  it('adds no numbered entry to the outline', () => {
    expect(createDocument('/charter.md', CHARTER).outline.entries.map((e) => e.title)).not.toContain('We aim to answer every phone call within 30 seconds');
  });

  it.each([
    ['an indented block of code', 'Example:\n\n    const sla = { responseMinutes: 30 };\n    if (late) { notify($team); }\n'],
    ['a fenced block of sentences', 'Example:\n\n```\nWe aim to answer every phone call within 30 seconds and reply within 2 days.\n```\n'],
  ])('leaves %s alone', (_name, text) => {
    expect(collectCommitments(createDocument('/doc.md', text))).toEqual([]);
  });
});
