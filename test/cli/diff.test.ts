import { applyPatch, parsePatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../server/src/cli/diff';

describe('unifiedDiff', () => {
  it('prints a git-style unified diff of one change', () => {
    const before = '# 客服手册\n\n第一条 【公司名称】承诺\n第二条\n';
    const after = '# 客服手册\n\n第一条 示例公司承诺\n第二条\n';
    expect(unifiedDiff('samples/a.md', before, after)).toBe(
      [
        '--- a/samples/a.md',
        '+++ b/samples/a.md',
        '@@ -1,4 +1,4 @@',
        ' # 客服手册',
        ' ',
        '-第一条 【公司名称】承诺',
        '+第一条 示例公司承诺',
        ' 第二条',
        '',
      ].join('\n'),
    );
  });

  it('returns an empty string when nothing changed', () => {
    expect(unifiedDiff('a.md', 'same\n', 'same\n')).toBe('');
  });

  it('keeps three lines of context, splitting distant changes into hunks', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`);
    const changed = [...lines];
    changed[1] = 'LINE 2';
    changed[17] = 'LINE 18';
    const patch = unifiedDiff('a.md', lines.join('\n') + '\n', changed.join('\n') + '\n');
    expect(patch.match(/^@@ .* @@$/gm)).toEqual(['@@ -1,5 +1,5 @@', '@@ -15,6 +15,6 @@']);
    expect(patch).not.toContain(' line 10');
  });

  it('marks a missing final newline', () => {
    const patch = unifiedDiff('a.md', 'a\nb', 'a\nc');
    expect(patch).toContain('-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n');
  });

  it('uses forward slashes in the headers', () => {
    expect(unifiedDiff('docs\\a.md', 'x\n', 'y\n')).toMatch(/^--- a\/docs\/a\.md\n\+\+\+ b\/docs\/a\.md\n/);
  });

  it('round-trips: applying the diff to the old text gives the new text, CRLF included', () => {
    const before = '\uFEFF标题\r\n条款一\r\n条款二\r\n';
    const after = '\uFEFF标题\r\n条款一（已修订）\r\n条款二\r\n新增条款\r\n';
    const patch = unifiedDiff('a.md', before, after);
    expect(parsePatch(patch)).toHaveLength(1);
    expect(applyPatch(before, patch)).toBe(after);
  });
});
