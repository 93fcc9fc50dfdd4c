import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Running as root (as CI does here), no permission bit makes a write fail, so
// the failures are injected into node:fs instead. Each flag breaks one step of
// writeFileAtomic's sequence; everything else is the real file system.
const fail = vi.hoisted(() => ({ rename: false, write: false, chmod: false }));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const promises = {
    ...real.promises,
    rename: async (from: string, to: string) => {
      if (fail.rename) throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
      return real.promises.rename(from, to);
    },
    chmod: async (p: string, mode: number) => {
      if (fail.chmod) throw Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' });
      return real.promises.chmod(p, mode);
    },
    open: async (...args: Parameters<typeof real.promises.open>) => {
      const handle = await real.promises.open(...args);
      if (!fail.write) return handle;
      // A disk that fills up half way: some bytes land, then the write fails.
      const writeFile = async (data: Uint8Array) => {
        await handle.write(data.subarray(0, 3));
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      };
      return new Proxy(handle, {
        get: (target, key) => (key === 'writeFile' ? writeFile : Reflect.get(target, key, target)),
      });
    },
  };
  return { ...real, default: { ...real, promises }, promises };
});

const { writeFileAtomic } = await import('../../server/src/io/write');

let dir: string;
const ORIGINAL = Buffer.from('\uFEFF# 客服手册\n第一条 【公司名称】\n', 'utf8');

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'policylint-writefail-'));
  fail.rename = fail.write = fail.chmod = false;
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('writeFileAtomic when a step fails', () => {
  for (const step of ['rename', 'write', 'chmod'] as const) {
    it(`leaves the original byte for byte and no temp file when ${step} fails`, async () => {
      const file = path.join(dir, 'a.md');
      writeFileSync(file, ORIGINAL);
      chmodSync(file, 0o640);
      fail[step] = true;
      await expect(writeFileAtomic(file, '# fixed\n', ORIGINAL, { roots: [realpathSync(dir)] })).rejects.toThrow(/EXDEV|ENOSPC|EPERM/);
      expect(readFileSync(file).equals(ORIGINAL)).toBe(true);
      expect(statSync(file).mode & 0o777).toBe(0o640);
      expect(readdirSync(dir)).toEqual(['a.md']);
    });
  }

  it('works again once the fault is gone (the mock is not what makes writes pass)', async () => {
    const file = path.join(dir, 'a.md');
    writeFileSync(file, ORIGINAL);
    await writeFileAtomic(file, '# fixed\n', ORIGINAL, { roots: [realpathSync(dir)] });
    expect(readFileSync(file, 'utf8')).toBe('# fixed\n');
  });
});
