import { describe, expect, it } from 'vitest';
import { crossSiteResponse, isCrossSite } from './same-origin.ts';

const post = (headers: Record<string, string>) =>
  new Request('http://internal.worker/api/trpc/cart.add', {
    method: 'POST',
    headers: { host: 'shop.example', ...headers },
  });

describe('the same-origin guard', () => {
  it('lets the shop itself through', () => {
    expect(isCrossSite(post({ origin: 'https://shop.example' }))).toBe(false);
    expect(isCrossSite(post({ 'sec-fetch-site': 'same-origin' }))).toBe(false);
    // Typed into the address bar or a bookmark: no site at all.
    expect(isCrossSite(post({ 'sec-fetch-site': 'none' }))).toBe(false);
  });

  it('compares the Origin with the host the browser addressed, not the internal URL', () => {
    expect(isCrossSite(post({ origin: 'https://shop.example' }))).toBe(false);
    expect(isCrossSite(post({ origin: 'http://internal.worker' }))).toBe(true);
  });

  it('refuses another site, a sibling subdomain, another port, and "null"', () => {
    for (const origin of [
      'https://evil.example',
      'https://www.shop.example',
      'https://shop.example:8443',
      'null',
    ]) {
      expect(isCrossSite(post({ origin })), origin).toBe(true);
    }
    expect(isCrossSite(post({ 'sec-fetch-site': 'cross-site' }))).toBe(true);
    expect(isCrossSite(post({ 'sec-fetch-site': 'same-site' }))).toBe(true);
  });

  it('trusts Origin over Sec-Fetch-Site when both are sent', () => {
    expect(
      isCrossSite(post({ origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' })),
    ).toBe(true);
  });

  it('lets a request from no browser through (it carries no visitor cookies)', () => {
    expect(isCrossSite(post({}))).toBe(false);
  });

  it('answers 403 with the request id and a message a person can act on', async () => {
    const response = crossSiteResponse('req-9');
    expect(response.status).toBe(403);
    expect(response.headers.get('x-request-id')).toBe('req-9');
    expect(await response.json()).toMatchObject({ requestId: 'req-9' });
  });
});
