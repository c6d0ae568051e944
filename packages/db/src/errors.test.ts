import { createServer as createHttpServer } from 'node:http';
import { connect, createServer } from 'node:net';
import { neon, neonConfig } from '@neondatabase/serverless';
import { DrizzleQueryError, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import type { DatabaseHandle } from './database.ts';
import { databaseErrorKind, sqlState } from './errors.ts';
import { createNeonNodeDb } from './neon-node.ts';
import { createPgliteDb } from './pglite.ts';
import { products, productVariants } from './schema/index.ts';

/** What `run` rejected with; fails the test when it resolved. */
async function caught(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

describe('databaseErrorKind on real PostgreSQL errors (PGlite)', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createPgliteDb({ seed: true });
  });
  afterAll(() => handle?.close());

  const raise = (code: string) =>
    caught(() =>
      handle.db.execute(
        sql.raw(`do $$ begin raise exception 'x' using errcode = '${code}'; end $$`),
      ),
    );
  const someVariant = async () => {
    const [variant] = await handle.db.select().from(productVariants).limit(1);
    if (!variant) throw new Error('no seeded variant');
    return variant;
  };

  it('reads constraint violations through drizzle’s DrizzleQueryError', async () => {
    const v = await someVariant();
    const duplicate = await caught(() =>
      handle.db.insert(productVariants).values({ ...v, id: undefined, createdAt: undefined }),
    );
    expect(duplicate).toBeInstanceOf(DrizzleQueryError);
    expect(databaseErrorKind(duplicate)).toBe('unique_violation');
    expect(sqlState(duplicate)).toBe('23505');

    const negative = await caught(() =>
      handle.db.update(productVariants).set({ stock: -1 }).where(eq(productVariants.id, v.id)),
    );
    expect(databaseErrorKind(negative)).toBe('check_violation');

    const orphan = await caught(() =>
      handle.db.insert(productVariants).values({
        productId: '00000000-0000-4000-8000-000000000000',
        sku: 'orphan',
        title: 'x',
        price: 1,
      }),
    );
    expect(databaseErrorKind(orphan)).toBe('foreign_key_violation');
  });

  it('reads data exceptions (class 22) as invalid input', async () => {
    const q = (value: string, type: string) =>
      caught(() => handle.db.execute(sql`select ${value}::${sql.raw(type)}`));
    expect(databaseErrorKind(await q('a\u0000', 'text'))).toBe('invalid_input'); // 22021
    expect(databaseErrorKind(await q('0000-01-01', 'timestamptz'))).toBe('invalid_input'); // 22008
    expect(databaseErrorKind(await q('2020-01-01T00:00:00+23:59', 'timestamptz'))).toBe(
      'invalid_input',
    ); // 22009
    expect(databaseErrorKind(await q('99999999999', 'int'))).toBe('invalid_input'); // 22003
  });

  it('reads transaction conflicts and server conditions', async () => {
    expect(databaseErrorKind(await raise('40001'))).toBe('serialization_failure');
    expect(databaseErrorKind(await raise('40P01'))).toBe('deadlock');
    for (const code of ['08006', '08001', '57P01', '57P02', '57P03', '53300']) {
      expect(databaseErrorKind(await raise(code))).toBe('unavailable');
    }
  });

  it('answers null for errors that are bugs, not conditions', async () => {
    const missingTable = await caught(() => handle.db.execute(sql`select * from no_such_table`));
    expect(sqlState(missingTable)).toBe('42P01');
    expect(databaseErrorKind(missingTable)).toBeNull();
    expect(databaseErrorKind(await raise('XX000'))).toBeNull();
    const syntax = await caught(() => handle.db.execute(sql`selec 1`));
    expect(databaseErrorKind(syntax)).toBeNull();
    const query = await caught(() => handle.db.select().from(products).where(sql`1/0 = 1`));
    expect(databaseErrorKind(query)).toBe('invalid_input'); // 22012 division_by_zero
  });
});

describe('databaseErrorKind on connection failures', () => {
  it('reads Node socket errors, also behind fetch', async () => {
    const port = await closedPort();
    const refused = await new Promise<Error>((resolve) => {
      connect(port, '127.0.0.1').on('error', resolve);
    });
    expect(databaseErrorKind(refused)).toBe('unavailable');
    const fetched = await caught(() => fetch(`http://127.0.0.1:${port}/`));
    expect(databaseErrorKind(fetched)).toBe('unavailable');
    // A server that accepts and never answers, so that the deadline, not a refusal, ends it.
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentAddress = silent.address();
    const silentPort = typeof silentAddress === 'object' && silentAddress ? silentAddress.port : 0;
    const timedOut = await caught(() =>
      fetch(`http://127.0.0.1:${silentPort}/`, { signal: AbortSignal.timeout(50) }),
    );
    silent.close();
    expect(timedOut).toMatchObject({ name: 'TimeoutError' });
    expect(databaseErrorKind(timedOut)).toBe('unavailable');
    const aborted = await caught(() => fetch('http://x.invalid/', { signal: AbortSignal.abort() }));
    expect(databaseErrorKind(aborted)).toBe('unavailable');
  });

  it('reads the Neon WebSocket pool’s failures: no proxy, and a dropped connection', async () => {
    const url = 'postgres://shop:secret@127.0.0.1:5432/shop';
    const noProxy = createNeonNodeDb({
      connectionString: url,
      localProxy: `127.0.0.1:${await closedPort()}`,
    });
    const refused = await caught(() => noProxy.db.execute(sql`select 1`));
    await noProxy.close();
    expect(databaseErrorKind(refused)).toBe('unavailable');

    const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    server.on('connection', (socket) => socket.close());
    await new Promise((resolve) => server.once('listening', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const dropping = createNeonNodeDb({ connectionString: url, localProxy: `127.0.0.1:${port}` });
    const dropped = await caught(() => dropping.db.execute(sql`select 1`));
    await dropping.close();
    server.close();
    expect(String((dropped as { cause?: unknown }).cause)).toMatch(/Connection terminated/);
    expect(databaseErrorKind(dropped)).toBe('unavailable');
  });

  it('reads the Neon HTTP path’s failures: unreachable, and a 5xx answer', async () => {
    const closed = await closedPort();
    neonConfig.fetchEndpoint = () => `http://127.0.0.1:${closed}/sql`;
    const query = neon('postgres://shop:secret@db.example.test/shop');
    const unreachable = await caught(() => query`select 1`);
    expect(String(unreachable)).toMatch(/Error connecting to database/);
    expect(databaseErrorKind(unreachable)).toBe('unavailable');

    const server = createHttpServer((_, res) => res.writeHead(503).end('overloaded'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    neonConfig.fetchEndpoint = () => `http://127.0.0.1:${port}/sql`;
    const overloaded = await caught(() => query`select 1`);
    server.close();
    expect(String(overloaded)).toMatch(/Server error \(HTTP status 503\)/);
    expect(databaseErrorKind(overloaded)).toBe('unavailable');
  });

  it('answers null for anything else, and survives odd values', () => {
    const cyclic: { cause?: unknown; message: string } = { message: 'loop' };
    cyclic.cause = cyclic;
    const others = [
      null,
      undefined,
      'ECONNREFUSED',
      42,
      new Error('boom'),
      new TypeError('x is not a function'),
      { code: 'EPERM' },
      cyclic,
    ];
    for (const value of others) expect(databaseErrorKind(value)).toBeNull();
    expect(databaseErrorKind({ code: 'EPIPE', cause: null })).toBe('unavailable');
    const wrapped = new Error('outer', { cause: new Error('mid', { cause: { code: '23505' } }) });
    expect(databaseErrorKind(wrapped)).toBe('unique_violation');
    expect(sqlState({ code: 'EPIPE' })).toBeNull();
  });
});
