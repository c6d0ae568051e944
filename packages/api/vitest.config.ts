import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Budgets that a loaded 2-core CI machine meets, not speed checks (a hung test
    // still fails, at the budget).
    hookTimeout: 180_000,
    testTimeout: 180_000,
    // One module graph per worker, not per file (no test here mocks a module or stubs
    // the environment), so files do not load the drivers, the schema and PGlite each
    // again (a third of the suite’s CPU when each file had its own, measured on 2 cores).
    isolate: false,
    // Two files at a time: in `npm test` this suite runs once core's is done
    // (scripts/test-unit.mjs), and one worker would leave a core idle.
    maxWorkers: 2,
  },
});
