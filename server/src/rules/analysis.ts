// What linting produces, as the rules that compare documents consume it: one
// document's result, and its contribution to the workspace as plain data.

import type { PolicylintConfig } from '../config/types';
import type { DisableRange } from '../engine/disable';
import type { PolicyDocument } from '../engine/document';
import type { Finding, Locale } from '../engine/types';
import type { CommitmentRecord } from '../policy/commitments';
import type { ManualPage } from '../policy/manual';
import type { LegalLimitCheck } from '../policy/regulations/check';

/** The result of linting one document: the parse, the locale its messages are in, and its findings. */
export interface LintResult {
  doc: PolicyDocument;
  locale: Locale;
  findings: Finding[];
}

/** What one document contributes to its workspace: plain data, so a worker thread or a cache can produce it. */
export interface DocumentAnalysis {
  path: string;
  locale: Locale;
  findings: Finding[];
  commitments: CommitmentRecord[];
  /** Inline disable switches, so project-wide findings honour them too. */
  disables?: DisableRange[];
  /** Set for a page of a multi-page manual: the topics it covers, judged with its other pages. */
  manual?: ManualPage;
  /** How its commitments compare with the statutory limits of the regulation packs it enables; absent when none is. */
  legalLimits?: LegalLimitCheck[];
}

export interface ProjectEntry {
  analysis: DocumentAnalysis;
  config: PolicylintConfig;
  /** The full result, kept only for documents analysed in this process (the editor needs the tree). */
  result?: LintResult;
}
