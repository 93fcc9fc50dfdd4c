import { defineConfig } from 'vitest/config';

// Three projects: `core` (rules, grammar, engine, in-process CLI: the inner loop,
// `npm run test:fast`), `retention` (what the editor's caches still hold, with
// a V8 of its own: see below) and `integration` (real documents, the language
// server over stdio, the CLI as a process, fuzzing). `npm test` runs all three.
const INTEGRATION = [
  'test/corpus.test.ts',
  'test/corpus-chunks.test.ts',
  'test/realdocs.test.ts',
  'test/linear-time.test.ts',
  'test/reliability.test.ts',
  'test/fuzz/**/*.test.ts',
  'test/server/**/*.test.ts',
  'test/cli/process.test.ts',
  'test/cli/start.test.ts',
  'test/cli/own-docs.test.ts',
  'test/cli/package.test.ts',
  'test/cli/hooks.test.ts',
];

// Collects garbage to see what the editor's caches still hold. V8's optimising compiler, working
// in the background, holds the closures it compiles (and through them a document) until the
// main thread installs the code, which may come after the collection: this project compiles on
// the main thread, so a document still held is held by us. Only here: elsewhere it is slower.
const RETENTION = 'test/lint/editor-retention.test.ts';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/setup/scratch-tmpdir.ts'],
    coverage: {
      provider: 'v8',
      include: ['server/src/**/*.ts', 'client/src/**/*.ts'],
      reporter: ['text-summary'],
    },
    projects: [
      { extends: true, test: { name: 'core', include: ['test/**/*.test.ts'], exclude: [...INTEGRATION, RETENTION] } },
      { extends: true, test: { name: 'retention', include: [RETENTION], execArgv: ['--expose-gc', '--no-concurrent-recompilation'] } },
      { extends: true, test: { name: 'integration', include: INTEGRATION, globalSetup: ['test/setup/corpus-report.ts'] } },
    ],
  },
});
