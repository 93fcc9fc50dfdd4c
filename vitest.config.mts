import { defineConfig } from 'vitest/config';

// Two projects: `core` (rules, grammar, engine, in-process CLI: the inner loop,
// `npm run test:fast`) and `integration` (real documents, the language server
// over stdio, the CLI as a process, fuzzing). `npm test` runs both.
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

export default defineConfig({
  test: {
    testTimeout: 60_000,
    pool: 'forks',
    // test/lint/editor-retention.test.ts collects garbage to see what the editor's caches still hold.
    execArgv: ['--expose-gc'],
    coverage: {
      provider: 'v8',
      include: ['server/src/**/*.ts', 'client/src/**/*.ts'],
      reporter: ['text-summary'],
    },
    projects: [
      { extends: true, test: { name: 'core', include: ['test/**/*.test.ts'], exclude: INTEGRATION } },
      { extends: true, test: { name: 'integration', include: INTEGRATION, globalSetup: ['test/setup/corpus-report.ts'] } },
    ],
  },
});
