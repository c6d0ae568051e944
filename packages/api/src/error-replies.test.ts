import { createServer } from 'node:net';
import { type DatabaseHandle, sql } from '@edgecart/db';
import { createNeonNodeDb } from '@edgecart/db/neon-node';
import { createPgliteDb } from '@edgecart/db/pglite';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeErrorForLog } from './error-log.ts';
import { createHttpClient, type HttpGet, superjsonInput } from './testing/http.ts';
import { checkNoInternals } from './testing/reply-check.ts';
import { createTRPCRouter, publicProcedure } from './trpc.ts';

/** Procedures that fail the way real ones will: real PostgreSQL errors, thrown through drizzle. */
const router = createTRPCRouter({
  raise: publicProcedure
    .input(z.object({ code: z.string().regex(/^[0-9A-Z]{5}$/) }))
    .query(({ ctx, input }) =>
      ctx.db.execute(
        sql.raw(`do $$ begin raise exception 'hunter2' using errcode = '${input.code}'; end $$`),
      ),
    ),
  missingTable: publicProcedure.query(({ ctx }) =>
    ctx.db.execute(sql`select * from no_such_table where secret = ${'hunter2'}`),
  ),
  bug: publicProcedure.query(() => {
    throw new Error('could not connect to postgres://shop:hunter2@db.internal/shop');
  }),
  teapot: publicProcedure.query(() => {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Not for you.' });
  }),
});

interface Reply {
  error: { json: { message: string; data: { code: string; requestId: string | null } } };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

describe('error replies over HTTP', () => {
  let handle: DatabaseHandle;
  let get: HttpGet;
  beforeAll(async () => {
    handle = await createPgliteDb();
    get = createHttpClient(handle.db, router);
  });
  afterAll(() => handle?.close());

  const expectReply = async (path: string, input: unknown, status: number, message: RegExp) => {
    const reply = await get(path, input === undefined ? '' : superjsonInput(input));
    checkNoInternals(reply, path);
    expect(reply.status, reply.body).toBe(status);
    expect(reply.body).not.toMatch(/hunter2|no_such_table|raise exception|postgres:/);
    const body = JSON.parse(reply.body) as Reply;
    expect(body.error.json.message).toMatch(message);
    expect(body.error.json.data.requestId).toBe(reply.requestId);
    if (status >= 500) expect(body.error.json.message).toContain(`Reference: ${reply.requestId}`);
    return reply;
  };

  it.each([
    ['23505', 409, /already exists/],
    ['23514', 409, /breaks a rule/],
    ['23503', 409, /does not exist/],
    ['40001', 409, /try again/],
    ['40P01', 409, /try again/],
    ['22008', 400, /out of range/],
    ['22021', 400, /cannot be stored/],
    ['08006', 503, /cannot reach its database/],
    ['57P01', 503, /try again in a moment/],
    ['53300', 503, /cannot reach its database/],
  ])(
    'maps SQLSTATE %s to HTTP %i with a message a person can act on',
    async (code, status, message) => {
      await expectReply('raise', { code }, status, message);
    },
  );

  it('answers an internal error with a generic message and the request id, and logs the cause', async () => {
    const reply = await expectReply(
      'missingTable',
      undefined,
      500,
      /^Something went wrong on our side\. Reference: test-\d+$/,
    );
    const [error] = reply.errors;
    if (!(error instanceof TRPCError)) throw new Error('no error reached onError');
    const logged = describeErrorForLog(error.cause ?? error);
    expect(logged).toMatchObject({
      code: '42P01',
      message: expect.stringMatching(/no_such_table/),
    });
    expect(logged.query).toMatch(/select \* from no_such_table where secret = \$1/);
    expect(JSON.stringify(logged)).not.toContain('hunter2');

    const bug = await expectReply('bug', undefined, 500, /^Something went wrong on our side/);
    const bugLog = JSON.stringify(describeErrorForLog((bug.errors[0] as TRPCError).cause));
    expect(bugLog).toContain('postgres://[redacted]@db.internal');
    expect(bugLog).not.toContain('hunter2');
  });

  it('keeps the message of an error thrown on purpose', async () => {
    await expectReply('teapot', undefined, 403, /^Not for you\.$/);
  });

  it('answers 503 when the database cannot be reached at all (the Neon driver, no server)', async () => {
    const neon = createNeonNodeDb({
      connectionString: 'postgres://shop:hunter2@127.0.0.1:5432/shop',
      localProxy: `127.0.0.1:${await closedPort()}`,
    });
    const unreachable = createHttpClient(neon.db, router);
    const reply = await unreachable('missingTable');
    await neon.close();
    expect(reply.status).toBe(503);
    checkNoInternals(reply, 'missingTable');
    expect(reply.body).toMatch(/cannot reach its database.*Reference: test-\d+/);
    const logged = describeErrorForLog((reply.errors[0] as TRPCError).cause);
    expect(logged.code).toBe('ECONNREFUSED');
    expect(JSON.stringify(logged)).not.toContain('hunter2');
  });
});
