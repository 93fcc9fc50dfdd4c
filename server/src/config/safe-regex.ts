// User patterns run on every line of every document, so a pattern that
// backtracks catastrophically would hang the editor. We reject the shapes that
// cause it: a quantified group that itself contains a quantifier or an
// alternation ((a+)+, (a|a)*), and backreferences. What remains runs in
// time linear in practice on the line lengths we see.

export function checkPatternSafety(pattern: string): string | undefined {
  try {
    new RegExp(pattern, 'u');
  } catch (e) {
    return `not a valid regular expression: ${(e as Error).message}. Fix the pattern.`;
  }
  if (/\\[1-9]|\\k</.test(pattern)) return 'backreferences are not allowed in placeholder patterns (they can take exponential time). Remove them.';
  // Each open group records whether it has seen a quantifier or an alternation.
  const stack: { risky: boolean }[] = [];
  let lastGroupRisky = false;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      i++;
      lastGroupRisky = false;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      lastGroupRisky = false;
      continue;
    }
    if (c === '(') {
      stack.push({ risky: false });
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === ')') {
      const group = stack.pop();
      lastGroupRisky = group?.risky ?? false;
      const parent = stack[stack.length - 1];
      if (parent && lastGroupRisky) parent.risky = true;
      continue;
    }
    const quantifier = c === '*' || c === '+' || c === '{' || (c === '?' && pattern[i - 1] !== '(');
    if (quantifier) {
      const unbounded = c === '*' || c === '+' || (c === '{' && /^\{\d*,\}/.test(pattern.slice(i)));
      if (lastGroupRisky && unbounded) {
        return 'nested quantifiers such as (a+)+ or (a|b)* can take exponential time. Rewrite the pattern without a repeated group that itself repeats.';
      }
      if (top) top.risky = true;
    } else if (c === '|' && top) {
      top.risky = true;
    }
    lastGroupRisky = false;
  }
  return undefined;
}
