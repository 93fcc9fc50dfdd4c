import type { Formatter } from './context';
import { formatGithub } from './github';
import { formatGitlab } from './gitlab';
import { formatJunit } from './junit';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export type { FormatContext, Formatter } from './context';

const formatters = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
  gitlab: formatGitlab,
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

export { formatGithub, formatGitlab, formatJson, formatJunit, formatSarif, formatStylish };
