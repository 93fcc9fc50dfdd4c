// How much of the disk the language server reads on its own. A workspace folder
// can be anything the editor was opened on, `/` included: indexing stops at a
// file-count and byte budget, and never enters the kernel's virtual folders,
// whose files never end (/proc/kmsg) or are not files at all.

import { sep } from 'node:path';

export const MAX_INDEXED_FILES = 5000;
export const MAX_INDEXED_BYTES = 256 * 1024 * 1024;

const SYSTEM_FOLDERS = ['/proc', '/sys', '/dev'];

/** Whether `path` is, or is inside, /proc, /sys or /dev. */
export function isSystemFolder(path: string): boolean {
  return sep === '/' && SYSTEM_FOLDERS.some((f) => path === f || path.startsWith(`${f}/`));
}

/** Globs that keep a walk from `folder` out of the system folders below it (only `/` has them). */
export function systemFolderGlobs(folder: string): string[] {
  const isRoot = folder.length > 0 && [...folder].every((c) => c === '/');
  return sep === '/' && isRoot ? SYSTEM_FOLDERS.map((f) => `${f.slice(1)}/**`) : [];
}

/** Counts files and bytes read while indexing; `take` says whether one more file fits. */
export class IndexBudget {
  private files = 0;
  private bytes = 0;

  constructor(
    readonly maxFiles = MAX_INDEXED_FILES,
    readonly maxBytes = MAX_INDEXED_BYTES,
  ) {}

  get exhausted(): boolean {
    return this.files >= this.maxFiles || this.bytes >= this.maxBytes;
  }

  /** Records a file read of `bytes`. */
  spend(bytes: number): void {
    this.files++;
    this.bytes += bytes;
  }

  describe(): string {
    return `${this.files} files, ${this.bytes} bytes (the budget is ${this.maxFiles} files or ${this.maxBytes} bytes)`;
  }
}

/** What the workspace reports while it indexes (LSP window/workDoneProgress). */
export interface IndexProgress {
  report(percentage: number, message: string): void;
  done(): void;
}
