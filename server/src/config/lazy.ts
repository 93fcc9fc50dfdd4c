// Modules a run loads only when it needs them: the config parsers when a config file
// exists, RE2 when a config has patterns, the Markdown engine when a file is not cached,
// commander when the command line is more than the common lint run. A fully cached run
// with no config file then starts with none of them (a fifth of its time was spent
// initialising them). Each load is noted, so tests can check what a run loaded
// (POLICYLINT_DEBUG_LOADS=1 prints the list at exit).

const loaded: string[] = [];

/** Notes that `name` was loaded (in load order, each once). */
export function noteLoaded(name: string): void {
  if (!loaded.includes(name)) loaded.push(name);
}

/** What this process has loaded lazily so far. */
export function lazilyLoaded(): readonly string[] {
  return loaded;
}

/** `load()` on first call, noted as `name`; the same value after. */
export function lazy<T>(name: string, load: () => T): () => T {
  let value: { v: T } | undefined;
  return () => {
    if (value === undefined) {
      value = { v: load() };
      noteLoaded(name);
    }
    return value.v;
  };
}
