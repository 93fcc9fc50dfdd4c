const UNITS: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };

/** "10MB" → bytes; a number is bytes already. The schema has checked the form. */
export function parseSize(value: number | string): number {
  if (typeof value === 'number') return value;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(B|KB|MB|GB)?\s*$/i.exec(value);
  if (!m) throw new Error(`not a size: ${value}`);
  return Math.round(Number(m[1]) * UNITS[(m[2] ?? 'B').toUpperCase()]!);
}
