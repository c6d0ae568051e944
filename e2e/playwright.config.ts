import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath } from '@edgecart/dev-services/chromium';
import { defineConfig, devices } from '@playwright/test';
import { E2E_ADMIN } from './specs/support/admin.ts';

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

// The admin the admin spec logs in as, made by `npm run admin:create` before the server
// starts (PGlite serves one process at a time: a fresh folder, then the dev server on it),
// or by preview:edge once its PostgreSQL is up.
const adminArgs = `--email ${E2E_ADMIN.email} --password '${E2E_ADMIN.password}'`;
const pgliteDir = join(tmpdir(), `edgecart-e2e-pglite-${port}`);
// Only the runner's own process: test workers load this file too, while the server runs.
if (target === 'dev' && !external && process.env.TEST_WORKER_INDEX === undefined) {
  rmSync(pgliteDir, { recursive: true, force: true });
}

const servers = {
  dev: {
    command: `npm run admin:create -w @edgecart/web -- ${adminArgs} && npm run dev -w @edgecart/web`,
    env: { PORT: String(port), PGLITE_DATA_DIR: pgliteDir, NEXT_TELEMETRY_DISABLED: '1' },
  },
  worker: {
    command: `npm run preview:edge -w @edgecart/web -- --admin-email ${E2E_ADMIN.email} --admin-password '${E2E_ADMIN.password}'`,
    env: { PORT: String(port) },
  },
};

export default defineConfig({
  testDir: './specs',
  globalSetup: './global-setup.ts',
  // E2E_WARM_UP=readme (e2e-all.mjs, with `--grep @readme`): the warm-up skips the
  // routes only the other specs open (global-setup.ts).
  metadata: { warmUp: process.env.E2E_WARM_UP === 'readme' ? 'readme' : 'all' },
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  // `next dev` may still compile a route or a Server Action the warm-up could not reach
  // (a Turbopack compile on a cold 2-core machine takes tens of seconds): the budget
  // covers one. The Worker is built ahead, so it keeps the shorter one.
  timeout: target === 'dev' && !external ? 120_000 : 60_000,
  expect: { timeout: target === 'dev' && !external ? 30_000 : 15_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL,
    // A failed test keeps its trace (every action with the page's DOM) and a screenshot;
    // the trace's own screenshots, a screencast of every test, took a quarter of the
    // suite's CPU, measured on 2 cores.
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: external ? 'external' : target === 'worker' ? 'workerd' : 'next-dev',
      use: {
        ...devices['Desktop Chrome'],
        // Debian's Chromium (its headless shell when installed); Playwright's own
        // browser download is never used.
        launchOptions: {
          executablePath: chromiumPath(),
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
