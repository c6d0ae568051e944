import {
  type ConnectionGauge,
  type LocalPostgres,
  type NeonStandIn,
  startNeonStandIn,
  startPostgres,
  watchConnections,
} from '@edgecart/dev-services';
import { sql } from 'drizzle-orm';
import type { NeonHttpDatabase } from 'drizzle-orm/neon-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseErrorKind } from './errors.ts';
import { nodeWebSocket } from './neon-node.ts';
import { createNeonRequestDb } from './neon-request.ts';

let postgres: LocalPostgres;
let standIn: NeonStandIn;
let gauge: ConnectionGauge;

beforeAll(async () => {
  postgres = await startPostgres();
  standIn = await startNeonStandIn({ postgres: { host: '127.0.0.1', port: postgres.port } });
  gauge = await watchConnections(postgres.connectionString);
  await gauge.count();
});

afterAll(async () => {
  await gauge?.close();
  await standIn?.close();
  postgres?.stop();
});

function open(options: { timeoutMs?: number; onError?: (error: unknown) => void } = {}) {
  return createNeonRequestDb({
    connectionString: postgres.connectionString,
    localProxy: standIn.address,
    webSocketConstructor: nodeWebSocket(),
    ...options,
  });
}

/** Rows of a raw query on the HTTP path, which answers with a node-postgres style result. */
async function rowsOf(query: Promise<unknown>): Promise<unknown[]> {
  return ((await query) as { rows: unknown[] }).rows;
}

async function settle(expected: (n: number) => boolean): Promise<number> {
  let n = await gauge.count();
  for (let i = 0; i < 40 && !expected(n); i++) {
    await new Promise((r) => setTimeout(r, 50));
    n = await gauge.count();
  }
  return n;
}

describe("a Worker request's database", () => {
  it('commits a transaction on its own connection and closes that connection after', async () => {
    const db = open();
    await db.execute(sql`create table if not exists tx_probe (id int primary key)`);
    const idle = await settle(() => true);
    const inside = await db.transaction(async (tx) => {
      await tx.execute(sql`insert into tx_probe values (1)`);
      return gauge.count();
    });
    expect(inside).toBeGreaterThan(idle);
    expect(await rowsOf(db.execute(sql`select count(*)::int as n from tx_probe`))).toEqual([
      { n: 1 },
    ]);
    expect(await settle((n) => n <= idle)).toBeLessThanOrEqual(idle);
  });

  it('rolls a transaction back whole when it throws', async () => {
    const db = open();
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`insert into tx_probe values (2)`);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const rows = await rowsOf(
      db.execute(sql`select count(*)::int as n from tx_probe where id = 2`),
    );
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('gives up on a query past its deadline, as an unavailable database', async () => {
    const seen: unknown[] = [];
    const db = open({ timeoutMs: 300, onError: (error) => seen.push(error) });
    const failure = await db.execute(sql`select pg_sleep(2)`).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).not.toBeNull();
    expect(databaseErrorKind(failure)).toBe('unavailable');
    expect(seen).toHaveLength(1);
  });

  it('holds no connection for one-shot queries beyond the shared pool', async () => {
    const db = open();
    await Promise.all(Array.from({ length: 30 }, () => db.execute(sql`select pg_sleep(0.05)`)));
    // The stand-in multiplexes HTTP queries onto at most 10 connections, as Neon's pooler does.
    expect(await gauge.count()).toBeLessThanOrEqual(10);
  });

  it('runs a batch as one transaction over HTTP: all of it or none', async () => {
    const db = open() as unknown as NeonHttpDatabase;
    await db.execute(sql`create table if not exists batch_rows (id int primary key)`);
    await expect(
      db.batch([
        db.execute(sql`insert into batch_rows values (10)`),
        db.execute(sql`insert into batch_rows values (10)`),
      ]),
    ).rejects.toThrow();
    const after = await rowsOf(db.execute(sql`select count(*)::int as n from batch_rows`));
    expect(after).toEqual([{ n: 0 }]);
    await db.batch([
      db.execute(sql`insert into batch_rows values (11)`),
      db.execute(sql`insert into batch_rows values (12)`),
    ]);
    expect(await rowsOf(db.execute(sql`select count(*)::int as n from batch_rows`))).toEqual([
      { n: 2 },
    ]);
  });

  it('runs one transaction at a time, so a request holds at most one connection', async () => {
    const db = open();
    const first = db.transaction(async (tx) => {
      await tx.execute(sql`select pg_sleep(0.2)`);
      return 'first';
    });
    await expect(db.transaction(async () => 'second')).rejects.toThrow(/one transaction at a time/);
    await expect(first).resolves.toBe('first');
    await expect(db.transaction(async () => 'after')).resolves.toBe('after');
  });
});
