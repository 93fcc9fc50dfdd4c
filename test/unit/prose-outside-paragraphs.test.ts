// Prose that is no Markdown paragraph: an indented code block that reads as sentences (a converted page's list
// under a "•" line) and a front-matter field a site shows as the page's lead (intro:). A block that reads as code,
// a fenced block, the outline and the other front-matter fields are left as they were.

import { describe, expect, it } from 'vitest';
import { collectCommitments } from '../../server/src/policy/commitments';
import { createDocument } from '../../server/src/policy/document';
import { coversTopic, requiredTopics } from '../../server/src/policy/sections';

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
    ['an indented sample log that is no list', 'Sample call log:\n\n    The call on 3 May was answered in 45 seconds by the duty officer.\n    The caller was told a reply would follow within 2 days.\n'],
    ['a fenced block of sentences', 'Example:\n\n```\nWe aim to answer every phone call within 30 seconds and reply within 2 days.\n```\n'],
  ])('leaves %s alone', (_name, text) => {
    expect(collectCommitments(createDocument('/doc.md', text))).toEqual([]);
  });
});

describe('a front-matter field the page shows as its lead', () => {
  const page = (field: string) => `---\ntitle: GitHub Enterprise Cloud 支持\n${field}: '在您当地时区的周一至周五为优先支持请求提供八小时响应服务。'\n---\n\n## 联系支持\n\n请通过支持门户提交工单。\n`;

  it('is read for commitments, at its place in the front matter', () => {
    const doc = createDocument('/support.md', page('intro'));
    expect(collectCommitments(doc).map((r) => [r.metric, doc.text.slice(r.valueStart, r.valueEnd)])).toEqual([['first-response', '八小时']]);
  });

  it('leaves the fields a site does not show (description) alone', () => {
    expect(collectCommitments(createDocument('/support.md', page('description')))).toEqual([]);
  });
});

describe('the days service is given', () => {
  const topic = () => requiredTopics({}, 'website-policy').find((t) => t.id === 'service-hours')!;

  it.each(['在您当地时区的周一至周五提供支持服务。', 'Support is available Monday to Friday.'])('cover service hours (%j)', (sentence) => {
    expect(coversTopic(sentence, topic())).toBe(true);
  });

  it.each(['P1 – 4 business hours.', 'We respond within four business hours.'])('are not said by a number of business hours (%j)', (sentence) => {
    expect(coversTopic(sentence, topic())).toBe(false);
  });
});
