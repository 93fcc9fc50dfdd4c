// User patterns (the config's placeholder patterns) run on every line of every
// document, so a pattern must not be able to hang the editor or CI. They run on
// RE2 (re2js, a pure-JavaScript port), whose matching time is linear in the
// text whatever the pattern: (a+)+$ and (a|aa){1,100} are as safe as TBD. What
// RE2 cannot run (backreferences, lookaround) is refused with the reason.

import type { RE2JS } from 're2js';
import { lazy } from './lazy';

// Loaded when the first pattern is compiled: most configs have none, and initialising
// re2js's tables is a tenth of a fully cached run (see lazy.ts).
const re2 = lazy('re2js', () => (require('re2js') as typeof import('re2js')).RE2JS);

/** Longer patterns are refused: RE2 compiles `x{1,1000}` into a program that size, and each character pays for it. */
export const MAX_PATTERN_LENGTH = 200;

/** A compiled user pattern: every non-empty match in a text, as UTF-16 offsets. */
export interface UserPattern {
  readonly source: string;
  matches(text: string): { start: number; end: number }[];
}

class Re2Pattern implements UserPattern {
  constructor(
    readonly source: string,
    private readonly re: RE2JS,
  ) {}

  matches(text: string): { start: number; end: number }[] {
    const out: { start: number; end: number }[] = [];
    const m = this.re.matcher(text);
    while (m.find()) {
      const start = m.start();
      const end = m.end();
      if (end > start) out.push({ start, end });
    }
    return out;
  }
}

/** Compiles a user pattern on RE2; throws an Error that says what to change. */
export function compileUserPattern(pattern: string): UserPattern {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new Error(`the pattern is ${pattern.length} characters long; the limit is ${MAX_PATTERN_LENGTH}. Shorten it or split it into several patterns.`);
  }
  try {
    return new Re2Pattern(pattern, re2().compile(pattern));
  } catch (e) {
    const why = (e as Error).message.replace(/^error parsing regexp:\s*/, '');
    throw new Error(
      `not a pattern the linear-time engine (RE2) can run: ${why}. Backreferences (\\1) and lookaround ((?=, (?!, (?<=) are not supported; rewrite the pattern without them.`,
    );
  }
}

/** Why `pattern` cannot be used, or undefined when it can (the config loader reports it with file, line and key). */
export function checkPatternSafety(pattern: string): string | undefined {
  try {
    compileUserPattern(pattern);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Config `ignore` globs become regular expressions (picomatch) that backtrack: `*a*a…*b` against a long folder name never ends. */
export const MAX_GLOB_LENGTH = 256;
const MAX_WILDCARDS_PER_SEGMENT = 3;
const MAX_BRACES = 4;

/** Why an `ignore` glob cannot be used, or undefined when it can. */
export function checkGlobSafety(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return `the glob is ${glob.length} characters long; the limit is ${MAX_GLOB_LENGTH}. Shorten it or split it into several globs.`;
  if (/[?*+@!]\(/.test(glob)) return 'extended globs such as +(a|b) are not supported in ignore. Use several plain globs instead.';
  if ((glob.match(/\{/g) ?? []).length > MAX_BRACES) return `the glob has more than ${MAX_BRACES} {…} groups, which multiply into too many patterns. Use several globs instead.`;
  for (const segment of glob.split('/')) {
    if (segment === '**') continue;
    const wildcards = (segment.match(/\*+|\?/g) ?? []).length;
    if (wildcards > MAX_WILDCARDS_PER_SEGMENT) {
      return `"${segment}" has ${wildcards} wildcards between two slashes; the limit is ${MAX_WILDCARDS_PER_SEGMENT}, as more can take minutes to match a long name. Use fewer wildcards.`;
    }
  }
  return undefined;
}
