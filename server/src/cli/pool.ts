// Runs the per-file analyses: in worker threads (piscina) when there are
// enough files to pay for starting them, otherwise in this thread. A file whose
// analysis throws (a stack overflow included) becomes one internal-error
// finding for that file; the other files keep their results.

import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { AnalyseOutcome, AnalyseTask } from './analyse-file';
import { engineBundlePath, loadAnalyse } from './engine-loader';
import { describeFailure, internalError, placedAtStart } from '../lint/internal-error';

/** Below this many files a worker's start-up (loading the engine) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 24;
/** Files per thread below which another thread is not worth starting. */
const FILES_PER_THREAD = 12;
/**
 * Bytes per thread below which another thread is not worth starting unasked: on two cores, a
 * second worker first paid off on corpora larger than zh-regulations (11 MB, analysed in about
 * half a second by one thread), whose analysis in one thread beat two workers.
 */
const BYTES_PER_THREAD = 16 * 1024 * 1024;
/** Files being read or analysed at once per thread: analysis is synchronous, so this only overlaps reading. */
const IN_FLIGHT = 3;
/** The most files sent to a worker in one message. */
const BATCH_FILES = 16;

/** Runs `fn` over `items` with at most `limit` at a time; results keep the items' order. */
async function inOrder<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** What a file whose analysis failed reports: one error at its start, and a note for stderr. */
export function failedOutcome(task: AnalyseTask, error: unknown): AnalyseOutcome {
  const locale = task.locale === 'zh-CN' ? 'zh-CN' : 'en';
  return {
    display: task.display,
    notes: [`internal error in ${task.display}: ${describeFailure(error)}`],
    analysis: {
      path: task.display,
      kind: null,
      kindSource: 'none',
      language: 'en',
      locale,
      findings: [placedAtStart(internalError('', 'file', error, locale))],
      commitments: [],
      disables: [],
    },
  };
}

/**
 * Threads for a run: what was asked, never more than the cores, and no more
 * than the files can keep busy. Unasked, also no more than their size pays
 * for (`bytes`, when known): a worker costs its start and a message per batch.
 */
export function threadCount(asked: number | undefined, files: number, cores = availableParallelism(), bytes?: number): number {
  const wanted = Math.max(1, Math.min(asked ?? cores, cores));
  const bySize = asked === undefined && bytes !== undefined ? Math.floor(bytes / BYTES_PER_THREAD) : Infinity;
  return Math.max(1, Math.min(wanted, Math.ceil(files / FILES_PER_THREAD), bySize));
}

/** The size of the files to analyse, from the file system (a file that cannot be read counts nothing: its read will say why). */
function totalBytes(tasks: readonly AnalyseTask[]): number {
  let total = 0;
  for (const task of tasks) total += task.text !== undefined ? Buffer.byteLength(task.text) : (statSync(task.file, { throwIfNoEntry: false })?.size ?? 0);
  return total;
}

type Analyse = (task: AnalyseTask) => Promise<AnalyseOutcome>;

/** `onDone` counts finished files (progress); `inThread` replaces the engine for runs in this thread (tests). */
export async function analyseAll(tasks: AnalyseTask[], threads?: number, onDone?: () => void, inThread?: Analyse): Promise<AnalyseOutcome[]> {
  // Everything cached: neither the engine nor a worker thread is needed.
  if (tasks.length === 0) return [];
  const bundle = engineBundlePath();
  const cores = threadCount(threads, tasks.length, undefined, threads === undefined && tasks.length >= MIN_FILES_FOR_WORKERS ? totalBytes(tasks) : undefined);
  const counted = <T>(p: Promise<T>) => (onDone ? p.then((r) => (onDone(), r)) : p);
  if (inThread || !bundle || cores < 2 || tasks.length < MIN_FILES_FOR_WORKERS) {
    const analyse = inThread ?? (await loadAnalyse());
    return inOrder(tasks, IN_FLIGHT, (task) => counted(guarded(task, () => analyse(task))));
  }
  // require, not import(): on Node 20 an import() in a bundle compiled from V8's code cache
  // (bin/policylint.js) finds no loader. Only the built CLI gets here; it keeps piscina external.
  const { Piscina } = require('piscina') as typeof import('piscina');
  // A few tasks per worker, so that one file is read while another is analysed; threads start as work arrives.
  const pool = new Piscina({ filename: bundle, name: 'analyseBatch', minThreads: 1, maxThreads: cores, concurrentTasksPerWorker: IN_FLIGHT });
  // Files go in batches: a message to a worker and back costs about what a policy's analysis does.
  const size = Math.max(1, Math.min(BATCH_FILES, Math.ceil(tasks.length / (cores * IN_FLIGHT * 2))));
  const batches: AnalyseTask[][] = [];
  for (let i = 0; i < tasks.length; i += size) batches.push(tasks.slice(i, i + size));
  try {
    const done = await Promise.all(
      batches.map(async (batch) => {
        let results: (AnalyseOutcome | { failed: string })[];
        try {
          results = (await pool.run(batch)) as (AnalyseOutcome | { failed: string })[];
        } catch {
          // The worker itself failed (out of memory, a crash, a result that cannot be sent back): the batch's
          // files go again one by one, so that only the file that fails says so and the others keep their results.
          results = [];
          for (const task of batch) {
            try {
              results.push(...((await pool.run([task])) as (AnalyseOutcome | { failed: string })[]));
            } catch (e) {
              results.push({ failed: describeFailure(e) });
            }
          }
        }
        return results.map((r, i) => {
          onDone?.();
          return 'failed' in r ? failedOutcome(batch[i]!, r.failed) : r;
        });
      }),
    );
    return done.flat();
  } finally {
    await pool.destroy();
  }
}

async function guarded(task: AnalyseTask, run: () => Promise<AnalyseOutcome>): Promise<AnalyseOutcome> {
  try {
    return await run();
  } catch (e) {
    return failedOutcome(task, e);
  }
}
