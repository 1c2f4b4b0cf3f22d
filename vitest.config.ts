import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Hang guards, not speed budgets: no test may fail because a 2-core machine is busy.
    // Tests bound their work instead (issue 15).
    testTimeout: 180_000,
    hookTimeout: 300_000,
    globalSetup: ['test/helpers/shared-browser.ts'],
    pool: 'forks',
  },
});
