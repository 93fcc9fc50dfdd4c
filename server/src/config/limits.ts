/** Files larger than this are skipped unless the config's maxFileSize says otherwise. */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

/** A config file holds a few settings; anything near this size is not one. */
export const MAX_CONFIG_SIZE = 1024 * 1024;

/** No setting nests deeper than a few levels. */
export const MAX_CONFIG_DEPTH = 32;

const UNITS: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };

/** "10MB" → bytes; a number is bytes already. The schema has checked the form. */
export function parseSize(value: number | string): number {
  if (typeof value === 'number') return value;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(B|KB|MB|GB)?\s*$/i.exec(value);
  if (!m) throw new Error(`not a size: ${value}`);
  return Math.round(Number(m[1]) * UNITS[(m[2] ?? 'B').toUpperCase()]!);
}

/** The size limit a config sets. */
export function maxFileSize(config: { maxFileSize?: number | string }): number {
  return config.maxFileSize !== undefined ? parseSize(config.maxFileSize) : DEFAULT_MAX_FILE_SIZE;
}
