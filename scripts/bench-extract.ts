// Bundled and run by scripts/bench.mjs: what SLA extraction and the SLA checks
// add to parsing, on one corpus folder, in one process. Prints JSON.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createDocument } from '../server/src/policy/document';
import type { ProjectEntry, ProjectRule } from '../server/src/rules/contract';
import { ProjectReporter } from '../server/src/rules/project-support';
import { collectCommitments } from '../server/src/policy/commitments';
import { findVagueCommitments } from '../server/src/policy/sla';
import { PROJECT_RULES } from '../server/src/rules/project';

const dir = process.argv[2]!;
const texts = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .map((f) => [f, readFileSync(join(dir, f), 'utf8')] as const);
const best = (fn: () => void) => {
  let min = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
};
let docs = texts.map(([f, t]) => createDocument(f, t));
const parse = best(() => (docs = texts.map(([f, t]) => createDocument(f, t))));
let entries: ProjectEntry[] = [];
const extract = best(() => {
  entries = docs.map((d) => {
    // Every document counts as a policy here, so the checks see all 684 documents' commitments.
    const commitments = collectCommitments(createDocumentCopy(d)).map((c) => ({ ...c, documentKind: 'handbook' }));
    for (const b of d.md.prose) findVagueCommitments(b.text, d.language);
    return { analysis: { path: d.path, locale: 'zh-CN' as const, findings: [], commitments }, config: {} };
  });
});
const checks = best(() => {
  const rules: readonly ProjectRule[] = PROJECT_RULES;
  for (const rule of rules) rule.check({ documents: entries, reporter: new ProjectReporter(rule.id, rule.meta, entries) });
});
const commitments = entries.reduce((n, e) => n + e.analysis.commitments.length, 0);
console.log(JSON.stringify({ files: texts.length, parseMs: parse, extractMs: extract, checksMs: checks, commitments, overhead: (extract + checks) / parse }));

/** collectCommitments memoises per document; a shallow copy makes each timing round do the work. */
function createDocumentCopy<T extends object>(d: T): T {
  return { ...d };
}
