import { sql } from '@edgecart/db';
import { createPgliteDb } from '@edgecart/db/pglite';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { describeErrorForLog } from './error-log.ts';

describe('describeErrorForLog', () => {
  it('gives the driver’s error for a failed query, never its parameters', async () => {
    const { db, close } = await createPgliteDb();
    const error = await db.execute(sql`select ${'hunter2\u0000'}::text`).then(
      () => null,
      (e: unknown) => e,
    );
    await close();
    for (const wrapped of [error, new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: error })]) {
      const fields = describeErrorForLog(wrapped);
      expect(fields).toMatchObject({
        errorClass: 'DatabaseError',
        code: '22021',
        message: 'invalid byte sequence for encoding "UTF8": 0x00',
        query: 'select $1::text',
      });
      expect(fields.stack).toMatch(/^\w*[eE]rror: invalid byte sequence/);
      expect(JSON.stringify(fields)).not.toMatch(/hunter2|params/);
    }
  });

  it('withholds the message and first stack line of a query error without a cause', () => {
    const failed = Object.assign(new Error('Failed query: select $1\nparams: hunter2'), {
      query: 'select $1',
      params: ['hunter2'],
    });
    const fields = describeErrorForLog(failed);
    expect(fields.message).toBe('Failed query (parameters withheld)');
    expect(fields.query).toBe('select $1');
    expect(fields.stack).toMatch(/^\s+at /);
    expect(JSON.stringify(fields)).not.toContain('hunter2');
  });

  it('redacts credentials and unwraps WebSocket error events', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    const event = { type: 'error', target: {}, error: refused, message: 'ws failed' };
    expect(describeErrorForLog(event)).toMatchObject({
      errorClass: 'Error',
      code: 'ECONNREFUSED',
      message: 'connect ECONNREFUSED 127.0.0.1:5432',
    });
    const leaky = new TypeError('bad url postgres://shop:hunter2@db/x?password=hunter2');
    const fields = describeErrorForLog(leaky);
    expect(fields.errorClass).toBe('TypeError');
    expect(JSON.stringify(fields)).not.toContain('hunter2');
    expect(fields.message).toBe('bad url postgres://[redacted]@db/x?password=[redacted]');
  });

  it('describes values that are not errors', () => {
    expect(describeErrorForLog('boom')).toEqual({ errorClass: 'string', message: 'boom' });
    expect(describeErrorForLog(undefined)).toEqual({
      errorClass: 'undefined',
      message: 'undefined',
    });
    expect(describeErrorForLog({ message: 'plain', code: 42 })).toEqual({
      errorClass: 'Error',
      message: 'plain',
      code: '42',
    });
  });
});
