import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser tests launch a real Chromium; a 2-core CI machine needs the head room.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
