import { describe, expect, it } from 'vitest';
import { type RequestLogLine, requestIdOf, withRequestLog } from './request-log.ts';

describe('request ids', () => {
  it("keep the caller's id, else the platform's, else make one", () => {
    expect(requestIdOf(new Headers({ 'x-request-id': 'abc-123' }))).toBe('abc-123');
    expect(requestIdOf(new Headers({ 'cf-ray': '8f1c2d3e4f5a6b7c-AMS' }))).toBe(
      '8f1c2d3e4f5a6b7c-AMS',
    );
    expect(requestIdOf(new Headers())).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuse an id that could forge log lines', () => {
    const id = requestIdOf(new Headers({ 'x-request-id': 'x"} {"level":"info"}' }));
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
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
        headers: { 'x-request-id': 'req-1' },
      }),
    );
    expect(response.status).toBe(201);
    expect(await response.text()).toBe('ok');
    expect(response.headers.get('x-request-id')).toBe('req-1');
    expect(seen).toBe('req-1');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      requestId: 'req-1',
      method: 'GET',
      route: '/products',
      status: 201,
      level: 'info',
      userId: null,
    });
    expect(JSON.stringify(lines[0])).not.toContain('secret-search');
  });

  it('answers a thrown error with a 500 naming the request id, and logs it', async () => {
    const lines: RequestLogLine[] = [];
    const handler = withRequestLog(
      async () => {
        throw new Error('database exploded: password=hunter2');
      },
      (line) => lines.push(line),
    );
    const response = await handler(
      new Request('http://shop.test/x', { headers: { 'x-request-id': 'req-2' } }),
    );
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body).toEqual({ error: 'Internal error', requestId: 'req-2' });
    expect(lines[0]).toMatchObject({ status: 500, level: 'error' });
  });
});
