import { describe, expect, it } from 'vitest';
import {
  INTERNAL_HEADER,
  internalRequest,
  isInternalPath,
  isInternalRequest,
} from './internal-requests.ts';

const post = (headers: Record<string, string> = {}) =>
  new Request('http://shop.test/api/internal/sweep', { method: 'POST', headers });

describe('internal requests', () => {
  it('admits the isolate’s own request, and nothing else', () => {
    expect(isInternalRequest(internalRequest('sweep'))).toBe(true);
    expect(isInternalRequest(post())).toBe(false);
    expect(isInternalRequest(post({ [INTERNAL_HEADER]: 'a guess' }))).toBe(false);
  });

  it('admits the development timer’s secret only when one is configured', () => {
    const secret = 'x'.repeat(64);
    expect(isInternalRequest(post({ [INTERNAL_HEADER]: secret }), secret)).toBe(true);
    expect(isInternalRequest(post({ [INTERNAL_HEADER]: `${secret}y` }), secret)).toBe(false);
    expect(isInternalRequest(post({ [INTERNAL_HEADER]: secret }))).toBe(false);
  });
});

describe('internal paths, as the Worker’s entry sees them', () => {
  // As the Worker's request arrives: the path after the shop's origin.
  const pathOf = (path: string) => new URL(`https://shop.example${path}`).pathname;

  it.each([
    '/api/internal/sweep',
    '/api/internal',
    '/api/%69nternal/sweep',
    '/api/%2569nternal/sweep',
    '/api%2Finternal/outbox',
    '/API/Internal/sweep',
    '/api/INTERNAL/outbox',
    '//api//internal/sweep',
    '/api/./internal/sweep',
    '/api/%2e/internal/sweep',
    '/products/../api/internal/sweep',
    '/x/%2e%2e/api/internal/sweep',
    '/api\\internal\\sweep',
    '/api/internal%2Fsweep',
  ])('refuses %s', (path) => {
    expect(isInternalPath(pathOf(path))).toBe(true);
    expect(isInternalPath(path)).toBe(true);
  });

  it.each([
    '/',
    '/api/trpc/catalog.products',
    '/api/internals/sweep',
    '/api/internal-sweep',
    '/internal/sweep',
    '/products/api/internal',
    '/api/%zz/internal',
  ])('lets %s through', (path) => {
    expect(isInternalPath(pathOf(path))).toBe(false);
  });
});
