// Runs the rules over one document. The CLI and the language server both call
// this, which is why they report the same findings.

import type { PolicylintConfig, RuleSetting } from '../config/types';
import { appendAll } from '../engine/arrays';
import { buildDisableMap, type DisableMap } from '../engine/disable';
import type { PolicyDocument } from '../engine/document';
import type { EditorCache } from '../engine/editor-cache';
import type { LineIndex } from '../engine/position';
import { applyEdits, selectAutofixes } from '../engine/edits';
import type { Finding, Locale, Severity, SeveritySetting, Span } from '../engine/types';
import { formatMessage, resolveLocale, type LocaleSetting } from '../l10n/format';
import { createDocument } from '../policy/document';
import { RULES } from '../rules';
import type { DocumentRule, LintResult, RuleContext } from '../rules/contract';
import { findingWithLazyFixes } from './finding';
import { internalError } from './internal-error';
import { keepOutlineFindings, outlineFindingsCarriedOver, type OutlineFindings } from './outline-reuse';
import { ownValue } from '../config/own';

export { INTERNAL_ERROR_RULE } from './internal-error';
export type { LintResult } from '../rules/contract';

export interface LintOptions {
  config?: PolicylintConfig;
  /** Overrides the config's locale (CLI --locale, editor setting). */
  locale?: LocaleSetting;
  /** The per-document rules to run: the registry unless given (tests hand in their own). */
  rules?: readonly DocumentRule[];
  /** The editor's cache between keystrokes (parsed chunks, extractions). */
  cache?: EditorCache;
  /** The text's line index, when the caller keeps one (the editor's open documents): it is not worked out again. */
  lines?: LineIndex;
  /** false: inline `policylint-disable…` comments switch nothing off (--no-inline-config). */
  inlineConfig?: boolean;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

function configuredSeverity(setting: RuleSetting | undefined): SeveritySetting | undefined {
  return Array.isArray(setting) ? setting[0] : setting;
}

export function lintText(path: string, text: string, options: LintOptions = {}): LintResult {
  const config = options.config ?? {};
  const doc = createDocument(path, text, config, options.cache, options.lines);
  return lintDocument(doc, options);
}

/** The config of a lint given none: one object, so that the editor can tell two such lints were made alike. */
export const NO_CONFIG: PolicylintConfig = Object.freeze({});

export function lintDocument(doc: PolicyDocument, options: LintOptions = {}): LintResult {
  const config = options.config ?? NO_CONFIG;
  const locale = resolveLocale(options.locale ?? config.locale, doc.language);
  const inlineConfig = options.inlineConfig !== false;
  const disabled = inlineConfig ? buildDisableMap(doc.md.comments, doc.lines) : { isDisabled: () => false };
  const findings: Finding[] = [];
  // In the editor: what the rules that read only the outline found at the last keystroke, if that still holds.
  const carried = options.cache ? outlineFindingsCarriedOver(options.cache, doc, { config, locale, inlineConfig }) : undefined;
  const outlineFindings = new Map<string, OutlineFindings>();

  const rules: readonly DocumentRule[] = options.rules ?? RULES;
  for (const rule of rules) {
    const configured = configuredSeverity(ownValue(config.rules, rule.id));
    if (configured === 'off') continue;
    if (!rule.reads) {
      appendAll(findings, runRule(rule, doc, config, locale, configured, disabled));
      continue;
    }
    const run = (read: Span[] = []) => runRule(rule, doc, config, locale, configured, disabled, read);
    let kept = carried?.findings(rule.id, rule.reads, run);
    if (!kept) {
      const read: Span[] = [];
      kept = { findings: run(read), read };
    }
    outlineFindings.set(rule.id, kept);
    appendAll(findings, kept.findings);
  }
  if (options.cache) keepOutlineFindings(options.cache, doc, { config, locale, inlineConfig }, outlineFindings);
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return { doc, locale, findings };
}

/** One rule's findings on one document; a rule that throws gives one internal-error finding instead. */
function runRule(rule: DocumentRule, doc: PolicyDocument, config: PolicylintConfig, locale: Locale, configured: Severity | undefined, disabled: DisableMap, read?: Span[]): Finding[] {
  const findings: Finding[] = [];
  const context: RuleContext = {
    doc,
    config,
    locale,
    readText: (start, end) => read?.push({ start, end }),
    message: (id, data) => formatMessage(rule.meta.messages[id]!, locale, data),
    report: (r) => {
      if (disabled.isDisabled(rule.id, doc.lines.lineOf(r.start))) return;
      // A message's own severity (signature blanks are info) only ever lowers the rule's.
      const base: Severity = configured ?? rule.meta.severity;
      const severity: Severity = r.severity && SEVERITY_RANK[r.severity] < SEVERITY_RANK[base] ? r.severity : base;
      const message = context.message(r.messageId, r.data);
      const end = Math.max(r.start, r.end);
      const related = r.related ?? [];
      findings.push(
        typeof r.fixes === 'function'
          ? findingWithLazyFixes(rule.id, severity, r.messageId, message, r.start, end, related, r.fixes, r.data)
          : { ruleId: rule.id, severity, messageId: r.messageId, message, start: r.start, end, related, fixes: r.fixes ?? [], data: r.data },
      );
    },
  };
  try {
    rule.check(context);
  } catch (e) {
    // One broken rule must not take the others, or the editor, down with it.
    findings.push(internalError(rule.id, 'document', e, locale));
  }
  return findings;
}

export interface FixResult {
  text: string;
  passes: number;
  /** Findings left after fixing. */
  result: LintResult;
}

/** Applies automatic fixes until none is left, at most ten passes (a fix may enable another). */
export function fixText(path: string, text: string, options: LintOptions = {}): FixResult {
  let current = text;
  let result = lintText(path, current, options);
  let passes = 0;
  while (passes < 10) {
    const edits = selectAutofixes(result.findings);
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    passes++;
    if (next === current) break;
    current = next;
    result = lintText(path, current, options);
  }
  return { text: current, passes, result };
}
