// The table `npm run bench` prints: every figure beside issue 14's target for it, and whether
// this run met it. Returns the targets (for bench-results.json).

const fmt = (n, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

/** The lowest and highest ratio of one round, beside a median ratio. */
const range = (r) => (r ? `(rounds ${fmt(r[0])}–${fmt(r[1])})` : '');

/** A row with a target: `met` is true, false, or null when the figure is missing. */
function target(what, value, shown, goal, pass) {
  return { what, value: shown, target: goal, met: Number.isFinite(value) ? pass(value) : null };
}

export function printTable(results) {
  const rows = [];
  const targets = [];
  const row = (what, value, goal = '', met = undefined) => rows.push([what, value, goal, met === undefined || met === null ? '' : met ? 'met' : 'NOT MET']);
  const check = (t) => {
    targets.push(t);
    row(t.what, t.value, t.target, t.met);
  };
  const { cli, realdocs, extraction, open, editor, browser } = results;
  const baselineName = results.baseline ? `baseline ${results.baseline.commit ?? ''}`.trim() : 'baseline';

  if (cli) {
    row('CLI cold, zh-regulations (684 files)', `${fmt(cli.policylintCold)} s`);
    row('markdownlint-cli2, same files', `${fmt(cli.markdownlintCli2)} s`);
    check(target('  speed-up vs markdownlint-cli2', cli.speedupVsMarkdownlint, `${fmt(cli.speedupVsMarkdownlint)}×`, '≥ 2×', (v) => v >= 2));
    if (cli.baselineCold !== null) {
      row(`${baselineName}, same files`, `${fmt(cli.baselineCold)} s`);
      row('  speed-up vs baseline', `${fmt(cli.speedupVsBaseline)}× ${range(cli.speedupVsBaselineRange)}`);
    }
    row('CLI cached (nothing changed)', `${fmt(cli.cached, 3)} s`);
    check(target('  cached vs cold', cli.cachedSpeedup, `${fmt(cli.cachedSpeedup, 1)}×`, '≥ 20×', (v) => v >= 20));
    row('  Node\'s own start (node -e 0), same rounds', `${fmt(cli.nodeStart, 3)} s`);
    row('  cold vs Node\'s start: the most a cached run can reach', `${fmt(cli.cachedSpeedupCeiling, 1)}×`);
    row('CLI peak RSS', `${fmt(cli.peakRssMb, 0)} MB`);
  }
  if (realdocs) {
    row(`CLI cold, realdocs en/ + zh/ (${realdocs.rounds} rounds)`, `${fmt(realdocs.policylint, 3)} s`);
    row('markdownlint-cli2, same files', `${fmt(realdocs.markdownlintCli2, 3)} s`);
    row('  speed-up vs markdownlint-cli2', `${fmt(realdocs.speedupVsMarkdownlint)}×`);
    if (realdocs.baseline !== null) {
      row(`${baselineName}, same files`, `${fmt(realdocs.baseline, 3)} s`);
      check(target('  speed-up vs baseline', realdocs.speedupVsBaseline, `${fmt(realdocs.speedupVsBaseline)}× ${range(realdocs.speedupVsBaselineRange)}`, '≥ 1× (no slower)', (v) => v >= 1));
    } else {
      row('  vs baseline', 'no --baseline', '≥ 1× (no slower)');
    }
  }
  if (extraction) {
    row('parse zh-regulations, one thread', `${fmt(extraction.parseMs, 0)} ms`);
    const overhead = extraction.overhead;
    check(target('  + SLA extraction and checks', overhead, `${fmt(extraction.extractMs + extraction.checksMs, 0)} ms (${fmt(overhead * 100, 0)}%)`, '< 25%', (v) => v < 0.25));
  }
  if (open) row(`didOpen → first diagnostics, 1 MB (${open.opens} opens)`, `${fmt(open.median, 0)} ms`);
  if (editor) {
    for (const [size, typed, limit] of [['50 KB', editor.small, 30], ['1 MB', editor.large, 100]]) {
      check(target(`didChange → diagnostics, ${size}, p50 / p95`, typed.p95, `${fmt(typed.p50, 1)} / ${fmt(typed.p95, 1)} ms`, `p95 < ${limit} ms`, (v) => v < limit));
      // Results from before the bench sent result ids have neither row.
      if (typed.unchanged !== undefined) row(`  answers "unchanged" (result id sent, as VS Code does)`, `${typed.unchanged} of ${typed.edits}`);
      if (typed.full) row('  every answer in full (no result id sent)', `${fmt(typed.full.p50, 1)} / ${fmt(typed.full.p95, 1)} ms`);
      if (typed.rssMb !== undefined) row('  server peak RSS over the typing', `${fmt(typed.rssMb, 0)} MB`);
    }
    // Results from before the bench typed sentences have no such row.
    if (editor.sentence) row(`a sentence typed at three places, 1 MB (${editor.sentence.edits} keystrokes), p50 / p95 / slowest`, `${fmt(editor.sentence.p50, 1)} / ${fmt(editor.sentence.p95, 1)} / ${fmt(editor.sentence.max, 0)} ms`);
    check(target('server RSS, zh-regulations as workspace', editor.workspaceRssMb, `${fmt(editor.workspaceRssMb, 0)} MB`, '< 300 MB', (v) => v < 300));
    check(target('client bundle (minified)', editor.clientBundleKb, `${fmt(editor.clientBundleKb, 1)} KB`, '< 300 KB', (v) => v < 300));
  }
  if (browser?.skipped) {
    row('VS Code in Chromium, open → extension active', 'skipped');
  } else if (browser) {
    row(`VS Code in Chromium, open a policy (${browser.runs} runs)`, '');
    row('  → activation begun', `${fmt(browser.activationStartMs, 0)} ms`);
    row('  → extension active (status bar item)', `${fmt(browser.activeMs, 0)} ms`);
    row('  → first squiggle', `${fmt(browser.squiggleMs, 0)} ms`);
  }

  const width = Math.max(...rows.map((r) => r[0].length));
  const valueWidth = Math.max(16, ...rows.map((r) => r[1].length));
  const goalWidth = Math.max(...rows.map((r) => r[2].length));
  console.log(`\npolicylint benchmark (${results.machine.cores} cores, Node ${results.machine.node}, medians of ${results.runs} alternating runs)\n`);
  for (const [what, value, goal, met] of rows) console.log(`${what.padEnd(width)}  ${value.padStart(valueWidth)}  ${goal.padEnd(goalWidth)}  ${met}`.trimEnd());
  if (browser?.skipped) console.log(`\nbrowser step skipped: ${browser.skipped}`);
  return targets;
}
