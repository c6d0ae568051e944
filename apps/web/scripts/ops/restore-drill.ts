/**
 * The restore drill, as a library: `npm run ops:restore-drill` prints it,
 * and restore-drill.test.ts checks that it passes, and that it fails when
 * the dump loses a table's rows.
 *
 * On a throwaway local PostgreSQL: migrate, seed, take orders (some paid,
 * some pending: stock held and taken, audit rows written), fingerprint every
 * table, dump it with pg_dump, destroy the server and its data folder, start
 * an empty one, restore with pg_restore, and compare the fingerprints; then
 * check the audit log still refuses changes. Every server it starts is
 * stopped, and its folder removed, whether the drill passes or not.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyPaymentEvent } from '@edgecart/core';
import { placePendingOrder } from '@edgecart/core/testing/fixtures';
import { paidEvent } from '@edgecart/core/testing/paid-event';
import { openNeonPostgres } from '@edgecart/core/testing/postgres';
import { seedCatalog } from '@edgecart/db/seed';
import { findPostgresBinDir, type LocalPostgres, startPostgres } from '@edgecart/dev-services';
import pg from 'pg';

export interface DrillOptions {
  log: (line: string) => void;
  /** How many orders to take before the dump; every other one is paid. */
  orders?: number;
  /** More pg_dump arguments: the test leaves a table's rows out to see the drill fail. */
  dumpArgs?: string[];
}

export interface TableFingerprint {
  rows: number;
  /** md5 of every row's text, in a fixed order. */
  digest: string;
}

export interface DrillReport {
  passed: boolean;
  steps: { step: string; ms: number }[];
  /** What differs after the restore, one line per table; empty when it passed. */
  differences: string[];
  before: Record<string, TableFingerprint>;
}

/** Every table of the public schema, each row as text, hashed in one fixed order. */
export async function fingerprint(url: string): Promise<Record<string, TableFingerprint>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const out: Record<string, TableFingerprint> = {};
    for (const { name } of tables) {
      const table = client.escapeIdentifier(name);
      const { rows } = await client.query<{ rows: string; digest: string | null }>(
        `SELECT count(*) AS rows, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS digest
         FROM ${table} t`,
      );
      out[name] = { rows: Number(rows[0]?.rows ?? 0), digest: rows[0]?.digest ?? 'empty' };
    }
    return out;
  } finally {
    await client.end();
  }
}

export function compareFingerprints(
  before: Record<string, TableFingerprint>,
  after: Record<string, TableFingerprint>,
): string[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names.flatMap((name) => {
    const a = before[name];
    const b = after[name];
    if (!a) return [`${name}: not in the original database`];
    if (!b) return [`${name}: missing after the restore`];
    if (a.rows !== b.rows) return [`${name}: ${a.rows} rows before, ${b.rows} after`];
    if (a.digest !== b.digest) return [`${name}: same ${a.rows} rows, different contents`];
    return [];
  });
}

function tool(bin: string, name: string, args: string[]): void {
  const result = spawnSync(join(bin, name), args, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${name} failed (exit ${result.status}):\n${result.stderr || result.stdout}`);
  }
}

const DATABASE = 'shop';

export async function runRestoreDrill(options: DrillOptions): Promise<DrillReport> {
  const { log } = options;
  const bin = findPostgresBinDir(process.env.PG_BIN_DIR);
  const steps: DrillReport['steps'] = [];
  const cleanups: (() => Promise<void> | void)[] = [];
  const folder = mkdtempSync(join(tmpdir(), 'edgecart-restore-drill-'));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  const step = async <T>(name: string, run: () => Promise<T>, detail?: (value: T) => string) => {
    const started = performance.now();
    log(`▶ ${name}`);
    const value = await run();
    const ms = Math.round(performance.now() - started);
    steps.push({ step: name, ms });
    log(
      `  done in ${ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`}${detail ? `: ${detail(value)}` : ''}`,
    );
    return value;
  };
  log(`Restore drill with the PostgreSQL tools in ${bin}`);
  try {
    // 1. The shop's database, on a server of its own, as production holds it.
    let closeOriginal: (() => Promise<void>) | null = null;
    cleanups.push(async () => {
      await closeOriginal?.();
    });
    const original = await step('Start PostgreSQL, migrate and seed the shop', async () => {
      const opened = await openNeonPostgres({ path: 'pool', seed: (db) => seedCatalog(db) });
      closeOriginal = opened.close;
      return opened;
    });
    const count = options.orders ?? 12;
    await step(`Take ${count} orders, every other one paid`, async () => {
      let tick = 0;
      const now = () => new Date(Date.UTC(2030, 0, 1, 12, 0, tick++));
      for (let i = 0; i < count; i++) {
        const { order } = await placePendingOrder(original.db, now, {
          prefix: `drill-${i}`,
          stock: 5,
          quantity: 2,
          price: 1500,
        });
        if (i % 2 === 0) {
          await applyPaymentEvent(
            { db: original.db, now: now(), origin: 'https://shop.example' },
            paidEvent({
              eventId: `evt_drill_${i}`,
              orderId: order.id,
              sessionId: `cs_drill_${i}`,
              paymentIntentId: `pi_drill_${i}`,
              amount: 3000,
              currency: 'EUR',
              email: null,
            }),
          );
        }
      }
    });
    const url = original.postgres.urlFor('postgres');
    const before = await step('Fingerprint every table', () => fingerprint(url), summary);

    // 2. The backup, then the loss of the server and everything on it.
    const dump = join(folder, 'shop.dump');
    await step(
      'Dump the database (pg_dump, custom format)',
      async () => {
        tool(bin, 'pg_dump', [
          '--format=custom',
          `--file=${dump}`,
          ...(options.dumpArgs ?? []),
          url,
        ]);
        return statSync(dump).size;
      },
      (bytes) => `${(bytes / 1024).toFixed(0)} KiB`,
    );
    await step('Destroy the server and its data folder', async () => {
      await closeOriginal?.();
      closeOriginal = null;
    });

    // 3. A new, empty server, and the backup restored into it.
    const restored = await step('Start a new, empty PostgreSQL', async () => {
      const server: LocalPostgres = await startPostgres();
      cleanups.push(() => server.stop());
      return server;
    });
    const restoredUrl = restored.urlFor(DATABASE);
    await step('Restore the dump (pg_restore)', async () => {
      const admin = new pg.Client({ connectionString: restored.connectionString });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${DATABASE}`);
      await admin.end();
      tool(bin, 'pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${restoredUrl}`, dump]);
    });

    // 4. The checks: every table as it was, and the audit log still append-only.
    const after = await step(
      'Fingerprint the restored tables',
      () => fingerprint(restoredUrl),
      summary,
    );
    const differences = compareFingerprints(before, after);
    const appendOnly = await step('Check the audit log still refuses changes', async () => {
      // In a transaction rolled back after: a row of its own to refuse to delete (a
      // row-level trigger needs one), then a TRUNCATE; the restored data stays untouched.
      const client = new pg.Client({ connectionString: restoredUrl });
      await client.connect();
      const refused = async (statement: string) => {
        await client.query('SAVEPOINT attempt');
        try {
          await client.query(statement);
          return false;
        } catch (error) {
          return (error as { code?: string }).code === '42501';
        } finally {
          await client.query('ROLLBACK TO SAVEPOINT attempt');
        }
      };
      try {
        await client.query('BEGIN');
        await client.query(
          `INSERT INTO audit_log (actor, action, entity_type, entity_id) VALUES ('system:drill', 'drill.check', 'drill', 'drill')`,
        );
        const results = [
          await refused(`UPDATE audit_log SET actor = 'someone else'`),
          await refused('DELETE FROM audit_log'),
          await refused('TRUNCATE audit_log'),
        ];
        return results.every(Boolean);
      } finally {
        await client.query('ROLLBACK');
        await client.end();
      }
    });
    if (!appendOnly)
      differences.push('audit_log: an UPDATE, DELETE or TRUNCATE was allowed after the restore');
    for (const line of differences) log(`✖ ${line}`);
    const total = steps.reduce((sum, s) => sum + s.ms, 0);
    log(
      differences.length === 0
        ? `Restore drill passed in ${(total / 1000).toFixed(1)} s: ${summary(after)}, identical.`
        : `Restore drill FAILED: ${differences.length} difference(s).`,
    );
    return { passed: differences.length === 0, steps, differences, before };
  } finally {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        log(`cleanup failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}

function summary(tables: Record<string, TableFingerprint>): string {
  const rows = (name: string) => tables[name]?.rows ?? 0;
  const total = Object.values(tables).reduce((sum, t) => sum + t.rows, 0);
  return `${Object.keys(tables).length} tables, ${total} rows (orders ${rows('orders')}, variants ${rows('product_variants')}, audit rows ${rows('audit_log')})`;
}
