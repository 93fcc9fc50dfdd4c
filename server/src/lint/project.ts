// The workspace: every document of a CLI run or an editor session, analysed
// once each, plus the checks that compare documents with each other (an SLA
// promised differently in the handbook and the commitment letter). The CLI and
// the language server both hold one, so cross-document findings are the same
// in both.

import type { EditorCache } from '../engine/editor-cache';
import { forgetCommitmentReadings, policyCommitments } from '../policy/commitments';
import { manualPage } from '../policy/manual';
import { documentLegalLimits } from '../policy/regulations/check';
import { disableRanges } from '../engine/disable';
import { lintText, NO_CONFIG, type LintOptions, type LintResult } from './linter';
import { forgetOutlineFindings } from './outline-reuse';
import { forgetLastChange } from '../engine/text-change';
import { forgetLastComparison } from '../engine/outline-change';
import { forgetOutline } from '../engine/outline-moved';
import { ProjectIndex, type DocumentAnalysis } from './project-index';

export { ProjectIndex, type DocumentAnalysis, type ProjectEntry } from './project-index';

export function analyseText(path: string, text: string, options: LintOptions = {}): { analysis: DocumentAnalysis; result: LintResult } {
  const result = lintText(path, text, options);
  const commitments = policyCommitments(result.doc);
  const disables = disableRanges(result.doc.md.comments, result.doc.lines);
  const manual = manualPage(result.doc, options.config ?? NO_CONFIG);
  const legalLimits = documentLegalLimits(result.doc, options.config ?? NO_CONFIG).checks;
  return {
    analysis: { path, locale: result.locale, findings: result.findings, commitments, disables, ...(manual ? { manual } : {}), ...(legalLimits.length ? { legalLimits } : {}) },
    result,
  };
}

/** A ProjectIndex that can also analyse text itself (the editor, tests). */
export class Project extends ProjectIndex {
  /** Lints `text` as document `path` and keeps its analysis. */
  update(path: string, text: string, options: LintOptions = {}): LintResult {
    const { analysis, result } = analyseText(path, text, options);
    this.entries.set(path, { analysis, config: options.config ?? NO_CONFIG, result });
    this.crossFindings = undefined;
    return result;
  }
}

/**
 * The editor closed the document at `path`: what its editor cache kept of its last analysis for
 * the next keystroke (its chunk cuts and text, its outline, the outline's findings, the commitments' block
 * readings and records) goes. What is kept by text (parsed chunks, memos) stays, bounded.
 */
export function forgetDocument(cache: EditorCache, path: string): void {
  cache.chunks.forget(path);
  forgetOutline(cache.outline, path);
  forgetOutlineFindings(cache, path);
  forgetCommitmentReadings(cache, path);
  // The last change and outline comparison are kept for whichever document was edited last: maybe this one.
  forgetLastChange();
  forgetLastComparison();
}
