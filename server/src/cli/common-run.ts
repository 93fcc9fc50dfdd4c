// The common lint command lines (`policylint docs --format json --cache`), parsed without
// commander, whose load was a measurable part of a fully cached run. Only what this parser
// fully understands is taken: paths, and each option below written once as its own
// argument, with a valid value. Anything else (help, --version, a subcommand, `--`, a
// repeated option, `--opt=value`, short flags run together, a value commander would refuse,
// a value that starts with `-`) returns undefined, and commander parses the line as before,
// so help, errors and every option's meaning stay commander's. test/cli/common-run.test.ts
// checks that both parse every line this one takes alike.

import { formatterNames } from './formatters/load';
import { LOCALE_CHOICES, shardValue, wholeNumber, type LintCommandOptions } from './lint-command';

type Key = keyof LintCommandOptions;

/** Options without a value: what commander stores for each. */
const FLAGS: Readonly<Record<string, readonly [Key, boolean]>> = {
  '--fix': ['fix', true],
  '--fix-dry-run': ['fixDryRun', true],
  '-q': ['quiet', true],
  '--quiet': ['quiet', true],
  '--no-config': ['config', false],
  '--cache': ['cache', true],
  '--follow-symlinks': ['followSymlinks', true],
  '--verbose': ['verbose', true],
  '--no-error-on-unmatched-pattern': ['errorOnUnmatchedPattern', false],
  '--stats': ['stats', true],
  '--no-inline-config': ['inlineConfig', false],
  '--report-unused-disable-directives': ['reportUnusedDisableDirectives', true],
  '--color': ['color', true],
  '--no-color': ['color', false],
};

const text = (v: string) => v;
const oneOf = (choices: readonly string[]) => (v: string) => (choices.includes(v) ? v : undefined);

/** Options with a value: how the value is read (undefined: commander would refuse it). */
const VALUED: Readonly<Record<string, readonly [Key, (value: string) => unknown]>> = {
  '-f': ['format', oneOf(formatterNames)],
  '--format': ['format', oneOf(formatterNames)],
  '--max-warnings': ['maxWarnings', (v) => wholeNumber(v, 0)],
  '-c': ['config', text],
  '--config': ['config', text],
  '--locale': ['locale', oneOf(LOCALE_CHOICES)],
  '--cache-location': ['cacheLocation', text],
  '--threads': ['threads', (v) => wholeNumber(v, 1)],
  '--shard': ['shard', shardValue],
  '-o': ['outputFile', text],
  '--output-file': ['outputFile', text],
};

/** The subcommands: an operand with one of these names is left to commander. */
const COMMANDS = ['init', 'merge', 'sla', 'convert', 'help'];

/** The paths and options of a common lint command line, as commander would give them; undefined for any other line. */
export function parseCommonRun(args: readonly string[]): { paths: string[]; opts: LintCommandOptions } | undefined {
  const opts: Record<string, unknown> = { format: 'stylish', errorOnUnmatchedPattern: true, inlineConfig: true };
  const given = new Set<Key>();
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('-')) {
      if (COMMANDS.includes(arg)) return undefined;
      paths.push(arg);
      continue;
    }
    const flag = FLAGS[arg];
    const valued = VALUED[arg];
    const key = flag?.[0] ?? valued?.[0];
    if (key === undefined || given.has(key)) return undefined;
    given.add(key);
    if (flag) {
      opts[key] = flag[1];
      continue;
    }
    const raw = args[++i];
    if (raw === undefined || raw.startsWith('-')) return undefined;
    const value = valued![1](raw);
    if (value === undefined) return undefined;
    opts[key] = value;
  }
  return { paths, opts: opts as unknown as LintCommandOptions };
}
