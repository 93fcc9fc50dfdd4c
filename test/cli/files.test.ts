import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoverFiles, PathNotFoundError } from '../../server/src/io/files';

let root: string;

function put(rel: string, content = '# x\n'): void {
  const abs = path.join(root, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, content);
}

/** Results relative to root, so the expectations read plainly. */
async function find(patterns: string[], opts: { ignore?: string[]; useGitignore?: boolean; cwd?: string } = {}) {
  const files = await discoverFiles(patterns, {
    cwd: opts.cwd ?? root,
    ignore: opts.ignore ?? [],
    useGitignore: opts.useGitignore ?? true,
  });
  for (const f of files) expect(path.isAbsolute(f)).toBe(true);
  return files.map((f) => path.relative(root, f).split(path.sep).join('/'));
}

beforeEach(() => {
  root = realpathSync(mkdtempSync(path.join(tmpdir(), 'policylint-files-')));
  put('README.md');
  put('handbook/客服手册.md');
  put('handbook/notes.txt', 'not markdown');
  put('handbook/sub/sla.md');
  put('drafts/wip.md');
  put('node_modules/pkg/README.md');
  put('.git/info/x.md');
  put('build/out.md');
  put('docs/keep.md');
  put('docs/generated.md');
  put('docs/api/gen.md');
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('discoverFiles', () => {
  it('finds every .md file by default, minus node_modules and .git, sorted', async () => {
    expect(await find([], { useGitignore: false })).toEqual([
      'README.md',
      'build/out.md',
      'docs/api/gen.md',
      'docs/generated.md',
      'docs/keep.md',
      'drafts/wip.md',
      'handbook/sub/sla.md',
      'handbook/客服手册.md',
    ]);
  });

  it('expands a directory to its Markdown files', async () => {
    expect(await find(['handbook'])).toEqual(['handbook/sub/sla.md', 'handbook/客服手册.md']);
    expect(await find(['./handbook/'])).toEqual(['handbook/sub/sla.md', 'handbook/客服手册.md']);
  });

  it('takes an explicitly named file whatever its extension, and globs', async () => {
    expect(await find(['handbook/notes.txt'])).toEqual(['handbook/notes.txt']);
    expect(await find(['**/s*.md'])).toEqual(['handbook/sub/sla.md']);
    expect(await find(['handbook/*.{md,txt}'])).toEqual(['handbook/notes.txt', 'handbook/客服手册.md']);
  });

  it('accepts absolute paths and resolves relative ones against cwd', async () => {
    expect(await find([path.join(root, 'drafts')])).toEqual(['drafts/wip.md']);
    expect(await find(['../README.md'], { cwd: path.join(root, 'docs') })).toEqual(['README.md']);
  });

  it('de-duplicates overlapping patterns', async () => {
    expect(await find(['handbook', 'handbook/sub/sla.md', '**/sla.md'])).toEqual(['handbook/sub/sla.md', 'handbook/客服手册.md']);
  });

  it('treats a file whose name looks like a glob literally', async () => {
    put('odd/[draft] policy.md');
    expect(await find(['odd/[draft] policy.md'])).toEqual(['odd/[draft] policy.md']);
  });

  it('throws, naming the path, for a path that does not exist', async () => {
    await expect(find(['handbook', 'missing/policy.md'])).rejects.toThrow(PathNotFoundError);
    await expect(find(['missing/policy.md'])).rejects.toThrow('missing/policy.md');
    // A glob that matches nothing is not an error.
    expect(await find(['nothing/**/*.md'])).toEqual([]);
  });

  it('applies the config ignore globs, to globbed and explicit files alike', async () => {
    const ignore = ['drafts', 'docs/gen*.md', '**/api/**'];
    expect(await find([], { ignore, useGitignore: false })).toEqual([
      'README.md',
      'build/out.md',
      'docs/keep.md',
      'handbook/sub/sla.md',
      'handbook/客服手册.md',
    ]);
    expect(await find(['drafts/wip.md', 'docs/keep.md'], { ignore })).toEqual(['docs/keep.md']);
    expect(await find(['node_modules/pkg/README.md'])).toEqual([]);
  });

  it('honours .gitignore in cwd and nested ones relative to their own folder', async () => {
    put('.gitignore', 'build/\n*.tmp.md\n');
    put('docs/.gitignore', 'generated.md\n/api/\n');
    put('handbook/sub/.gitignore', '*.md\n');
    put('x.tmp.md');
    put('handbook/y.tmp.md');
    expect(await find([])).toEqual(['README.md', 'docs/keep.md', 'drafts/wip.md', 'handbook/客服手册.md']);
    // Switched off, all of them are back.
    expect(await find([], { useGitignore: false })).toContain('build/out.md');
    expect(await find([], { useGitignore: false })).toContain('x.tmp.md');
  });

  it('lets a nested .gitignore re-include what a parent ignored', async () => {
    put('.gitignore', '*.md\n!/docs/\n');
    put('docs/.gitignore', '!keep.md\n');
    expect(await find([])).toEqual(['docs/keep.md']);
  });

  it('a .gitignore rule that names a folder does not hit a file of that name elsewhere', async () => {
    put('.gitignore', '/drafts/\n');
    put('handbook/drafts/ok.md');
    expect(await find(['handbook'])).toEqual(['handbook/drafts/ok.md', 'handbook/sub/sla.md', 'handbook/客服手册.md']);
  });

  it('survives symlink loops and lists each real file once', async () => {
    symlinkSync('..', path.join(root, 'handbook/sub/up'));
    symlinkSync(path.join(root, 'handbook'), path.join(root, 'handbook/sub/again'));
    symlinkSync('../README.md', path.join(root, 'docs/readme-link.md'));
    const files = await find(['handbook', 'docs']);
    // Nothing under handbook/sub/up/… or handbook/sub/again/…: those are the same files.
    expect(files).toEqual([
      'docs/api/gen.md',
      'docs/generated.md',
      'docs/keep.md',
      'docs/readme-link.md',
      'handbook/sub/sla.md',
      'handbook/客服手册.md',
    ]);
    // Where the real file is found too, the link gives way to it.
    const all = await find([], { useGitignore: false });
    expect(all).toContain('README.md');
    expect(all).not.toContain('docs/readme-link.md');
    expect(all.filter((f) => f.endsWith('sla.md'))).toEqual(['handbook/sub/sla.md']);
  });

  it('follows a symlinked folder that is not a loop', async () => {
    const outside = realpathSync(mkdtempSync(path.join(tmpdir(), 'policylint-linked-')));
    try {
      writeFileSync(path.join(outside, 'shared.md'), '# shared\n');
      symlinkSync(outside, path.join(root, 'linked'));
      expect(await find(['linked'])).toEqual(['linked/shared.md']);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('does not leave the workspace through a symlinked folder or file unless told to, and says so', async () => {
    const outside = realpathSync(mkdtempSync(path.join(tmpdir(), 'policylint-outside-')));
    try {
      writeFileSync(path.join(outside, 'elsewhere.md'), '# elsewhere\n');
      symlinkSync(outside, path.join(root, 'out'));
      symlinkSync(path.join(outside, 'elsewhere.md'), path.join(root, 'out-file.md'));
      const skipped: string[] = [];
      const files = await discoverFiles([], { cwd: root, ignore: [], useGitignore: false, onSkip: (p, why) => skipped.push(`${path.basename(p)}: ${why}`) });
      expect(files.map((f) => path.relative(root, f)).filter((f) => f.startsWith('out'))).toEqual([]);
      expect(skipped.sort()).toEqual([expect.stringMatching(/^out-file\.md: .*outside/), expect.stringMatching(/^out: .*outside the folders being linted/)]);
      const followed = await discoverFiles([], { cwd: root, ignore: [], useGitignore: false, followSymlinks: true });
      // Both links lead to one file, listed once under its shallowest name.
      expect(followed.map((f) => path.relative(root, f)).filter((f) => f.startsWith('out'))).toEqual(['out-file.md']);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it.runIf(process.platform === 'linux')('never walks into /proc, /sys or /dev, even with --follow-symlinks', async () => {
    symlinkSync('/proc', path.join(root, 'proc-link'));
    symlinkSync('/dev', path.join(root, 'dev-link'));
    const skipped: string[] = [];
    const files = await discoverFiles([], { cwd: root, ignore: [], useGitignore: false, followSymlinks: true, onSkip: (p) => skipped.push(path.basename(p)) });
    expect(files.some((f) => f.includes('-link'))).toBe(false);
    expect(skipped.sort()).toEqual(['dev-link', 'proc-link']);
  });
});
