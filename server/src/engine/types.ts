// The engine's shared vocabulary. Nothing here knows about LSP or vscode:
// positions are UTF-16 offsets into the document text (what JavaScript strings
// index by); they are converted to lines and columns in one place only
// (engine/position.ts).

import type { Severity } from '../config/types';

export type { DocumentKind, Severity, SeveritySetting } from '../config/types';
export type Locale = 'zh-CN' | 'en';
export type Language = 'zh' | 'en';
/** How the kind was decided: declared, named by the title, the config or the file name, inferred from the content, or not at all. */
export type KindSource = 'front-matter' | 'title' | 'config' | 'file-name' | 'content' | 'none';

/** A message in both languages the tool speaks. */
export interface LocalizedText {
  en: string;
  'zh-CN': string;
}

/** A half-open range of UTF-16 offsets, [start, end). */
export interface Span {
  start: number;
  end: number;
}

export interface TextEdit extends Span {
  text: string;
}

export type FixKind = 'fix' | 'suggestion';

/**
 * A fix is a list of non-overlapping edits. `fix` may be applied by `--fix`
 * without a human looking; `suggestion` is offered in the editor only.
 */
export interface Fix {
  kind: FixKind;
  title: string;
  edits: TextEdit[];
  /** Where the editor should put the selection after applying (offsets in the *edited* text). */
  selectAfter?: Span;
}

/** A 1-based line/column place; columns count Unicode code points. */
export interface Place {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface RelatedLocation extends Span, Place {
  path: string;
  message: string;
}

export interface Finding extends Span {
  ruleId: string;
  severity: Severity;
  messageId: string;
  message: string;
  related: RelatedLocation[];
  fixes: Fix[];
  /** Structured data behind the message (topic id, expected number…), for tools. */
  data?: Record<string, string | number>;
}

export interface RuleMeta<M extends string = string> {
  summary: LocalizedText;
  /** What it finds, with examples, for the README's rule table (Markdown; the README is in English). */
  finds: string;
  description: LocalizedText;
  severity: Severity;
  /** `fix`: --fix applies it; `suggestion`: editor only; false: none. */
  fixable: FixKind | false;
  messages: Record<M, LocalizedText>;
  /** A Bad and a Good example in each language, shown on the rule's page and checked by test/rule-examples.test.ts. */
  examples?: RuleExamples<M>;
}

/** One example of a rule: a document as a writer would write it, linted as it stands. */
export interface RuleExample<M extends string = string> {
  /** The document the example is about (Markdown). */
  text: string;
  /** Other documents of the same workspace, by file name, for rules that compare documents. */
  workspace?: Record<string, string>;
  /** Config keys the example needs (JSON shown on the page). */
  config?: Record<string, unknown>;
  /** Bad examples: the one finding of this rule they produce, in `text`, by 1-based line and message id. */
  finding?: { line: number; messageId: M };
}

export interface RuleExamples<M extends string = string> {
  bad: Record<Locale, RuleExample<M> & { finding: { line: number; messageId: M } }>;
  good: Record<Locale, RuleExample<M>>;
}

/** A finding with its place resolved, as the CLI and its formatters see it. */
export interface PlacedFinding extends Finding, Place {
  fixable: boolean;
}

/** What a rule looks like from the outside; used by formatters (SARIF rules, docs). */
export interface RuleDescriptor {
  id: string;
  meta: RuleMeta;
}
