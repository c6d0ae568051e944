import { defineConfig } from 'vitest/config';

/** The built Worker in workerd with PostgreSQL and Redis (run after `npm run build:edge`). */
export default defineConfig({
  test: {
    include: ['workerd-tests/**/*.test.ts'],
    hookTimeout: 240_000,
    testTimeout: 120_000,
    fileParallelism: false,
  },
});
