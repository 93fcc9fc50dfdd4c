// Runs the per-file analyses: in worker threads (piscina) when there are
// enough files to pay for starting them, otherwise in this thread.

import { availableParallelism } from 'node:os';
import type { AnalyseOutcome, AnalyseTask } from './analyse-file';
import { engineBundlePath, loadAnalyse } from './engine-loader';

/** Below this many files a worker's start-up (loading the engine) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 24;

export async function analyseAll(tasks: AnalyseTask[], threads?: number): Promise<AnalyseOutcome[]> {
  const bundle = engineBundlePath();
  const cores = threads ?? availableParallelism();
  if (!bundle || cores < 2 || tasks.length < MIN_FILES_FOR_WORKERS) {
    const analyse = await loadAnalyse();
    const out: AnalyseOutcome[] = [];
    for (const task of tasks) out.push(await analyse(task));
    return out;
  }
  const { Piscina } = await import('piscina');
  const pool = new Piscina({ filename: bundle, name: 'analyseFile', minThreads: cores, maxThreads: cores });
  try {
    return await Promise.all(tasks.map((task) => pool.run(task) as Promise<AnalyseOutcome>));
  } finally {
    await pool.destroy();
  }
}
