// Findings as the linter builds them: for the rules' own reports, and for the
// findings the editor carries over from the last keystroke.

import type { Finding, Fix, RelatedLocation, Severity } from '../engine/types';

/**
 * A finding whose fixes are built when first read, then kept. The accessor is enumerable, so
 * spreading, JSON and structured cloning see the fixes as if they had been built at once; it is
 * written in the literal because defining it afterwards makes every finding a slow object.
 * A fix that fails to build is no fix: the finding stands, and reading it never throws.
 */
export function findingWithLazyFixes(
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
