#!/usr/bin/env node
/**
 * Measures the built Worker the way `wrangler deploy` would upload it and
 * fails above the project's budget of 2 MiB compressed (the Workers free
 * plan's limit is 3 MiB): the budget keeps room under the limit as features
 * land, and catches a dependency pulled into the bundle by mistake (a schema
 * library imported by the Worker's entry once added 98 KiB).
 * Run after `opennextjs-cloudflare build` (npm run build:edge does both).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BUDGET_KIB = 2 * 1024;
const LIMIT_KIB = 3 * 1024;
const app = join(dirname(fileURLToPath(import.meta.url)), '..');
// Node-only modules must never reach the Worker (they build, then hang or fail at run time).
const forbidden = ['@electric-sql/pglite', 'ws'].filter((name) =>
  existsSync(join(app, '.open-next/server-functions/default/node_modules', name)),
);
if (forbidden.length > 0) {
  console.error(`worker-size: Node-only packages in the Worker bundle: ${forbidden.join(', ')}`);
  process.exit(1);
}

const result = spawnSync(
  'node',
  [
    join(app, '../../scripts/with-node22.mjs'),
    'wrangler',
    'deploy',
    '--dry-run',
    '--outdir',
    '.wrangler/dry-run',
  ],
  { cwd: app, encoding: 'utf8' },
);
const output = `${result.stdout}\n${result.stderr}`;
const match = /Total Upload:\s*([\d.]+)\s*KiB\s*\/\s*gzip:\s*([\d.]+)\s*KiB/.exec(output);
if (result.status !== 0 || !match) {
  console.error(output);
  console.error('worker-size: wrangler did not report the upload size');
  process.exit(1);
}
const [, raw, gzip] = match.map(Number);
const line = `Worker size: ${raw.toFixed(0)} KiB, ${gzip.toFixed(0)} KiB gzip (budget ${BUDGET_KIB} KiB, the free plan's limit ${LIMIT_KIB} KiB gzip)`;
if (gzip > BUDGET_KIB) {
  console.error(
    `${line}: OVER THE ${gzip > LIMIT_KIB ? "FREE PLAN'S LIMIT" : 'BUDGET'} (see what the build added: \`npx wrangler deploy --dry-run --outdir .wrangler/dry-run --metafile\`)`,
  );
  process.exit(1);
}
console.log(line);
