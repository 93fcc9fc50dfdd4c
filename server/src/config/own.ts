// Looking up a key that came from a document, a config or a result file in a
// plain object would find what Object.prototype holds (`constructor`,
// `__proto__`, `toString`) as if the table had it. Every such lookup goes
// through here, so only the table's own entries answer.

/** The table's own entry for `key`, never one inherited from Object.prototype. */
export function ownValue<T>(table: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}
