// What a rule is. Every rule, whether it reads one document or compares the
// documents of a workspace, declares all of its metadata in one place (id,
// summary, severity, fixability, messages in both languages) and one check.
// `defineRule` is the single entry: it validates the metadata and keeps the
// rule's id and message ids as literal types, so a report can only name a
// message that exists.

import type { PolicylintConfig } from '../config/types';
import type { PolicyDocument } from '../engine/document';
import type { Fix, Locale, RelatedLocation, RuleMeta, Severity, Span } from '../engine/types';
import type { ProjectEntry } from './analysis';
import type { ProjectReporter } from './project-support';

export type { DocumentAnalysis, LintResult, ProjectEntry } from './analysis';

export interface Report<M extends string = string> extends Span {
  messageId: M;
  data?: Record<string, string | number>;
  /** Overrides the rule's severity for this message (e.g. signature blanks are only info). */
  severity?: Severity;
  /**
   * A function when the fixes are costly to build and seldom asked for (a renumbering that edits
   * every later item): they are then built when first read, for a code action or --fix, not at
   * every keystroke.
   */
  fixes?: Fix[] | (() => Fix[]);
  related?: RelatedLocation[];
}

export interface RuleContext<M extends string = string> {
  doc: PolicyDocument;
  config: PolicylintConfig;
  locale: Locale;
  report(report: Report<M>): void;
  /** A message of this rule in the context's locale, for fix titles and related notes. */
  message(messageId: M, data?: Record<string, string | number>): string;
  /**
   * A rule that declares `reads` notes here each stretch of text it read besides the outline (the clause
   * between two numbers it checks): the editor carries its findings over no edit inside one.
   */
  readText(start: number, end: number): void;
}

/** A rule that reads one document. */
export interface DocumentRule<Id extends string = string, M extends string = string> {
  id: Id;
  scope?: 'document';
  meta: RuleMeta<M>;
  /**
   * `outline`: its findings depend on nothing but the outline (headings, numbered lines and
   * their nesting, the table of contents, the title), the inline disables and the config; of a
   * numbered clause that names no section (not `titleLike`), on its number and where it starts,
   * not on its text.
   * `titles`: on less, the entries that name a section (their titles, levels and places) in
   * place of the whole outline. The editor then carries the findings over an edit that leaves
   * all of those as they were, and no stretch of text the rule noted with `readText`
   * (lint/outline-reuse.ts); tests check every step against a fresh analysis.
   */
  reads?: 'outline' | 'titles';
  check(context: RuleContext<M>): void;
}

/** A rule that compares documents, or parts of documents, across the workspace: it sees every document's analysis at once. */
export interface ProjectRule<Id extends string = string, M extends string = string> {
  id: Id;
  scope: 'project';
  meta: RuleMeta<M>;
  /** Its findings put a commitment in conflict with another statement: the SLA table marks both. */
  judgesPromises: boolean;
  check(context: ProjectContext<M>): void;
}

export interface ProjectContext<M extends string = string> {
  /** Every document of the workspace. */
  documents: readonly ProjectEntry[];
  /** Places a verdict in its document, in that document's language and severity, honouring its inline disables. */
  reporter: ProjectReporter<M>;
}

export type Rule<Id extends string = string, M extends string = string> = DocumentRule<Id, M> | ProjectRule<Id, M>;

export function defineRule<const Id extends string, M extends string>(rule: DocumentRule<Id, M>): DocumentRule<Id, M>;
export function defineRule<const Id extends string, M extends string>(rule: ProjectRule<Id, M>): ProjectRule<Id, M>;
export function defineRule(rule: Rule): Rule {
  if (!/^[a-z]+(?:-[a-z]+)*$/.test(rule.id)) throw new Error(`rule id "${rule.id}" must be lower-case words joined by hyphens`);
  const { summary, description, messages } = rule.meta;
  for (const [what, text] of [['summary', summary], ['description', description]] as const) {
    if (!text.en || !text['zh-CN']) throw new Error(`rule ${rule.id}: ${what} needs both en and zh-CN`);
  }
  if (Object.keys(messages).length === 0) throw new Error(`rule ${rule.id}: it has no messages`);
  for (const [id, text] of Object.entries<{ en: string; 'zh-CN': string }>(messages)) {
    if (!text.en || !text['zh-CN']) throw new Error(`rule ${rule.id}: message ${id} needs both en and zh-CN`);
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
    if (placeholders(text.en) !== placeholders(text['zh-CN'])) throw new Error(`rule ${rule.id}: message ${id} uses different {placeholders} in en and zh-CN`);
  }
  return rule;
}

/** A rule is one document's unless it says it is the workspace's. */
export function isProjectRule(rule: Rule): rule is ProjectRule {
  return rule.scope === 'project';
}
