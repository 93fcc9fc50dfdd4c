// What every formatter is handed, and what it must return.

import type { Locale, RuleDescriptor } from '../../engine/types';
import type { FileResult, RunSummary } from '../report';

export interface FormatContext {
  /** Every rule the run knew about, in a stable order (SARIF's ruleIndex points into it). */
  rules: RuleDescriptor[];
  locale: Locale;
  /** Absolute working directory; FileResult paths are relative to it. */
  cwd: string;
  toolVersion: string;
  /** ANSI colours; only the stylish formatter has any, and only when this is true. */
  color?: boolean;
  /** In a shard's run (--shard i/n): which shard, and every file of the whole run, for merge to check. */
  shard?: ShardInfo;
}

export interface ShardInfo {
  index: number;
  count: number;
  /** Every file the run's patterns found, before sharding (paths as in the results). */
  files: string[];
}

/**
 * A formatter turns a finished run into text for stdout or a file. It returns
 * '' or text that ends with a newline, so the caller can write it as it is.
 */
export type Formatter = (results: FileResult[], summary: RunSummary, ctx: FormatContext) => string;
