import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Budgets for a loaded 2-core CI machine, not for speed (a hung test still fails).
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    hookTimeout: 180_000,
    testTimeout: 180_000,
  },
});
