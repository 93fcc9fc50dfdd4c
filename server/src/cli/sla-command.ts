// `policylint sla [paths…] --format md|csv|json`: every commitment the run
// finds, statutes and terms included, with its status.

import type { LocaleSetting } from '../l10n/format';
import type { Locale } from '../engine/types';
import { runPipeline } from './pipeline';
import { EXIT_FAILURE, EXIT_OK, reportFailure } from './run';
import { slaCsv, slaJson, slaMarkdown, slaRows } from './sla-table';

export interface SlaOptions {
  patterns: string[];
  cwd: string;
  format: 'md' | 'csv' | 'json';
  config?: string | false;
  locale?: LocaleSetting;
  threads?: number;
  toolVersion: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export async function runSla(options: SlaOptions): Promise<number> {
  let run;
  try {
    run = await runPipeline({ ...options, fix: false, fixDryRun: false, allCommitments: true });
  } catch (e) {
    return reportFailure(e, options);
  }
  const own = run.files.flatMap((f) => run.analyses.get(f) ?? []);
  const languages = own.map((a) => a.language);
  const locale: Locale = options.locale === 'zh-CN' || options.locale === 'en' ? options.locale : languages.length > 0 && languages.every((l) => l === 'zh') ? 'zh-CN' : 'en';
  const rows = slaRows(run.index, locale, new Set(own.map((a) => a.path)));
  if (options.format === 'csv') options.stdout(slaCsv(rows));
  else if (options.format === 'json') options.stdout(slaJson(rows));
  else options.stdout(slaMarkdown(rows, locale));
  return own.length > 0 || run.files.length === 0 ? EXIT_OK : EXIT_FAILURE;
}
