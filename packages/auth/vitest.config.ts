import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One argon2id hash takes tens of milliseconds.
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
