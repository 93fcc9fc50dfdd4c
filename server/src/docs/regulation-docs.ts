// docs/regulations.md, generated from the regulation packs so that the citations
// a reader sees are the ones the rule checks (`npm run docs`).

import { REGULATION_PACKS, type RegulationLimit } from '../policy/regulations/packs';
import { limitValue } from '../policy/regulations/labels';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function promiseText(limit: RegulationLimit): string {
  const p = limit.promise;
  const parts = [`metric ${p.metrics.map((m) => `\`${m}\``).join(', ')}`];
  if (p.channels) parts.unshift(`channel ${p.channels.map((c) => `\`${c}\``).join(', ')}`);
  for (const [dimension, values] of Object.entries(p.scope ?? {})) {
    parts.push(`${dimension} ${values!.map((v) => (v === null ? 'none stated' : `\`${v}\``)).join(' or ')}`);
  }
  if (p.subject) parts.push(`about ${[...(p.subject.zh ?? []), ...(p.subject.en ?? [])].map((w) => `“${w}”`).join(', ')}`);
  return parts.join('; ');
}

export function regulationsDoc(): string {
  const out = [
    '<!-- policylint-disable -->',
    '<!-- This page quotes statutory deadlines; they are the law\'s, not promises. Generated from server/src/policy/regulations/packs/ by `npm run docs`. Do not edit. -->',
    '# Regulation packs',
    '',
    '> **A drafting aid, not legal advice.** The packs record a few statutory limits on what a service policy may promise, with the provision they were read from. Laws change, have exceptions, and apply to some businesses and not others; whether a law applies to you, and what it requires of you, is for your legal or compliance team to decide.',
    '',
    'The [`regulatory-limit`](rules/regulatory-limit.md) rule checks each promise a document makes against the limits of the packs it enables. No pack is enabled unless the config or the document names it:',
    '',
    '```json',
    '{ "regulations": ["cn-banking-consumer-complaints"] }',
    '```',
    '',
    'or in front matter, which overrides the config for that document (`regulations: []` turns them off):',
    '',
    '```yaml',
    '---',
    'regulations: [eu-gdpr]',
    '---',
    '```',
    '',
    'An unknown id is an error: in a config file it names the file, line and key; in front matter the `front-matter` rule reports it.',
    '',
    'What the rule reports:',
    '',
    '- a promise slower than the law allows (an error that cites the law and article);',
    '- a promise on another clock that may exceed the limit (a warning that says why). Business days take at least as many calendar days and, with weekends and a public-holiday break of up to eight days, many more: `10个工作日` may exceed `15日`. A month is 28 to 31 days, so "30 days" may exceed "one month". policylint never treats two clocks as equal;',
    '- a promise the law requires that the document never states (a warning on the title), for limits marked required.',
    '',
    'A limit covers a promise by the commitment model: its channel, its metric, its scope (a limit for complex complaints covers only promises scoped to complex cases), and for some limits a word of their subject in the clause or the headings above it. The hover on a covered value shows the limit (`法定上限：15天（《…》…）· 符合`), and the SLA table (`policylint sla`, and the editor\'s table) gets a legal-limit column.',
    '',
    '## Packs',
    '',
  ];
  for (const pack of REGULATION_PACKS) {
    out.push(`### \`${pack.id}\`: ${pack.title.en}`, '');
    out.push(`${pack.title['zh-CN']}`, '');
    out.push(`- Jurisdiction: ${pack.jurisdiction}; sector: ${pack.sector}; written for ${pack.language === 'zh' ? 'Chinese' : 'English'} documents`);
    out.push(`- Law: ${pack.citation.law['zh-CN']} (${pack.citation.law.en})`);
    out.push(`- Instrument: ${pack.citation.instrument}`);
    out.push(`- In force on: ${pack.citation.inForce} (the text was checked as in force on that date)`);
    out.push(`- Source: <${pack.citation.url}>`, '');
    out.push('| limit | article | promise it covers | required | explanation |', '| --- | --- | --- | --- | --- |');
    for (const limit of pack.limits) {
      const bound = `${limit.comparator === 'at-most' ? 'at most' : 'at least'} ${limitValue(limit, 'en')} (${limitValue(limit, 'zh-CN')})`;
      out.push(`| ${cell(`${limit.topic.en}: ${bound}`)} | ${cell(`${limit.article.en} / ${limit.article['zh-CN']}`)} | ${cell(promiseText(limit))} | ${limit.required ? 'yes' : 'no'} | ${cell(`${limit.explanation.en} ${limit.explanation['zh-CN']}`)} |`);
    }
    out.push('');
    for (const limit of pack.limits) out.push(`Provision read for \`${limit.id}\`:`, '', `> ${limit.provision}`, '');
  }
  out.push(
    '## Not shipped',
    '',
    'Candidates whose limit could not be checked against the primary text, or which set no deadline a policy promises, are left out rather than guessed:',
    '',
    '- 《App违法违规收集使用个人信息行为认定方法》: the 15-working-day limit for correcting or deleting personal information or cancelling an account. Its item was not found in a primary text.',
    '- ASIC Regulatory Guide 271: the 30-calendar-day IDR response. Only secondary sources were found, not the guide itself.',
    '- FCA DISP 1.5: a complaint resolved by the close of the third business day may get a summary resolution communication. This is a condition for a lighter procedure, not a deadline to promise.',
    '- FCA DISP 1.6.2AR: 15 business days (35 in exceptional cases) for payment services and e-money complaints. The commitment model has no scope value for those complaints yet.',
    '- 《银行业保险业消费投诉处理管理办法》: the article number of the 15/30-day provision was not confirmed in the primary text, so the pack cites its chapter.',
    '',
  );
  return out.join('\n');
}
