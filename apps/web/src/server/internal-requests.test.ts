import { describe, expect, it } from 'vitest';
import { INTERNAL_HEADER, internalRequest, isInternalRequest } from './internal-requests.ts';

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
