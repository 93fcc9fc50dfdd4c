// Settings of the server fuzz test (../fuzz.test.ts, which describes it), read
// from the environment, the protocol constants its modules share, and the tally
// of requests it prints.

export const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
export const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
export const MAX_STEPS = Number(process.env.FUZZ_STEPS ?? 25);
export const PATH = process.env.FUZZ_PATH || undefined;
/** FUZZ_TRACE=1 prints every message the test sends and every answer (for replaying one failure). */
export const TRACE = !!process.env.FUZZ_TRACE;
/** A request unanswered for this long is a hang (the server answers in milliseconds). */
export const REQUEST_TIMEOUT_MS = Number(process.env.FUZZ_REQUEST_TIMEOUT_MS ?? 15_000);
/** Caps shrinking after a failure; a passing run takes a fraction of this. */
export const TIME_LIMIT_MS = Number(process.env.FUZZ_TIME_LIMIT_MS ?? 120_000);

export const FIX_ALL = 'policylint.applyFixAll';
export const INSERT_SECTIONS = 'policylint.applyInsertMissingSections';
export const INTERNAL_ERROR = -32603;
export const REQUEST_CANCELLED = -32800;
export const CONTENT_MODIFIED = -32801;

/** Requests sent and how they were answered, printed after each test so a quiet pass shows what it exercised. */
export const stats = new Map<string, number>();
export const count = (key: string) => stats.set(key, (stats.get(key) ?? 0) + 1);
