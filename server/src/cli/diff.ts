import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

/**
 * A unified diff of one file for `--fix-dry-run`, headed `--- a/path` /
 * `+++ b/path` like git's so that `git apply` and `patch -p1` take it. Three
 * lines of context, also as git. Returns '' when nothing changed, so callers
 * can print the result without checking.
 */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const name = path.replace(/\\/g, '/');
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
}
