import { describe, expect, it, vi } from 'vitest';
import { assignRequestId, type RequestLogLine, withRequestLog } from './request-log.ts';
import { requestStateOf } from './request-state.ts';

const UUID = /^[0-9a-f-]{36}$/;

describe('request ids', () => {
  it("take the platform's id, else make one", () => {
    expect(assignRequestId(new Headers({ 'cf-ray': '8f1c2d3e4f5a6b7c-AMS' }))).toBe(
      '8f1c2d3e4f5a6b7c-AMS',
    );
    expect(assignRequestId(new Headers())).toMatch(UUID);
  });

  it('never take an id from the client, nor a platform id that could forge log lines', () => {
    expect(assignRequestId(new Headers({ 'x-request-id': 'abc-123' }))).toMatch(UUID);
    expect(assignRequestId(new Headers({ 'cf-ray': 'x"} {"level":"info"}' }))).toMatch(UUID);
  });
});

describe('the request log', () => {
  it('passes the id inward and outward and logs one line without the query', async () => {
    const lines: RequestLogLine[] = [];
    let seen: string | null = null;
    const handler = withRequestLog(
      async (request: Request) => {
        seen = request.headers.get('x-request-id');
        return new Response('ok', { status: 201 });
      },
      (line) => lines.push(line),
    );
    const response = await handler(
      new Request('http://shop.test/products?q=secret-search', {
        headers: { 'x-request-id': 'forged', 'cf-ray': 'ray-1' },
      }),
      {},
      {},
    );
    expect(response.status).toBe(201);
    expect(await response.text()).toBe('ok');
    expect(response.headers.get('x-request-id')).toBe('ray-1');
    expect(seen).toBe('ray-1');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      requestId: 'ray-1',
      method: 'GET',
      route: '/products',
      status: 201,
      level: 'info',
      userId: null,
    });
    expect(JSON.stringify(lines[0])).not.toContain('secret-search');
  });

  it('never logs the tokens that links carry in their query, whatever the answer', async () => {
    const urls = [
      'http://shop.test/reset-password?token=reset-secret-1',
      'http://shop.test/sign-up/confirm?token=sign-up-secret-2',
      'http://shop.test/orders/0b6f2c1e-1111-4222-8333-944455556666?key=order-key-3',
      'http://shop.test/checkout/success?session_id=cs_test_session-4',
      'http://shop.test/cart?checkout=cancelled&order=order-5',
    ];
    for (const [status, throws] of [
      [200, false],
      [404, false],
      [500, true],
    ] as const) {
      const lines: RequestLogLine[] = [];
      const errors: unknown[] = [];
      const spy = vi.spyOn(console, 'error').mockImplementation((line) => errors.push(line));
      try {
        const handler = withRequestLog(
          async () => {
            if (throws) throw new Error('render failed');
            return new Response('x', { status });
          },
          (line) => lines.push(line),
        );
        for (const url of urls) await (await handler(new Request(url), {}, {})).arrayBuffer();
      } finally {
        spy.mockRestore();
      }
      expect(lines.map((line) => line.route)).toEqual([
        '/reset-password',
        '/sign-up/confirm',
        '/orders/0b6f2c1e-1111-4222-8333-944455556666',
        '/checkout/success',
        '/cart',
      ]);
      const logged = JSON.stringify([lines, errors]);
      for (const secret of ['secret-1', 'secret-2', 'order-key-3', 'session-4', 'order-5']) {
        expect(logged, `${status}: ${secret}`).not.toContain(secret);
      }
    }
  });

  it('answers a thrown error with a 500 naming the request id, and logs its cause', async () => {
    const lines: RequestLogLine[] = [];
    const handler = withRequestLog(
      async () => {
        throw new TypeError('database exploded: password=hunter2');
      },
      (line) => lines.push(line),
    );
    const response = await handler(
      new Request('http://shop.test/x', { headers: { 'cf-ray': 'req-2' } }),
      {},
      {},
    );
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: 'Internal error', requestId: 'req-2' });
    expect(lines[0]).toMatchObject({ status: 500, level: 'error', cause: 'unhandled TypeError' });
    expect(JSON.stringify(lines)).not.toContain('hunter2');
  });

  it('turns a 5xx caused by an unreachable database into a 503 page with the id', async () => {
    const lines: RequestLogLine[] = [];
    const handler = withRequestLog(
      async (_request: Request, _env: unknown, ctx: object) => {
        const state = requestStateOf(ctx);
        if (state) state.databaseUnavailable = true;
        return new Response('boom', { status: 500 });
      },
      (line) => lines.push(line),
    );
    const response = await handler(
      new Request('http://shop.test/products', {
        headers: { 'cf-ray': 'req-3', accept: 'text/html' },
      }),
      {},
      {},
    );
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(response.headers.get('x-request-id')).toBe('req-3');
    expect(await response.text()).toContain('req-3');
    expect(lines[0]).toMatchObject({ status: 503, cause: 'database_unavailable' });
  });

  it("leaves tRPC's own replies alone during an outage, in the shape its client reads", async () => {
    const handler = withRequestLog(
      async (_request: Request, _env: unknown, ctx: object) => {
        const state = requestStateOf(ctx);
        if (state) state.databaseUnavailable = true;
        return Response.json([{ error: { json: { message: 'unavailable' } } }], { status: 503 });
      },
      () => {},
    );
    const response = await handler(
      new Request('http://shop.test/api/trpc/catalog.products?batch=1'),
      {},
      {},
    );
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual([{ error: { json: { message: 'unavailable' } } }]);
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });
});
