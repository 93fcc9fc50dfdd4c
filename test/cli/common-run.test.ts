// The command lines common-run.ts parses without commander: each one it takes must mean
// to commander exactly what it means to common-run.ts (the same paths, the same options),
// and everything else is left to commander.

import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LintCommandOptions } from '../../server/src/cli/lint-command';

const captured: { paths: string[]; opts: LintCommandOptions }[] = [];
vi.mock('../../server/src/cli/lint-command', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../server/src/cli/lint-command')>()),
  runLintCommand: async (paths: string[], opts: LintCommandOptions) => void captured.push({ paths, opts: { ...opts } }),
}));

const { parseCommonRun } = await import('../../server/src/cli/common-run');
const { buildProgram } = await import('../../server/src/cli/commander-program');

/** What commander hands the lint command for this line; undefined when it refuses the line or runs something else. */
async function commanderParse(args: string[]): Promise<{ paths: string[]; opts: LintCommandOptions } | undefined> {
  captured.length = 0;
  const io = { cwd: '/', isTTY: false, stdout: () => {}, stderr: () => {}, setExitCode: () => {} };
  try {
    await buildProgram(io).parseAsync(args, { from: 'user' });
  } catch {
    return undefined;
  }
  return captured[0];
}

beforeEach(() => {
  captured.length = 0;
});

describe('common lint command lines without commander', () => {
  const taken: string[][] = [
    [],
    ['zh-regulations', '--format', 'json', '--cache', '--cache-location', 'cache.json'],
    ['docs', 'more docs', '-f', 'sarif', '-o', 'out.sarif', '--max-warnings', '0', '-q'],
    ['--no-config', '--locale', 'zh-CN', '--threads', '2', '--shard', '2/4', 'a.md'],
    ['-c', 'x.yaml', '--color', '--stats', '--verbose', '--fix', '--follow-symlinks', '--no-inline-config', '--no-error-on-unmatched-pattern'],
    ['--report-unused-disable-directives', '--no-color', '--fix-dry-run', '--cache-location', '', ''],
  ];
  it.each(taken.map((args) => [args.join(' ') || '(no arguments)', args] as const))('takes %s, as commander reads it', async (_, args) => {
    const fast = parseCommonRun(args);
    expect(fast).toBeDefined();
    expect(fast).toEqual(await commanderParse(args));
  });

  const left: string[][] = [
    ['--help'],
    ['-h'],
    ['--version'],
    ['-v'],
    ['help'],
    ['sla', 'docs'],
    ['docs', 'merge'],
    ['--format=json'],
    ['-fjson'],
    ['-qf', 'json'],
    ['--cache', '--cache'],
    ['--color', '--no-color'],
    ['--no-config', '-c', 'x.json'],
    ['--format', 'xml'],
    ['--format'],
    ['--format', '-q'],
    ['--max-warnings', '-1'],
    ['--max-warnings', '1.5'],
    ['--threads', '0'],
    ['--shard', '5/4'],
    ['--locale', 'fr'],
    ['--', '-odd-name.md'],
    ['-'],
    ['--stdin'],
    ['--print-config', 'a.md'],
    ['--unknown'],
  ];
  it.each(left.map((args) => [args.join(' '), args] as const))('leaves %s to commander', (_, args) => {
    expect(parseCommonRun(args)).toBeUndefined();
  });

  it('reads every generated line it takes as commander does', async () => {
    const token = fc.constantFrom(
      'docs', 'a.md', '', 'sla', 'init', 'help', 'json', 'stylish', 'xml', 'x.json', '0', '-1', '1.5', '3', '2/4', '0/1', 'en', 'fr', 'out.txt',
      '--format', '-f', '--cache', '--cache-location', '-c', '--config', '--no-config', '--max-warnings', '--threads', '--shard', '--locale',
      '-q', '--quiet', '--color', '--no-color', '--stats', '--verbose', '-o', '--output-file', '--fix', '--fix-dry-run', '--no-inline-config',
      '--report-unused-disable-directives', '--no-error-on-unmatched-pattern', '--follow-symlinks', '--format=json', '-v', '--help', '--', '-', '--stdin',
    );
    let takenCount = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 8 }), async (args) => {
        const fast = parseCommonRun(args);
        if (fast === undefined) return;
        takenCount++;
        expect(fast).toEqual(await commanderParse(args));
      }),
      { numRuns: 1500, seed: 14 },
    );
    // The property says something only if many generated lines were taken.
    expect(takenCount).toBeGreaterThan(100);
  });
});
