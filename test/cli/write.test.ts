import { chmodSync, chownSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileChangedError, readTextFile, WriteRefusedError, writeFileAtomic } from '../../server/src/io/write';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'policylint-write-'));
});

afterEach(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

const ORIGINAL = '\uFEFF# 客服手册\r\n\r\n第一条 【公司名称】\r\n';

describe('writeFileAtomic', () => {
  it('replaces the file when it still holds what we read', async () => {
    const file = path.join(dir, 'a.md');
    writeFileSync(file, ORIGINAL);
    await writeFileAtomic(file, '# fixed\n', ORIGINAL, { roots: [realpathSync(dir)] });
    expect(readFileSync(file, 'utf8')).toBe('# fixed\n');
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('accepts the original as bytes and writes bytes as given', async () => {
    const file = path.join(dir, 'a.md');
    writeFileSync(file, ORIGINAL);
    const bytes = readFileSync(file);
    const next = Buffer.from('\uFEFF# 已修复\r\n', 'utf8');
    await writeFileAtomic(file, next, bytes, { roots: [realpathSync(dir)] });
    expect(readFileSync(file).equals(next)).toBe(true);
  });

  it('keeps the file mode', async () => {
    const file = path.join(dir, 'a.md');
    writeFileSync(file, ORIGINAL);
    chmodSync(file, 0o640);
    await writeFileAtomic(file, 'x', ORIGINAL, { roots: [realpathSync(dir)] });
    expect(statSync(file).mode & 0o777).toBe(0o640);
    chmodSync(file, 0o755);
    await writeFileAtomic(file, 'y', 'x', { roots: [realpathSync(dir)] });
    expect(statSync(file).mode & 0o777).toBe(0o755);
  });

  it('refuses, and leaves the file alone, when it changed since it was read', async () => {
    const file = path.join(dir, 'a.md');
    writeFileSync(file, ORIGINAL);
    writeFileSync(file, ORIGINAL + 'someone else typed this\n');
    const err = await writeFileAtomic(file, '# fixed\n', ORIGINAL, { roots: [realpathSync(dir)] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileChangedError);
    expect((err as FileChangedError).path).toBe(file);
    expect((err as Error).message).toContain('a.md');
    expect(readFileSync(file, 'utf8')).toBe(ORIGINAL + 'someone else typed this\n');
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('treats a one-byte difference (BOM dropped) as a change', async () => {
    const file = path.join(dir, 'a.md');
    writeFileSync(file, ORIGINAL.slice(1));
    await expect(writeFileAtomic(file, 'x', ORIGINAL, { roots: [realpathSync(dir)] })).rejects.toBeInstanceOf(FileChangedError);
  });

  it('refuses when the file was deleted since it was read', async () => {
    const file = path.join(dir, 'gone.md');
    await expect(writeFileAtomic(file, 'x', ORIGINAL, { roots: [realpathSync(dir)] })).rejects.toBeInstanceOf(FileChangedError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes through a symlink, keeping the link', async () => {
    const target = path.join(dir, 'real.md');
    const link = path.join(dir, 'link.md');
    writeFileSync(target, ORIGINAL);
    symlinkSync('real.md', link);
    await writeFileAtomic(link, 'new', ORIGINAL, { roots: [realpathSync(dir)] });
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(statSync(link).isFile()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['link.md', 'real.md']);
  });

  it('refuses a symlink whose target is outside the workspace, leaving the target byte for byte', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'policylint-outside-'));
    try {
      const target = path.join(outside, 'real.md');
      writeFileSync(target, ORIGINAL);
      symlinkSync(target, path.join(dir, 'link.md'));
      const err = await writeFileAtomic(path.join(dir, 'link.md'), 'new', ORIGINAL, { roots: [realpathSync(dir)] }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WriteRefusedError);
      expect((err as Error).message).toMatch(/outside the folder being linted/);
      expect(readFileSync(target, 'utf8')).toBe(ORIGINAL);
      expect(readdirSync(outside)).toEqual(['real.md']);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('refuses a read-only file (even as root)', async () => {
    const file = path.join(dir, 'a.md');
    writeFileSync(file, ORIGINAL);
    chmodSync(file, 0o444);
    await expect(writeFileAtomic(file, 'x', ORIGINAL, { roots: [realpathSync(dir)] })).rejects.toThrow(/read-only/);
    expect(readFileSync(file, 'utf8')).toBe(ORIGINAL);
    expect(statSync(file).mode & 0o777).toBe(0o444);
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('refuses a file with other hard links, so the links are not split', async () => {
    const file = path.join(dir, 'a.md');
    writeFileSync(file, ORIGINAL);
    linkSync(file, path.join(dir, 'b.md'));
    await expect(writeFileAtomic(file, 'x', ORIGINAL, { roots: [realpathSync(dir)] })).rejects.toThrow(/hard links/);
    expect(readFileSync(file, 'utf8')).toBe(ORIGINAL);
    expect(statSync(file).ino).toBe(statSync(path.join(dir, 'b.md')).ino);
  });

  it.runIf(process.getuid?.() === 0)('keeps owner and group when run as root', async () => {
    const file = path.join(dir, 'a.md');
    writeFileSync(file, ORIGINAL);
    chownSync(file, 1234, 5678);
    await writeFileAtomic(file, 'x', ORIGINAL, { roots: [realpathSync(dir)] });
    expect(readFileSync(file, 'utf8')).toBe('x');
    expect([statSync(file).uid, statSync(file).gid]).toEqual([1234, 5678]);
  });

  it.skipIf(process.getuid?.() === 0)('leaves the original intact when the folder is not writable', async () => {
    const sub = path.join(dir, 'ro');
    mkdirSync(sub);
    const file = path.join(sub, 'a.md');
    writeFileSync(file, ORIGINAL);
    chmodSync(sub, 0o555);
    try {
      await expect(writeFileAtomic(file, '# fixed\n', ORIGINAL, { roots: [realpathSync(dir)] })).rejects.toThrow();
      expect(readFileSync(file, 'utf8')).toBe(ORIGINAL);
      expect(readdirSync(sub)).toEqual(['a.md']);
    } finally {
      chmodSync(sub, 0o755);
    }
  });
});

describe('readTextFile', () => {
  it('returns the text with its BOM and line endings untouched, and the raw bytes', async () => {
    const file = path.join(dir, 'a.md');
    writeFileSync(file, ORIGINAL);
    const r = await readTextFile(file, 1024);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text).toBe(ORIGINAL);
    expect(r.text.charCodeAt(0)).toBe(0xfeff);
    expect(r.bytes.equals(Buffer.from(ORIGINAL, 'utf8'))).toBe(true);
  });

  it('reads a file of exactly the limit, refuses one byte more, giving size and limit', async () => {
    const file = path.join(dir, 'big.md');
    writeFileSync(file, 'x'.repeat(100));
    expect((await readTextFile(file, 100)).ok).toBe(true);
    const r = await readTextFile(file, 99);
    expect(r).toMatchObject({ ok: false, code: 'too-large', size: 100, limit: 99 });
    if (!r.ok) expect(r.reason).toBe('file is too large (100 bytes; the limit is 99 bytes)');
  });

  it('calls a file with a NUL byte in its first 8 KB binary, but not one with a later NUL', async () => {
    const early = path.join(dir, 'early.md');
    writeFileSync(early, Buffer.concat([Buffer.from('# title\n'), Buffer.from([0]), Buffer.from('rest')]));
    expect(await readTextFile(early, 1 << 20)).toMatchObject({ ok: false, code: 'binary' });

    const late = path.join(dir, 'late.md');
    writeFileSync(late, Buffer.concat([Buffer.alloc(8192, 0x61), Buffer.from([0])]));
    const r = await readTextFile(late, 1 << 20);
    expect(r.ok).toBe(true);
  });

  it('rejects invalid UTF-8 (a GBK file, say) instead of decoding it to U+FFFD', async () => {
    const file = path.join(dir, 'gbk.md');
    writeFileSync(file, Buffer.from([0x23, 0x20, 0xbf, 0xcd, 0xb7, 0xfe, 0x0a])); // "# 客服" in GBK
    expect(await readTextFile(file, 1024)).toMatchObject({ ok: false, code: 'invalid-utf8', reason: 'file is not valid UTF-8' });
  });

  it('reports an unreadable file with its errno', async () => {
    const r = await readTextFile(path.join(dir, 'missing.md'), 1024);
    expect(r).toMatchObject({ ok: false, code: 'unreadable', errno: 'ENOENT' });
    if (!r.ok) expect(r.reason).toMatch(/^cannot read file \(ENOENT: /);
    expect(await readTextFile(dir, 1024)).toMatchObject({ ok: false, code: 'unreadable', errno: 'EISDIR' });
  });
});
