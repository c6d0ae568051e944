import { describe, expect, it } from 'vitest';
import { withHeaders } from './response-headers.ts';

describe('withHeaders', () => {
  it('sets the headers on the response itself when they can change', async () => {
    const response = new Response('page', {
      status: 201,
      headers: { 'content-type': 'text/html' },
    });
    const out = withHeaders(response, { 'x-request-id': 'r-1', 'x-frame-options': 'DENY' });
    expect(out).toBe(response);
    expect(out.headers.get('x-request-id')).toBe('r-1');
    expect(out.headers.get('x-frame-options')).toBe('DENY');
    expect(await out.text()).toBe('page');
  });

  it('sets them on a copy when the headers are immutable, with the same status and body', async () => {
    const redirect = Response.redirect('http://shop.test/cart', 303);
    expect(() => redirect.headers.set('x-test', '1')).toThrow(TypeError);
    const out = withHeaders(redirect, { 'x-request-id': 'r-2' });
    expect(out).not.toBe(redirect);
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('http://shop.test/cart');
    expect(out.headers.get('x-request-id')).toBe('r-2');
    expect(redirect.headers.get('x-request-id')).toBeNull();
  });
});
