#!/usr/bin/env node
/**
 * Turbopack writes the same server chunk under several names when route
 * handlers share modules but differ in what else they load (measured: four
 * copies of one 370 KB chunk, 2.9 MB of copies in all), and the Worker
 * bundles every file. After `next build`, each copy becomes a one-line
 * re-export of the first file with the same content, so the Worker carries
 * it once. The runtime loads a chunk with `require` and installs the module
 * factories it returns; a re-export returns the very same array.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const app = join(dirname(fileURLToPath(import.meta.url)), '..');
// The build's own output, and the standalone copy the Worker is made from.
const roots = ['.next/server', '.next/standalone/apps/web/.next/server']
  .map((dir) => join(app, dir))
  .filter((dir) => existsSync(dir));

const SOURCE_MAP_COMMENT = /\n\/\/# sourceMappingURL=[^\n]*\s*$/;

function* chunkFiles(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* chunkFiles(path);
    else if (name.endsWith('.js')) yield path;
  }
}

let copies = 0;
let saved = 0;
for (const root of roots) {
  const chunks = join(root, 'chunks');
  if (!existsSync(chunks)) continue;
  const first = new Map();
  for (const path of chunkFiles(chunks)) {
    const text = readFileSync(path, 'utf8');
    // Only Turbopack's chunks (an array of module factories), never its runtime.
    if (!text.startsWith('module.exports=')) continue;
    const digest = createHash('sha256').update(text.replace(SOURCE_MAP_COMMENT, '')).digest('hex');
    const original = first.get(digest);
    if (!original) {
      first.set(digest, path);
      continue;
    }
    let target = relative(dirname(path), original);
    if (!target.startsWith('.')) target = `./${target}`;
    writeFileSync(path, `module.exports = require(${JSON.stringify(target)});\n`);
    copies += 1;
    saved += text.length;
  }
}
console.log(
  `dedupe-server-chunks: ${copies} copies of server chunks now re-export their first copy (${Math.round(saved / 1024)} KiB less)`,
);
