// dist/engine.js: the analysis engine as its own bundle, loaded only when some
// file is not in the cache, either in-process or by each worker thread.
import { describeFailure } from '../lint/internal-error';
import { analyseFile, type AnalyseOutcome, type AnalyseTask } from './analyse-file';

export { analyseFile, analyseFile as default };

/** Several files in one message to a worker: the files of a policy corpus take less time to analyse than a message takes to travel. */
export async function analyseBatch(tasks: AnalyseTask[]): Promise<(AnalyseOutcome | { failed: string })[]> {
  const out: (AnalyseOutcome | { failed: string })[] = [];
  for (const task of tasks) {
    try {
      out.push(await analyseFile(task));
    } catch (e) {
      // Described here: an Error does not cross to the main thread whole.
      out.push({ failed: describeFailure(e) });
    }
  }
  return out;
}
