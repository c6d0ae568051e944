import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // PGlite boots and migrates in a few seconds; a real PostgreSQL takes about two.
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
