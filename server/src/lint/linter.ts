// Runs the rules over one document. The CLI and the language server both call
// this, which is why they report the same findings.

import type { PolicylintConfig, RuleSetting } from '../config/types';
import { buildDisableMap } from '../engine/disable';
import type { PolicyDocument } from '../engine/document';
import type { EditorCache } from '../engine/editor-cache';
import { applyEdits, selectAutofixes } from '../engine/edits';
import type { Finding, Fix, RelatedLocation, Severity, SeveritySetting } from '../engine/types';
import { formatMessage, resolveLocale, type LocaleSetting } from '../l10n/format';
import { createDocument } from '../policy/document';
import { RULES } from '../rules';
import type { DocumentRule, LintResult, RuleContext } from '../rules/contract';
import { internalError } from './internal-error';
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
  /** false: inline `policylint-disable…` comments switch nothing off (--no-inline-config). */
  inlineConfig?: boolean;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

function configuredSeverity(setting: RuleSetting | undefined): SeveritySetting | undefined {
  return Array.isArray(setting) ? setting[0] : setting;
}

export function lintText(path: string, text: string, options: LintOptions = {}): LintResult {
  const config = options.config ?? {};
  const doc = createDocument(path, text, config, options.cache);
  return lintDocument(doc, options);
}

export function lintDocument(doc: PolicyDocument, options: LintOptions = {}): LintResult {
  const config = options.config ?? {};
  const locale = resolveLocale(options.locale ?? config.locale, doc.language);
  const disabled = options.inlineConfig === false ? { isDisabled: () => false } : buildDisableMap(doc.md.comments, doc.lines);
  const findings: Finding[] = [];

  const rules: readonly DocumentRule[] = options.rules ?? RULES;
  for (const rule of rules) {
    const configured = configuredSeverity(ownValue(config.rules, rule.id));
    if (configured === 'off') continue;
    const context: RuleContext = {
      doc,
      config,
      locale,
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
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return { doc, locale, findings };
}

/**
 * A finding whose fixes are built when first read, then kept. The accessor is enumerable, so
 * spreading, JSON and structured cloning see the fixes as if they had been built at once; it is
 * written in the literal because defining it afterwards makes every finding a slow object.
 * A fix that fails to build is no fix: the finding stands, and reading it never throws.
 */
function findingWithLazyFixes(
  ruleId: string,
  severity: Severity,
  messageId: string,
  message: string,
  start: number,
  end: number,
  related: RelatedLocation[],
  build: () => Fix[],
  data: Finding['data'],
): Finding {
  let fixes: Fix[] | undefined;
  return {
    ruleId,
    severity,
    messageId,
    message,
    start,
    end,
    related,
    get fixes(): Fix[] {
      if (!fixes) {
        try {
          fixes = build();
        } catch {
          fixes = [];
        }
      }
      return fixes;
    },
    set fixes(value: Fix[]) {
      fixes = value;
    },
    data,
  };
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
