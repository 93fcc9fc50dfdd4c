// Findings as the linter builds them: for the rules' own reports, and for the
// findings the editor carries over from the last keystroke.

import type { Finding, Fix, RelatedLocation, Severity } from '../engine/types';

/**
 * A finding whose fixes are built when first read, then kept. `fixes` is an own enumerable
 * accessor, so spreading, JSON and structured cloning see the fixes as if they had been built
 * at once, in the same place among the keys as a plain finding's. Every finding shares one
 * getter and setter, reading the builder from a private field: an accessor made per finding
 * (a literal's `get fixes()`) puts every finding in dictionary mode, and a long document's
 * editor sorts, compares and converts thousands of them at each keystroke. A fix that fails to
 * build is no fix: the finding stands, and reading it never throws.
 */
class LazyFinding implements Finding {
  ruleId: string;
  severity: Severity;
  messageId: string;
  message: string;
  start: number;
  end: number;
  related: RelatedLocation[];
  declare fixes: Fix[];
  declare data: Finding['data'];
  #build: (() => Fix[]) | undefined;
  #fixes: Fix[] | undefined;

  static readonly #fixesProperty: PropertyDescriptor = {
    get(this: LazyFinding): Fix[] {
      if (!this.#fixes) {
        try {
          this.#fixes = this.#build!();
        } catch {
          this.#fixes = [];
        }
        this.#build = undefined;
      }
      return this.#fixes;
    },
    set(this: LazyFinding, value: Fix[]) {
      this.#fixes = value;
      this.#build = undefined;
    },
    enumerable: true,
    configurable: true,
  };

  /** The finding moved to `start`–`end`, its fixes to be built again, for the new text, by `build`. */
  moveTo(start: number, end: number, related: RelatedLocation[], build: () => Fix[]): void {
    this.start = start;
    this.end = end;
    this.related = related;
    this.#build = build;
    this.#fixes = undefined;
  }

  constructor(ruleId: string, severity: Severity, messageId: string, message: string, start: number, end: number, related: RelatedLocation[], build: () => Fix[], data: Finding['data']) {
    this.ruleId = ruleId;
    this.severity = severity;
    this.messageId = messageId;
    this.message = message;
    this.start = start;
    this.end = end;
    this.related = related;
    this.#build = build;
    Object.defineProperty(this, 'fixes', LazyFinding.#fixesProperty);
    this.data = data;
  }
}

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
  return new LazyFinding(ruleId, severity, messageId, message, start, end, related, build, data);
}

/**
 * `f` at a new place, its fixes built again by `build` when read: the same object when it is one
 * with lazy fixes (the editor carries thousands of them over every keystroke, and a new one each
 * time cost an object, a property definition and garbage), else a new one. Whoever holds `f`
 * sees it moved.
 */
export function movedFinding(f: Finding, start: number, end: number, related: RelatedLocation[], build: () => Fix[]): Finding {
  if (!(f instanceof LazyFinding)) return new LazyFinding(f.ruleId, f.severity, f.messageId, f.message, start, end, related, build, f.data);
  f.moveTo(start, end, related, build);
  return f;
}
