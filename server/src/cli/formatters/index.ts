import type { FileResult, Locale, RuleDescriptor, RunSummary } from '../../engine/types';
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export interface FormatContext {
  /** Every rule the run knew about, in a stable order (SARIF's ruleIndex points into it). */
  rules: RuleDescriptor[];
  locale: Locale;
  /** Absolute working directory; FileResult paths are relative to it. */
  cwd: string;
  toolVersion: string;
  /** ANSI colours; only the stylish formatter has any, and only when this is true. */
  color?: boolean;
}

/**
 * A formatter turns a finished run into text for stdout or a file. It returns
 * '' or text that ends with a newline, so the caller can write it as it is.
 */
export type Formatter = (results: FileResult[], summary: RunSummary, ctx: FormatContext) => string;

const formatters = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
} satisfies Record<string, Formatter>;

export type FormatterName = keyof typeof formatters;

export const formatterNames = Object.keys(formatters) as FormatterName[];

export function isFormatterName(name: string): name is FormatterName {
  return Object.prototype.hasOwnProperty.call(formatters, name);
}

export function getFormatter(name: string): Formatter {
  if (!isFormatterName(name)) {
    throw new Error(`Unknown formatter "${name}". Valid formatters: ${formatterNames.join(', ')}.`);
  }
  return formatters[name];
}

export { formatGithub, formatJson, formatSarif, formatStylish };
