import { defineConfig, devices } from '@playwright/test';

/**
 * One suite, two runtimes. E2E_TARGET=dev (default) starts `next dev` on an
 * in-memory embedded database; E2E_TARGET=worker serves the built Worker in
 * workerd against a real PostgreSQL (`npm run build:edge` first). Set
 * E2E_BASE_URL to run against a server that is already up (a preview deploy).
 */
const target = process.env.E2E_TARGET === 'worker' ? 'worker' : 'dev';
const external = process.env.E2E_BASE_URL;
const port = Number(process.env.E2E_PORT ?? (target === 'worker' ? 8787 : 3100));
const baseURL = external ?? `http://${target === 'worker' ? '127.0.0.1' : 'localhost'}:${port}`;

const servers = {
  dev: {
    command: 'npm run dev -w @edgecart/web',
    env: { PORT: String(port), PGLITE_DATA_DIR: 'memory://e2e', NEXT_TELEMETRY_DISABLED: '1' },
  },
  worker: {
    command: 'npm run preview:edge -w @edgecart/web',
    env: { PORT: String(port) },
  },
};

export default defineConfig({
  testDir: './specs',
  globalSetup: './global-setup.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: external ? 'external' : target === 'worker' ? 'workerd' : 'next-dev',
      use: {
        ...devices['Desktop Chrome'],
        // Debian's Chromium; Playwright's own browser download is never used.
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
        },
      },
    },
  ],
  webServer: external
    ? undefined
    : {
        ...servers[target],
        cwd: '..',
        url: `${baseURL}/api/health`,
        timeout: 180_000,
        reuseExistingServer: false,
        stdout: 'pipe',
        gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
      },
});
