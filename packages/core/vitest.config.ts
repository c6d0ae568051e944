import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Budgets that a loaded 2-core CI machine meets, not speed checks (a hung test
    // still fails, at the budget).
    hookTimeout: 180_000,
    testTimeout: 180_000,
    // Two files at a time: these tests wait on PostgreSQL as much as they compute,
    // and the suite is the longest task of `npm test` (the default is one on 2 cores).
    maxWorkers: 2,
  },
});
