#!/usr/bin/env node
/**
 * Writes the build's id (.next/BUILD_ID) where the Worker's entry imports it
 * (.open-next/build-id.mjs): cached pages name the build's scripts, so they
 * are kept per build. Run after `opennextjs-cloudflare build`. Also records
 * the build (.open-next/deploy-build.json), which a deploy that reuses it
 * reads (scripts/deploy/build-worker.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const app = join(dirname(fileURLToPath(import.meta.url)), '..');
const id = readFileSync(join(app, '.next/BUILD_ID'), 'utf8').trim();
if (!/^[\w-]+$/.test(id)) {
  console.error(`build-id: unexpected .next/BUILD_ID ${JSON.stringify(id)}`);
  process.exit(1);
}
writeFileSync(join(app, '.open-next/build-id.mjs'), `export default ${JSON.stringify(id)};\n`);
writeFileSync(join(app, '.open-next/deploy-build.json'), `${JSON.stringify({ buildId: id })}\n`);
console.log(`build-id: ${id}`);
