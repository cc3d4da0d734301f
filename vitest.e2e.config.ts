import { defineConfig } from 'vitest/config';

/** Browser journeys: one real server and one Chromium per file, so run them one at a time. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    maxWorkers: 1,
    fileParallelism: false,
  },
});
