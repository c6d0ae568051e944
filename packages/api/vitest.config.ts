import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Budgets that a loaded 2-core CI machine meets, not speed checks (a hung test
    // still fails, at the budget).
    hookTimeout: 180_000,
    testTimeout: 180_000,
    // Two files at a time: in `npm test` this suite runs once core's is done
    // (scripts/test-unit.mjs), and one worker would leave a core idle.
    maxWorkers: 2,
  },
});
