import type { FileResult, RunSummary } from '../report';
import type { FormatContext } from './context';

// JUnit XML, which CI servers (Jenkins, GitLab, Azure Pipelines) show as test results: one
// test suite per file, one failing test case per finding, one passing case for a clean file.

/**
 * Text in XML 1.0 markup: the five special characters as entities; characters XML cannot hold
 * at all (C0 controls but tab and line breaks, lone surrogates, U+FFFE/FFFF) and the C1 and
 * bidirectional controls a viewer would act on are written as visible `<U+XXXX>`-style text.
 */
export function xmlText(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

export function formatJunit(results: FileResult[], summary: RunSummary, _ctx: FormatContext): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const failures = summary.errors + summary.warnings + summary.infos;
  const tests = results.reduce((n, r) => n + Math.max(1, r.findings.length), 0);
  out.push(`<testsuites name="policylint" tests="${tests}" failures="${failures}" errors="0">`);
  for (const file of results) {
    const path = xmlText(file.path);
    const cases = Math.max(1, file.findings.length);
    out.push(`  <testsuite name="${path}" tests="${cases}" failures="${file.findings.length}" errors="0" skipped="${file.skipped ? 1 : 0}">`);
    if (file.skipped) {
      out.push(`    <testcase classname="${path}" name="policylint"><skipped message="${xmlText(file.skipped.reason)}"/></testcase>`);
    } else if (file.findings.length === 0) {
      out.push(`    <testcase classname="${path}" name="policylint"/>`);
    }
    for (const f of file.findings) {
      const where = `${file.path}:${f.line}:${f.column}`;
      out.push(`    <testcase classname="${path}" name="${xmlText(`${f.ruleId} ${f.line}:${f.column}`)}">`);
      out.push(`      <failure type="${f.severity}" message="${xmlText(f.message)}">${xmlText(`${where} ${f.severity} ${f.message} (${f.ruleId})`)}</failure>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
