// The per-file work of a CLI run: read, lint, fix, write. It runs in the main
// thread or in a worker thread (dist/engine.js), so its input and output are
// plain data, and it reports problems as values instead of throwing.

import { createHash } from 'node:crypto';
import type { PolicylintConfig } from '../config/types';
import { directiveRanges, disableRanges, type DisableRange } from '../engine/disable';
import { fixText, lintText, type LintResult } from '../lint/linter';
import type { CommitmentRecord } from '../policy/commitments';
import { documentLegalLimits, type LegalLimitCheck } from '../policy/regulations/check';
import { collectCommitments, policyCommitments } from '../policy/commitments';
import { manualPage, type ManualPage } from '../policy/manual';
import type { DocumentKind, KindSource, Language, Locale, PlacedFinding } from '../engine/types';
import type { LocaleSetting } from '../l10n/format';
import { unifiedDiff } from './diff';
import { FileChangedError, readFileBytes, readTextFile, WriteRefusedError, writeFileAtomic } from '../io/write';
import { WORD_EXTENSIONS } from '../io/docx';
import { headingPaths, readWordDocument } from './word';

export interface AnalyseTask {
  file: string;
  display: string;
  /** The workspace folders (real paths): --fix writes nothing outside them. */
  roots: string[];
  config: PolicylintConfig;
  locale?: LocaleSetting;
  maxBytes: number;
  fix: boolean;
  fixDryRun: boolean;
  /** Commitments of every document, not only service policies (for the SLA table). */
  allCommitments?: boolean;
  /** The document's text (from stdin): used instead of reading `file`, and never written back. */
  text?: string;
  /**
   * Inline `policylint-disable…` comments: applied ('on', the default), ignored ('off',
   * --no-inline-config), or not applied but returned as `directives` so the CLI can apply
   * them and report the unused ones ('report').
   */
  inlineConfig?: InlineConfigMode;
}

export type InlineConfigMode = 'on' | 'off' | 'report';

/** What one file contributes to a run: placed findings (fixes dropped) and commitments. */
export interface FileAnalysis {
  path: string;
  kind: DocumentKind | null;
  kindSource: KindSource;
  kindReason?: string;
  language: Language;
  locale: Locale;
  findings: PlacedFinding[];
  commitments: CommitmentRecord[];
  disables: DisableRange[];
  /** A page of a multi-page manual: the topics it covers. */
  manual?: ManualPage;
  /** How its commitments compare with the enabled regulation packs' limits. */
  legalLimits?: LegalLimitCheck[];
  /** A Word document: where each line of the Markdown it was read as came from. */
  word?: WordPlaces;
  /** Its inline disable directives, placed (only when asked to report unused ones). */
  directives?: PlacedDirective[];
}

/** Where the lines of a Word document's Markdown came from, for placing findings. */
export interface WordPlaces {
  /** For each line (index = line - 1), the 1-based Word paragraph; 0 where none. */
  paragraphs: number[];
  /** The heading paths of the document's sections. */
  headingPaths: string[][];
  /** For each line, the index of its heading path; -1 before the first section. */
  sectionByLine: number[];
}

/** A disable directive's range (0-based lines) and where its comment is (1-based, as findings are). */
export interface PlacedDirective extends DisableRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface AnalyseOutcome {
  display: string;
  analysis?: FileAnalysis;
  skipped?: string;
  /** The content's sha256, for the cache. */
  hash?: string;
  diff?: string;
  fixed?: boolean;
  /** --fix had fixes for this file but did not write them (refused, changed meanwhile, I/O error). */
  unwritten?: boolean;
  /** A document that should have been linted could not be read (a damaged or encrypted Word file): the run fails. */
  unreadable?: boolean;
  /** Messages for stderr. */
  notes: string[];
}

function place(result: LintResult): PlacedFinding[] {
  return result.findings.map((f) => ({ ...f, ...result.doc.lines.toPlace(f), fixable: f.fixes.some((x) => x.kind === 'fix'), fixes: [] }));
}

export async function analyseFile(task: AnalyseTask): Promise<AnalyseOutcome> {
  if (WORD_EXTENSIONS.test(task.file)) return analyseWordFile(task);
  const { display } = task;
  const read = task.text !== undefined ? { ok: true as const, text: task.text, bytes: Buffer.from(task.text, 'utf8') } : await readTextFile(task.file, task.maxBytes);
  if (!read.ok) return { display, skipped: read.reason, notes: [`skipped ${display}: ${read.reason}`] };
  const hash = createHash('sha256').update(read.bytes).digest('hex');
  const mode = task.inlineConfig ?? 'on';
  const options = { config: task.config, locale: task.locale, inlineConfig: mode === 'on' };
  const outcome: AnalyseOutcome = { display, hash, notes: [] };
  let result: LintResult;
  if (task.fix || task.fixDryRun) {
    const fixed = fixText(display, read.text, options);
    result = fixed.result;
    if (fixed.text !== read.text) {
      if (task.fixDryRun) {
        outcome.diff = unifiedDiff(display, read.text, fixed.text);
      } else {
        try {
          await writeFileAtomic(task.file, fixed.text, read.bytes, { roots: task.roots });
          outcome.fixed = true;
          outcome.hash = createHash('sha256').update(fixed.text).digest('hex');
        } catch (e) {
          const why = e instanceof FileChangedError ? 'the file changed while it was being linted; run again' : e instanceof WriteRefusedError ? e.reason : (e as Error).message;
          outcome.notes.push(`did not write fixes to ${display}: ${why}`);
          outcome.unwritten = true;
          result = lintText(display, read.text, options);
        }
      }
    }
  } else {
    result = lintText(display, read.text, options);
  }
  outcome.analysis = describe(result, task);
  return outcome;
}

function describe(result: LintResult, task: AnalyseTask): FileAnalysis {
  const mode = task.inlineConfig ?? 'on';
  const analysis: FileAnalysis = {
    path: task.display,
    kind: result.doc.kind ?? null,
    kindSource: result.doc.kindSource,
    ...(result.doc.kindReason ? { kindReason: result.doc.kindReason } : {}),
    language: result.doc.language,
    locale: result.locale,
    findings: place(result),
    commitments: task.allCommitments ? collectCommitments(result.doc) : policyCommitments(result.doc),
    disables: mode === 'on' ? disableRanges(result.doc.md.comments, result.doc.lines) : [],
  };
  if (mode === 'report') {
    analysis.directives = directiveRanges(result.doc.md.comments, result.doc.lines).map(({ rule, from, to, start, end }) => {
      const at = result.doc.lines.toPlace({ start, end });
      return { rule, from, to, line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn };
    });
  }
  const manual = manualPage(result.doc, task.config);
  if (manual) analysis.manual = manual;
  const legalLimits = documentLegalLimits(result.doc, task.config).checks;
  if (legalLimits.length) analysis.legalLimits = legalLimits;
  return analysis;
}

/**
 * A Word document is linted as the Markdown `policylint convert` writes for it. --fix never
 * writes a .docx: the fixes would have to go back into Word's XML, so it says so instead.
 */
async function analyseWordFile(task: AnalyseTask): Promise<AnalyseOutcome> {
  const { display } = task;
  const read = await readFileBytes(task.file, task.maxBytes);
  if (!read.ok) return { display, skipped: read.reason, notes: [`skipped ${display}: ${read.reason}`] };
  const hash = createHash('sha256').update(read.bytes).digest('hex');
  const word = readWordDocument(display, read.bytes, task.config);
  if (!word.ok) return { display, hash, skipped: word.reason, unreadable: true, notes: [`could not read ${display}: ${word.reason}`] };
  const outcome: AnalyseOutcome = { display, hash, notes: word.notes.map((n) => `${display}: ${n}`) };
  const result = lintText(display, word.text, { config: task.config, locale: task.locale, inlineConfig: (task.inlineConfig ?? 'on') === 'on' });
  if ((task.fix || task.fixDryRun) && result.findings.some((f) => f.fixes.some((x) => x.kind === 'fix'))) {
    outcome.notes.push(`${display}: --fix never writes a Word document; convert it (policylint convert ${display} -o FILE.md) or fix it in Word`);
  }
  const analysis = describe(result, task);
  analysis.kindSource = word.kindSource;
  if (word.kindReason) analysis.kindReason = word.kindReason;
  else delete analysis.kindReason;
  const lineCount = word.text.split('\n').length;
  const { paths, byLine } = headingPaths(result.doc.outline, word.text, lineCount);
  analysis.word = { paragraphs: word.source.paragraphs, headingPaths: paths, sectionByLine: byLine };
  outcome.analysis = analysis;
  return outcome;
}
