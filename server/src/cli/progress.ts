// Progress on stderr for a long run on a terminal: the number of files, then a bar with a
// counter, redrawn in place as files are done and cleared at the end. Nothing at all when
// stderr is not a terminal (CI logs, pipes) or the run is short.

import type { Progress } from './pipeline';

/** Below this many files to analyse a run is over before progress would help. */
export const PROGRESS_MIN_FILES = 50;
const WIDTH = 24;

export function terminalProgress(write: (s: string) => void, minFiles = PROGRESS_MIN_FILES): Progress {
  let total = 0;
  let done = 0;
  let drawn = -1;
  const draw = () => {
    // Redrawn only when the bar or the percentage moves, so a large run writes about a hundred updates.
    const percent = Math.floor((done / total) * 100);
    if (percent === drawn) return;
    drawn = percent;
    const filled = Math.round((done / total) * WIDTH);
    write(`\r[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${done}/${total} files (${percent}%)`);
  };
  return {
    start(files) {
      total = files;
      if (total < minFiles) return;
      write(`policylint: analysing ${total} files\n`);
      draw();
    },
    tick() {
      done++;
      if (total >= minFiles) draw();
    },
    done() {
      if (total >= minFiles) write('\r\u001b[2K');
    },
  };
}
