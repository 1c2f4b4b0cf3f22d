import { availableParallelism } from 'node:os';
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
    // Vitest's default is one fork fewer than the cores: one fork on a 2-core machine. Test files
    // spend much of their time waiting on the browser and on child builds, so two forks take
    // npm test from ≈ 282 s to ≈ 206 s here (780 tests, quiet machine).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
