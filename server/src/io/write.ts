import { randomBytes } from 'node:crypto';
import { constants as fsConstants, promises as fsp, readFileSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import * as path from 'node:path';

/** The file on disk is no longer the one we linted, so fixes computed from it must not be written. */
export class FileChangedError extends Error {
  constructor(readonly path: string) {
    super(`${path} changed on disk after it was read; not overwriting it`);
    this.name = 'FileChangedError';
  }
}

function errnoOf(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string'
    ? err.code
    : undefined;
}

function asBuffer(data: string | Uint8Array): Buffer {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/** A file --fix will not write, whatever its content: the message says why and what to do. */
export class WriteRefusedError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'WriteRefusedError';
  }
}

function isInside(p: string, folder: string): boolean {
  const rel = path.relative(folder, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export interface WriteOptions {
  /** Real paths of the folders being worked on: a file that resolves outside all of them is not written. */
  roots: readonly string[];
}

/**
 * Replaces `file` with `content`, but only if it still holds exactly
 * `expectedOriginal`; otherwise throws FileChangedError and touches nothing.
 *
 * Only a regular file inside the workspace, after following links, is
 * written; one that is read-only, or has other hard links, is left alone
 * (WriteRefusedError): replacing it would defeat the protection, or split the
 * links so the other names keep the old text. Refusing is the safe choice
 * for hard links: writing in place could tear every name at once.
 *
 * The new text goes to a temporary file in the same folder (rename is only
 * atomic within one file system), is flushed, given the old file's mode,
 * owner and group, and renamed over the original, so a reader sees either the
 * old or the new file, never half of one. Any failure removes the temporary
 * file and leaves the original as it was. A symlink inside the workspace is
 * followed and its target replaced, so the link survives.
 *
 * There remains a short window between the re-read and the rename in which
 * another writer can slip in; nothing portable closes it.
 */
export async function writeFileAtomic(
  file: string,
  content: string | Uint8Array,
  expectedOriginal: string | Uint8Array,
  options: WriteOptions,
): Promise<void> {
  let target: string;
  try {
    target = await fsp.realpath(file);
  } catch (err) {
    if (errnoOf(err) === 'ENOENT') throw new FileChangedError(file);
    throw err;
  }
  if (!options.roots.some((root) => isInside(target, root))) {
    throw new WriteRefusedError(file, `it leads to ${target}, outside the folder being linted; not writing there`);
  }
  const st = await fsp.stat(target);
  if (!st.isFile()) throw new WriteRefusedError(file, 'not a regular file; not writing it');
  // No write bit for anyone means read-only even to root, whom access() would let through.
  const writable = (st.mode & 0o222) !== 0 && (await fsp.access(target, fsConstants.W_OK).then(() => true, () => false));
  if (!writable) throw new WriteRefusedError(file, 'the file is read-only; make it writable to apply fixes');
  if (st.nlink > 1) {
    throw new WriteRefusedError(file, `the file has ${st.nlink} hard links and replacing it would split them; apply the fixes by hand (--fix-dry-run shows them)`);
  }

  let current: Buffer;
  try {
    current = await fsp.readFile(target);
  } catch (err) {
    if (errnoOf(err) === 'ENOENT') throw new FileChangedError(file);
    throw err;
  }
  if (!current.equals(asBuffer(expectedOriginal))) throw new FileChangedError(file);

  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);

  try {
    // 'wx': never reuse (or follow a symlink planted at) an existing name.
    const handle = await fsp.open(tmp, 'wx', st.mode & 0o777);
    try {
      await handle.writeFile(asBuffer(content));
      await handle.sync();
      // A new file belongs to whoever runs the fix (root in a container); the original's owner
      // and group are wanted back. Where that is not allowed, the file is not replaced.
      if ((st.uid !== process.getuid?.() || st.gid !== process.getgid?.())) {
        await handle.chown(st.uid, st.gid).catch(() => {
          throw new WriteRefusedError(file, `its owner and group (${st.uid}:${st.gid}) could not be kept; run --fix as its owner`);
        });
      }
    } finally {
      await handle.close();
    }
    // open() applied the umask; the original mode (setgid, sticky too) is wanted back.
    await fsp.chmod(tmp, st.mode & 0o7777);
    await fsp.rename(tmp, target);
  } catch (err) {
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
}

export type ReadFailureCode = 'too-large' | 'binary' | 'invalid-utf8' | 'unreadable';

export type ReadResult =
  | { ok: true; text: string; bytes: Buffer }
  | {
      ok: false;
      code: ReadFailureCode;
      /** English, for logs and the JSON report; the CLI may localize from `code`. */
      reason: string;
      size?: number;
      limit?: number;
      errno?: string;
    };

export type ReadFailure = Extract<ReadResult, { ok: false }>;

const BINARY_SNIFF_BYTES = 8 * 1024;

function tooLarge(size: number, limit: number): ReadFailure {
  return {
    ok: false,
    code: 'too-large',
    reason: `file is too large (${size} bytes; the limit is ${limit} bytes)`,
    size,
    limit,
  };
}

function unreadable(err: unknown): ReadFailure {
  const errno = errnoOf(err) ?? 'EUNKNOWN';
  const detail = err instanceof Error ? err.message : String(err);
  return { ok: false, code: 'unreadable', reason: `cannot read file (${errno}: ${detail})`, errno };
}

/** Reads a file's bytes for linting (a Word package), or says why it will not be read: the same checks as text, less the encoding. */
export async function readFileBytes(file: string, maxBytes: number): Promise<{ ok: true; bytes: Buffer } | ReadFailure> {
  let bytes: Buffer;
  try {
    // Synchronous: a policy is read from the page cache in microseconds, and each awaited step
    // (stat, open, fstat, read, close) is a round trip through libuv's thread pool that costs more.
    const st = statSync(file);
    if (!st.isFile()) {
      const err = Object.assign(new Error(`${file} is not a regular file`), { code: st.isDirectory() ? 'EISDIR' : 'EINVAL' });
      return unreadable(err);
    }
    // Checked before reading, so a 2 GB file is never pulled into memory.
    if (st.size > maxBytes) return tooLarge(st.size, maxBytes);
    bytes = readFileSync(file);
  } catch (err) {
    return unreadable(err);
  }
  // The file may have grown between stat and read.
  if (bytes.length > maxBytes) return tooLarge(bytes.length, maxBytes);
  return { ok: true, bytes };
}

/**
 * Reads a file as UTF-8 text for linting, or says why it will not be linted.
 * The text is returned exactly as decoded: a byte order mark stays at its
 * start (the engine decides what to do with it) and no line ending is touched.
 * `bytes` are the raw contents, to hand back to writeFileAtomic as the
 * expected original.
 */
export async function readTextFile(file: string, maxBytes: number): Promise<ReadResult> {
  const read = await readFileBytes(file, maxBytes);
  if (!read.ok) return read;
  const { bytes } = read;
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    return { ok: false, code: 'binary', reason: 'file looks binary (it has a NUL byte in its first 8 KB)' };
  }

  if (!isUtf8(bytes)) return { ok: false, code: 'invalid-utf8', reason: 'file is not valid UTF-8' };
  // Buffer's decoder keeps a BOM in the text (TextDecoder's default would drop it), and is faster.
  return { ok: true, text: bytes.toString('utf8'), bytes };
}
