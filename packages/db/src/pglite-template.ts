import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { migrations } from './migrations.generated.ts';

/**
 * A fresh in-memory PGlite runs initdb and every migration: about three
 * seconds of CPU, paid by each test that opens one. The first such database
 * on a machine leaves a copy of its migrated data folder here, and the next
 * ones (in any process) start from it: about one second. The file's name
 * carries a hash of the migrations and of PGlite's build, so a new migration
 * or a PGlite upgrade makes a new template; older ones are removed then.
 */
const folder = join(tmpdir(), 'edgecart-pglite-templates');

let key: string | undefined;

/** Worked out once per process: PGlite's build and the migrations do not change under it. */
function templateKey(): string {
  if (key) return key;
  const wasm = join(
    dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')),
    'pglite.wasm',
  );
  const { size, mtimeMs } = statSync(wasm);
  const hash = createHash('sha256');
  hash.update(`${size}:${mtimeMs}`);
  for (const migration of migrations) hash.update(migration.hash);
  key = hash.digest('hex').slice(0, 16);
  return key;
}

const file = () => join(folder, `${templateKey()}.tar`);

/** The migrated template, when one was left; undefined otherwise (or when it cannot be read). */
export function readTemplate(): Blob | undefined {
  try {
    return new Blob([readFileSync(file())]);
  } catch {
    return undefined;
  }
}

/**
 * Leaves the migrated data folder of `client` as the template. Written under
 * a name of its own, then renamed, so that a process reading it never sees
 * half a file. A template that cannot be written only costs the next database
 * its speed.
 */
export async function leaveTemplate(client: PGlite): Promise<void> {
  try {
    const target = file();
    await mkdir(folder, { recursive: true });
    const dump = await client.dumpDataDir('none');
    const partial = `${target}.${process.pid}.partial`;
    writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
    renameSync(partial, target);
    for (const name of readdirSync(folder)) {
      if (join(folder, name) !== target && !name.endsWith('.partial')) {
        rmSync(join(folder, name), { force: true });
      }
    }
  } catch {
    // Only a cost: the next in-memory database migrates from scratch.
  }
}
