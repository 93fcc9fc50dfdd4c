import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    coverage: {
      provider: 'v8',
      include: ['server/src/**/*.ts', 'client/src/**/*.ts'],
      reporter: ['text-summary'],
    },
  },
});
