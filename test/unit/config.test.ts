import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfigText } from '../../server/src/config/load';
import { checkPatternSafety, compileUserPattern, MAX_PATTERN_LENGTH } from '../../server/src/config/safe-regex';

function errorOf(file: string, text: string): ConfigError {
  try {
    parseConfigText(file, text);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('config parsing', () => {
  it('accepts every documented setting', () => {
    const config = parseConfigText(
      '.policylintrc.json',
      JSON.stringify({
        locale: 'zh-CN',
        kind: 'handbook',
        rules: { placeholder: 'warning', numbering: ['off'], 'required-section': ['error'] },
        requiredSections: { sla: ['privacy', 'escalation'] },
        topics: { refunds: { zh: ['退款'], en: ['refunds'], title: { zh: '退款规则' } } },
        placeholders: { patterns: ['\\$\\{\\w+\\}'], values: { '【公司名称】': '华信' } },
        commitments: { 'email.acknowledge': '4h' },
        ignore: ['drafts/**'],
        maxFileSize: '10MB',
      }),
    );
    expect(config.kind).toBe('handbook');
  });

  it('JSONC allows comments and trailing commas', () => {
    expect(parseConfigText('.policylintrc.jsonc', '{\n // why\n "locale": "en",\n}').locale).toBe('en');
  });

  it('reports the line and column of a JSON syntax error', () => {
    const e = errorOf('.policylintrc.json', '{\n  "locale": "en"\n  "kind": "sla"\n}');
    expect([e.line, e.column]).toEqual([3, 3]);
    expect(e.detail).toMatch(/syntax error/);
  });

  it('reports an unknown key at the key', () => {
    const e = errorOf('.policylintrc.json', '{\n  "rules": {},\n  "placeholder": {}\n}');
    expect(e.key).toBe('placeholder');
    expect([e.line, e.column]).toEqual([3, 3]);
  });

  it('reports a bad value with its path and the allowed values', () => {
    const e = errorOf('.policylintrc.yaml', 'rules:\n  numbering: loud\n');
    expect(e.key).toBe('rules.numbering');
    expect(e.line).toBe(2);
  });

  it('reports a bad kind with the allowed kinds', () => {
    const e = errorOf('.policylintrc.json', '{"kind": "manual"}');
    expect(e.key).toBe('kind');
    expect(e.detail).toContain('handbook');
  });

  it('reports YAML syntax errors with a line', () => {
    const e = errorOf('.policylintrc.yaml', 'rules:\n  a: [b\nkind: sla\n');
    expect(e.line).toBeGreaterThan(1);
    expect(e.detail).toMatch(/syntax error/);
  });

  it('rejects a pattern RE2 cannot run at its index', () => {
    const e = errorOf('.policylintrc.json', '{"placeholders": {"patterns": ["ok", "(a)\\\\1"]}}');
    expect(e.key).toBe('placeholders.patterns.1');
    expect(e.detail).toMatch(/RE2/);
  });
});

describe('user patterns run on RE2', () => {
  // Shapes that backtrack exponentially in JavaScript: on RE2 they are accepted and run in linear time.
  it.each(['(a+)+$', '(a*)*', '(a|aa)+', '(a|aa){1,100}$', 'a*a*a*a*a*a*b', '(\\w+\\s?)*$', 'TBD', '【[^】]{1,10}】', '(?:XX|××)小时'])('accepts %s', (p) => {
    expect(checkPatternSafety(p)).toBeUndefined();
  });
  it.each(['(a)\\1', '(?=a)b', '(?<!x)y', '(unclosed'])('refuses %s, saying why', (p) => {
    expect(checkPatternSafety(p)).toMatch(/RE2/);
  });
  it('refuses a pattern longer than the limit', () => expect(checkPatternSafety('a'.repeat(MAX_PATTERN_LENGTH + 1))).toMatch(/limit/));
  it('matches in UTF-16 offsets, skipping empty matches', () => {
    expect(compileUserPattern('【[^】]{1,8}】|x*').matches('🙂a【公司名称】b')).toEqual([{ start: 3, end: 9 }]);
  });
});
