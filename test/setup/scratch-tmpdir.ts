// Gives the whole test run one scratch folder as its temporary directory, and removes it when
// the run ends. The suites make hundreds of throwaway workspaces (and the CLIs they spawn make
// caches of their own); removing each in its own suite would leave them behind whenever a test
// fails half-way, and a test run must not fill the machine's temporary folder.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// os.tmpdir() reads TMPDIR on POSIX and TEMP/TMP on Windows; the forked workers and the
// processes they spawn inherit all three.
const VARIABLES = ['TMPDIR', 'TEMP', 'TMP'] as const;

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'policylint-test-run-'));
  const before = VARIABLES.map((name) => process.env[name]);
  for (const name of VARIABLES) process.env[name] = root;
  return () => {
    VARIABLES.forEach((name, index) => {
      const value = before[index];
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    });
    rmSync(root, { recursive: true, force: true });
  };
}
