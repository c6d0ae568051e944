import type { NextConfig } from 'next';

const config: NextConfig = {
  reactStrictMode: true,
  // Internal packages ship TypeScript source; Next compiles them.
  transpilePackages: ['@edgecart/api', '@edgecart/core', '@edgecart/db'],
  // PGlite loads its WASM and data files from its own folder: keep it out of the bundle.
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
  // `next dev` serves its dev assets to these origins besides localhost.
  allowedDevOrigins: ['127.0.0.1'],
};

export default config;
