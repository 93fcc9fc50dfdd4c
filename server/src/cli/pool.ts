// Runs the per-file analyses: in worker threads (piscina) when there are
// enough files to pay for starting them, otherwise in this thread.

import { availableParallelism } from 'node:os';
import type { AnalyseOutcome, AnalyseTask } from './analyse-file';
import { engineBundlePath, loadAnalyse } from './engine-loader';

/** Below this many files a worker's start-up (loading the engine) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 24;
/** Files being read or analysed at once per thread: analysis is synchronous, so this only overlaps reading. */
const IN_FLIGHT = 3;

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

export async function analyseAll(tasks: AnalyseTask[], threads?: number, onDone?: () => void): Promise<AnalyseOutcome[]> {
  const bundle = engineBundlePath();
  const cores = threads ?? availableParallelism();
  const counted = <T>(p: Promise<T>) => (onDone ? p.then((r) => (onDone(), r)) : p);
  if (!bundle || cores < 2 || tasks.length < MIN_FILES_FOR_WORKERS) {
    const analyse = await loadAnalyse();
    return inOrder(tasks, IN_FLIGHT, (task) => counted(analyse(task)));
  }
  const { Piscina } = await import('piscina');
  // A few tasks per worker, so that one file is read while another is analysed.
  const pool = new Piscina({ filename: bundle, name: 'analyseFile', minThreads: cores, maxThreads: cores, concurrentTasksPerWorker: IN_FLIGHT });
  try {
    return await Promise.all(tasks.map((task) => counted(pool.run(task) as Promise<AnalyseOutcome>)));
  } finally {
    await pool.destroy();
  }
}
