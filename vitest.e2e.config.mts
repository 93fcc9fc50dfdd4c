// End-to-end suites (npm run test:e2e): VS Code in code-server driven by Playwright, and
// Neovim's LSP client. Slow and stateful, so they are kept out of `npm test`'s config.
// Every test states its own timeout; the defaults below only catch a test that forgets.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    pool: 'forks',
    globalSetup: ['test/setup/scratch-tmpdir.ts'],
    // One suite at a time: each starts editors and a language server, and the machine has 2 cores.
    fileParallelism: false,
    maxWorkers: 1,
    retry: 0,
    bail: 0,
    reporters: ['default'],
  },
});
