// The whole `policylint` command line on commander: every option, the subcommands, help,
// --version and usage errors. program.ts comes here for anything common-run.ts does not
// take on by itself; the work is in lint-command.ts, sla-command.ts, merge.ts and the rest.

import { Command, InvalidArgumentError, Option } from 'commander';
import { formatterNames } from './formatters/load';
import { outputFileSink } from './output-file';
import { closeSink, LOCALE_CHOICES, runLintCommand, shardValue, useColor, version, wholeNumber, type CommandIo, type LintCommandOptions } from './lint-command';

function nonNegativeInt(value: string): number {
  const n = wholeNumber(value, 0);
  if (n === undefined) throw new InvalidArgumentError('expected a whole number ≥ 0.');
  return n;
}

function parseShard(value: string): { index: number; total: number } {
  const shard = shardValue(value);
  if (!shard) throw new InvalidArgumentError('expected i/n with 1 ≤ i ≤ n, e.g. 2/4.');
  return shard;
}

function positiveInt(value: string): number {
  const n = wholeNumber(value, 1);
  if (n === undefined) throw new InvalidArgumentError('expected a whole number ≥ 1.');
  return n;
}

export function buildProgram(io: CommandIo): Command {
  const program = new Command('policylint');
  program
    .description('Lint service-policy documents: required sections, placeholders, numbering, SLA commitments.')
    .version(version, '-v, --version')
    .argument('[paths...]', 'files, folders or globs (default: **/*.{md,docx}, minus .gitignore and config ignores)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatterNames).default('stylish'))
    .option('--fix', 'apply automatic fixes and write the files (atomically); never writes a Word document')
    .option('--fix-dry-run', 'print the fixes as a diff; write nothing')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', nonNegativeInt)
    .option('-q, --quiet', 'report errors only')
    .option('-c, --config <file>', 'use this config file for every document')
    .option('--no-config', 'ignore config files')
    .option('--print-config <file>', 'print the settings that apply to this file and where each comes from (JSON); lint nothing')
    .addOption(new Option('--locale <locale>', 'language of messages (default: each document\'s own)').choices(LOCALE_CHOICES))
    .option('--cache', 'reuse the results of unchanged files (stored in .policylintcache)')
    .option('--cache-location <file>', 'where the cache lives')
    .option('--threads <n>', 'worker threads (default: one per core)', positiveInt)
    .option('--follow-symlinks', 'also walk through symlinks that lead out of the linted folders (never into /proc, /sys, /dev; --fix still writes nothing there)')
    .option('--shard <i/n>', 'lint only shard i of n (for a CI matrix); combine the results with `policylint merge`', parseShard)
    .option('--verbose', 'also say, for each file, which kind of document it was read as and why (on stderr)')
    .option('--stdin', 'lint the text on stdin instead of files')
    .option('--stdin-filename <path>', 'the path the text on stdin stands for (its config, its name in the report)')
    .option('--no-error-on-unmatched-pattern', 'a folder or glob that finds no file is no error (exit 0)')
    .option('--stats', 'print the time each phase took (on stderr)')
    .option('--no-inline-config', 'ignore policylint-disable/enable comments in documents')
    .option('--report-unused-disable-directives', 'report policylint-disable comments that switch nothing off (as errors)')
    .option('-o, --output-file <file>', 'write the report to this file instead of stdout')
    .option('--color', 'force colours (default: when stdout is a terminal, unless NO_COLOR is set; FORCE_COLOR forces them)')
    .option('--no-color', 'no colours')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .enablePositionalOptions()
    .action((paths: string[], opts: LintCommandOptions) => runLintCommand(paths, opts, io));

  program
    .command('init')
    .description('write a commented .policylintrc.jsonc here, with the kinds and the organisation the documents show')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .action(async () => {
      const { runInit } = await import('./init');
      io.setExitCode(await runInit({ cwd: io.cwd, toolVersion: version, stdout: io.stdout, stderr: io.stderr }));
    });

  program
    .command('merge')
    .description('combine the results of sharded runs (--shard i/n --format json|sarif) and run the cross-document checks')
    .argument('<results...>', 'the result files of every shard')
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatterNames).default('stylish'))
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', nonNegativeInt)
    .option('-q, --quiet', 'report errors only')
    .option('-c, --config <file>', 'use this config file for every document')
    .option('--no-config', 'ignore config files')
    .option('-o, --output-file <file>', 'write the report to this file instead of stdout')
    .option('--color', 'force colours')
    .option('--no-color', 'no colours')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .action(async (inputs: string[], opts) => {
      const { runMerge } = await import('./merge');
      const sink = opts.outputFile ? outputFileSink(io.cwd, opts.outputFile) : undefined;
      const code = await runMerge(inputs, {
        cwd: io.cwd,
        format: opts.format,
        maxWarnings: opts.maxWarnings,
        quiet: Boolean(opts.quiet),
        config: opts.config === false ? false : opts.config,
        color: useColor(opts.color, io, Boolean(sink)),
        toolVersion: version,
        stdout: sink?.write ?? io.stdout,
        stderr: io.stderr,
      });
      io.setExitCode(await closeSink(sink, code, io));
    });

  program
    .command('sla')
    .description('print the table of SLA commitments (file, line, channel, metric, conditions, value, normalised value, status)')
    .argument('[paths...]', 'files, folders or globs (default: **/*.{md,docx})')
    .addOption(new Option('-f, --format <format>', 'table format').choices(['md', 'csv', 'json']).default('md'))
    .option('-c, --config <file>', 'use this config file for every document')
    .option('--no-config', 'ignore config files')
    .addOption(new Option('--locale <locale>', 'language of the Markdown table').choices(LOCALE_CHOICES))
    .option('--threads <n>', 'worker threads', positiveInt)
    .option('-o, --output-file <file>', 'write the table to this file instead of stdout')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .action(async (paths: string[], opts) => {
      const { runSla } = await import('./sla-command');
      const sink = opts.outputFile ? outputFileSink(io.cwd, opts.outputFile) : undefined;
      const code = await runSla({
        patterns: paths,
        cwd: io.cwd,
        format: opts.format,
        config: opts.config === false ? false : opts.config,
        locale: opts.locale,
        threads: opts.threads,
        toolVersion: version,
        stdout: sink?.write ?? io.stdout,
        stderr: io.stderr,
      });
      io.setExitCode(await closeSink(sink, code, io));
    });
  program
    .command('convert')
    .description('write a Word document (.docx) as the Markdown policylint lints: numbering as Word shows it, headings, tables, front matter with kind and title')
    .argument('<file>', 'the .docx to convert')
    .option('-o, --output <file>', 'write the Markdown here (default: stdout)')
    .option('-c, --config <file>', 'use this config file')
    .option('--no-config', 'ignore config files')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .action(async (file: string, opts) => {
      const { runConvert } = await import('./convert');
      io.setExitCode(
        await runConvert({ file, output: opts.output, cwd: io.cwd, config: opts.config === false ? false : opts.config, stdout: io.stdout, stderr: io.stderr }),
      );
    });

  program.helpCommand('help [command]', 'show help for policylint or one of its commands');
  return program;
}
