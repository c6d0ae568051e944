import { defineConfig } from 'vitest/config';

/**
 * `npm run deploy:rehearse`: the deploy scripts end to end against local
 * stand-ins (deploy-rehearsal/). Two Worker builds run inside it, so its
 * budgets cover a cold build on a loaded 2-core machine.
 */
export default defineConfig({
  test: {
    include: ['deploy-rehearsal/**/*.test.ts'],
    hookTimeout: 300_000,
    testTimeout: 600_000,
    fileParallelism: false,
  },
});
