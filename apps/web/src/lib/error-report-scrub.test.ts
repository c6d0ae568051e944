import { describe, expect, it } from 'vitest';
import { scrubEvent, scrubText, scrubUrl } from './error-report-scrub.ts';

describe('what leaves for Sentry', () => {
  it('keeps the error, the request id and the route; drops the person, cookies and credentials', () => {
    const event = scrubEvent({
      event_id: 'abc',
      release: 'build-1',
      tags: { requestId: 'req-1', route: '/orders/[id]' },
      user: { id: 'u1', email: 'ada@example.com', ip_address: '203.0.113.9' },
      server_name: 'host',
      sdk: { name: 'sentry.javascript.browser', settings: { infer_ip: 'auto' } },
      request: {
        url: 'https://shop.example/orders/7d1e6f0a-0000-4000-8000-000000000000?key=abcdefghijklmnopqrstuvwxyz234567#x',
        method: 'GET',
        query_string: 'key=abcdefghijklmnopqrstuvwxyz234567',
        cookies: { session: 's.secret' },
        data: '{"password":"hunter2"}',
        headers: {
          'User-Agent': 'Mozilla/5.0',
          Cookie: 'session=s.secret',
          Authorization: 'Bearer sk_live_123',
          Referer: 'https://shop.example/reset-password?token=abc',
          'x-request-id': 'req-1',
        },
      },
      exception: {
        values: [
          {
            type: 'DrizzleQueryError',
            value:
              'Failed query: select * from users where email = $1 params: ada@example.com,secret',
            stacktrace: { frames: [{ function: 'f', vars: { password: 'hunter2' } }] },
          },
        ],
      },
      extra: {
        sql: 'select 1',
        orderId: 'o1',
        nested: { token: 't', note: 'mail ada@example.com' },
      },
      breadcrumbs: [
        {
          category: 'fetch',
          data: { url: 'https://api.stripe.com/v1/checkout/sessions?expand=x', method: 'POST' },
        },
        { category: 'console', message: 'sent to grace@example.org' },
      ],
    });
    expect(event).toEqual({
      event_id: 'abc',
      release: 'build-1',
      tags: { requestId: 'req-1', route: '/orders/[id]' },
      sdk: { name: 'sentry.javascript.browser', settings: { infer_ip: 'never' } },
      request: {
        url: 'https://shop.example/orders/:id',
        method: 'GET',
        headers: { 'User-Agent': 'Mozilla/5.0', 'x-request-id': 'req-1' },
      },
      exception: {
        values: [
          {
            type: 'DrizzleQueryError',
            value: 'Failed query: select * from users where email = $1 params: [redacted]',
            stacktrace: { frames: [{ function: 'f' }] },
          },
        ],
      },
      extra: {
        sql: '[redacted]',
        orderId: 'o1',
        nested: { token: '[redacted]', note: 'mail [email]' },
      },
      breadcrumbs: [
        {
          category: 'fetch',
          data: { url: 'https://api.stripe.com/v1/checkout/sessions', method: 'POST' },
        },
        { category: 'console', message: 'sent to [email]' },
      ],
    });
  });

  it('masks emails, tokens and ids in free text and paths', () => {
    expect(scrubText('no order for bob@example.com with key Zm9vYmFyYmF6cXV4MTIzNDU2')).toBe(
      'no order for [email] with key [token]',
    );
    expect(scrubText('Sold out.')).toBe('Sold out.');
    expect(scrubUrl('/account/orders/0b5c2f3e-1111-4222-8333-944455556666?x=1')).toBe(
      '/account/orders/:id',
    );
    expect(scrubUrl('https://shop.example/products/wool-peacoat?size=m')).toBe(
      'https://shop.example/products/wool-peacoat',
    );
  });
});
