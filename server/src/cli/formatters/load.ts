// The formatters by name, each loaded when a run asks for it: the stylish formatter's
// string-width compiles large Unicode-set regular expressions at load, which a run that
// writes JSON never needs. index.ts holds the same table, loaded at once, for tests and
// for code that wants a formatter synchronously.

import type { Formatter } from './context';

const loaders = {
  stylish: async () => (await import('./stylish')).formatStylish,
  json: async () => (await import('./json')).formatJson,
  sarif: async () => (await import('./sarif')).formatSarif,
  github: async () => (await import('./github')).formatGithub,
  junit: async () => (await import('./junit')).formatJunit,
  gitlab: async () => (await import('./gitlab')).formatGitlab,
} satisfies Record<string, () => Promise<Formatter>>;

export type FormatterName = keyof typeof loaders;

/** In the order `--format`'s help lists them. */
export const formatterNames = Object.keys(loaders) as FormatterName[];

export function isFormatterName(name: string): name is FormatterName {
  return Object.prototype.hasOwnProperty.call(loaders, name);
}

/** The formatter called `name`; rejects with the list of valid names for any other. */
export async function loadFormatter(name: string): Promise<Formatter> {
  if (!isFormatterName(name)) {
    throw new Error(`Unknown formatter "${name}". Valid formatters: ${formatterNames.join(', ')}.`);
  }
  return loaders[name]();
}
