import type { NextConfig } from 'next';

/** Set by `npm run build:edge`: the build is for Cloudflare Workers (workerd). */
const forWorker = process.env.EDGECART_TARGET === 'worker';
/** CI builds once from a fresh clone: Turbopack's caches on disk would never be read. */
const inCi = Boolean(process.env.CI) && process.env.CI !== 'false';

const config: NextConfig = {
  reactStrictMode: true,
  // Internal packages ship TypeScript source; Next compiles them.
  transpilePackages: [
    '@edgecart/api',
    '@edgecart/auth',
    '@edgecart/cache',
    '@edgecart/core',
    '@edgecart/db',
    '@edgecart/email',
    '@edgecart/payments',
  ],
  // PGlite loads its WASM and data files from its own folder: keep it out of the bundle.
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
  // Types are checked by each package's `typecheck` task (TypeScript 7) in CI, and
  // production deploys only a commit CI passed: builds need not check them again.
  typescript: { ignoreBuildErrors: true },
  turbopack: forWorker
    ? {
        resolveAlias: {
          // The Node-only database factory (PGlite, ws) is replaced by a stub.
          '@edgecart/db/node': './src/server/services/database/unavailable.ts',
          // Sentry's browser SDK in browsers only, not in the Worker's server bundle.
          '@sentry/browser': { browser: '@sentry/browser', default: './src/lib/no-browser-sdk.ts' },
        },
      }
    : {},
  // Writing them took 13-14 s of each CI run's build. `next dev` runs without its cache on
  // disk everywhere: restored from an earlier run, it sometimes had Turbopack answer every
  // page's HMR subscription with a `restart` (its entry chunks changed), so an open page
  // reloaded about once a second for as long as the server ran (README, Quick start).
  experimental: {
    turbopackFileSystemCacheForDev: false,
    turbopackFileSystemCacheForBuild: !inCi,
  },
  // `next dev` serves its dev assets to these origins besides localhost.
  allowedDevOrigins: ['127.0.0.1'],
};

export default config;
