// Runs the rules over one document. The CLI and the language server both call
// this, which is why they report the same findings.

import type { PolicylintConfig, RuleSetting } from '../config/types';
import { formatMessage, resolveLocale, type LocaleSetting } from '../l10n/format';
import { RULES } from '../rules';
import { createDocument, type PolicyDocument } from './document';
import type { EditorCache } from './editor-cache';
import { buildDisableMap } from './disable';
import { applyEdits, selectAutofixes } from './edits';
import type { Rule, RuleContext } from './rule';
import type { Finding, Locale, Severity, SeveritySetting } from './types';
import { ownValue } from '../config/own';

export interface LintOptions {
  config?: PolicylintConfig;
  /** Overrides the config's locale (CLI --locale, editor setting). */
  locale?: LocaleSetting;
  /** Only these rules (used by tests). */
  rules?: readonly Rule[];
  /** The editor's cache between keystrokes (parsed chunks, extractions). */
  cache?: EditorCache;
}

export interface LintResult {
  doc: PolicyDocument;
  locale: Locale;
  findings: Finding[];
}

export const INTERNAL_ERROR_RULE = 'internal-error';

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

function ruleSetting(setting: RuleSetting | undefined): { severity?: SeveritySetting; options: Record<string, unknown> } {
  if (setting === undefined) return { options: {} };
  if (typeof setting === 'string') return { severity: setting, options: {} };
  return { severity: setting[0], options: setting[1] ?? {} };
}

export function lintText(path: string, text: string, options: LintOptions = {}): LintResult {
  const config = options.config ?? {};
  const doc = createDocument(path, text, config, options.cache);
  return lintDocument(doc, options);
}

export function lintDocument(doc: PolicyDocument, options: LintOptions = {}): LintResult {
  const config = options.config ?? {};
  const locale = resolveLocale(options.locale ?? config.locale, doc.language);
  const disabled = buildDisableMap(doc.md.comments, doc.lines);
  const findings: Finding[] = [];

  for (const rule of options.rules ?? RULES) {
    const { severity: configured, options: ruleOptions } = ruleSetting(ownValue(config.rules, rule.id));
    if (configured === 'off') continue;
    const context: RuleContext = {
      doc,
      config,
      locale,
      options: ruleOptions,
      message: (id, data) => formatMessage(rule.meta.messages[id] ?? { en: id, 'zh-CN': id }, locale, data),
      report: (r) => {
        if (disabled.isDisabled(rule.id, doc.lines.lineOf(r.start))) return;
        // A message's own severity (signature blanks are info) only ever lowers the rule's.
        const base: Severity = configured ?? rule.meta.severity;
        const severity: Severity = r.severity && SEVERITY_RANK[r.severity] < SEVERITY_RANK[base] ? r.severity : base;
        findings.push({
          ruleId: rule.id,
          severity,
          messageId: r.messageId,
          message: context.message(r.messageId, r.data),
          start: r.start,
          end: Math.max(r.start, r.end),
          related: r.related ?? [],
          fixes: r.fixes ?? [],
          data: r.data,
        });
      },
    };
    try {
      rule.check(context);
    } catch (e) {
      // One broken rule must not take the others, or the editor, down with it.
      findings.push({
        ruleId: INTERNAL_ERROR_RULE,
        severity: 'error',
        messageId: 'crash',
        message: `policylint: rule "${rule.id}" failed on this document: ${(e as Error).message}. Please report this.`,
        start: 0,
        end: 0,
        related: [],
        fixes: [],
      });
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return { doc, locale, findings };
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
