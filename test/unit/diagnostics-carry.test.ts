// The editor's diagnostics carried over a keystroke (features/convert.ts convertFindings): the
// same finding objects, moved in place by the edit as the outline rules move them, must give
// exactly the diagnostics a fresh conversion gives, and the unchanged ones must be the last
// answer's objects.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Location } from 'vscode-languageserver/node';
import { LineIndex } from '../../server/src/engine/position';
import { changeBetween } from '../../server/src/engine/text-change';
import type { Finding } from '../../server/src/engine/types';
import { convertFindings, toDiagnostic } from '../../server/src/features/convert';
import { findingWithLazyFixes, movedFinding } from '../../server/src/lint/finding';

/** Related locations as another document's index places them: `version` stands for that document's edits. */
const locateIn =
  (version: number) =>
  (path: string): Location => ({ uri: `file://${path}`, range: { start: { line: version, character: 0 }, end: { line: version, character: 0 } } });
const locate = locateIn(0);

function finding(start: number, end: number, message = 'm', related: Finding['related'] = []): Finding {
  return findingWithLazyFixes('toc-mismatch', 'warning', 'm', message, start, end, related, () => [], undefined);
}

describe('convertFindings', () => {
  it('equals a fresh conversion after any edit, whatever moved, changed or came', () => {
    const piece = fc.constantFrom('a', '中', '\n', '\r', '\r\n', '\n\n', '😀');
    const text = fc.array(piece, { minLength: 1, maxLength: 40 }).map((parts) => parts.join(''));
    let reused = 0;
    fc.assert(
      fc.property(text, text, fc.nat(), fc.nat(), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(5)), { maxLength: 12 }), (before, inserted, at, removed, picks) => {
        const start = at % (before.length + 1);
        const after = before.slice(0, start) + inserted + before.slice(Math.min(before.length, start + (removed % 4)));
        const change = changeBetween(before, after);
        const previous = new LineIndex(before);
        const edited = LineIndex.edited(previous, after, change);
        const spans = picks.map(([a, b]) => [a % (before.length + 1), b % (before.length + 1)].sort((x, y) => x - y) as [number, number]);
        const findings = spans.map(([a, b], i) => finding(a, b, 'm', i % 5 === 4 ? [{ path: '/other.md', start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1, message: 'r' }] : []));
        const last = convertFindings(findings, previous, locate);
        expect(last.diagnostics).toEqual(findings.map((f) => toDiagnostic(f, previous, locate)));
        // Each finding moved with the text (reworded or not), moved elsewhere, replaced, or dropped; a new one comes.
        const now: Finding[] = [];
        picks.forEach(([, , what], i) => {
          const f = findings[i]!;
          const [a, b] = [change.map(f.start), change.map(f.end)];
          if (what === 0 || a === undefined || b === undefined) return;
          if (what === 1) now.push(movedFinding(f, Math.min(after.length, f.start + 1), Math.min(after.length, f.end + 1), f.related, () => []));
          else if (what === 2) now.push(finding(a, b, 'another'));
          else if (what === 3) {
            f.message = 'reworded';
            now.push(movedFinding(f, a, b, f.related, () => []));
          }
          else now.push(movedFinding(f, a, b, f.related, () => []));
        });
        now.push(finding(0, after.length));
        // The other document was edited too: related locations are placed again.
        const carried = convertFindings(now, edited, locateIn(1), last);
        expect(carried.diagnostics).toEqual(now.map((f) => toDiagnostic(f, edited, locateIn(1))));
        reused += carried.diagnostics.filter((d) => last.diagnostics.includes(d)).length;
      }),
      { numRuns: 2000 },
    );
    expect(reused).toBeGreaterThan(300);
  });

  it('gives the last object for a finding the edit left alone, and a new one for what it touched', () => {
    const before = '# 一\n\n第一条。\n\n第二条。\n';
    const after = before.replace('第二条', '第二条款');
    const previous = new LineIndex(before);
    const findings = [finding(before.indexOf('第一'), before.indexOf('第一') + 3), finding(before.indexOf('第二'), before.indexOf('第二') + 4)];
    const last = convertFindings(findings, previous, locate);
    const change = changeBetween(before, after);
    const moved = findings.map((f) => movedFinding(f, change.map(f.start) ?? f.start, f === findings[1] ? f.end + 1 : f.end, [], () => []));
    const carried = convertFindings(moved, LineIndex.edited(previous, after, change), locate, last);
    expect(carried.diagnostics[0]).toBe(last.diagnostics[0]);
    expect(carried.diagnostics[1]).not.toBe(last.diagnostics[1]);
    expect(carried.diagnostics[1]!.range.end).toEqual({ line: 4, character: 5 });
  });
});
