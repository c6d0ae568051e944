import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Budgets for a loaded 2-core CI machine, not for speed (a hung test still fails).
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    hookTimeout: 180_000,
    testTimeout: 180_000,
    // Two files at a time: in `npm test` this suite runs once core's is done
    // (scripts/test-unit.mjs), and one worker would leave a core idle.
    maxWorkers: 2,
  },
});
