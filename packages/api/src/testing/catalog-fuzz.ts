import { type ProductSort, productSorts } from '@edgecart/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeededDatabase } from '../router/catalog.contract.ts';
import { toBase64Url } from './fuzz-arbitraries.ts';
import {
  batchRequests,
  bySlugRequests,
  collectionsRequests,
  cursorRequests,
  type FuzzRequest,
  pathRequests,
  productsRequests,
  rawRequests,
} from './fuzz-requests.ts';
import { createHttpClient, type HttpGet, superjsonInput } from './http.ts';
import { checkReply } from './reply-check.ts';

export interface FuzzOptions {
  /** Runs per property; 200 by default. */
  numRuns?: number;
}

const decodePayload = (cursor: string) =>
  JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s: string; v: unknown[] };

/**
 * Client input at random against every catalog procedure over HTTP (tRPC's
 * fetch adapter, real Requests): never a 5xx, never internals in a reply. Run
 * against every database driver, like the catalog contract.
 */
export function describeCatalogFuzz(
  driver: string,
  open: () => Promise<SeededDatabase>,
  options: FuzzOptions = {},
) {
  const numRuns = options.numRuns ?? 200;

  describe(`catalog over HTTP, fuzzed, on ${driver}`, () => {
    let handle: SeededDatabase;
    let get: HttpGet;
    const real = {} as Record<ProductSort, unknown[]>;
    const runs: string[] = [];

    beforeAll(async () => {
      handle = await open();
      get = createHttpClient(handle.db);
      for (const sort of productSorts) {
        const reply = await get('catalog.products', superjsonInput({ sort, limit: 2 }));
        const cursor = (
          JSON.parse(reply.body) as { result: { data: { json: { nextCursor: string } } } }
        ).result.data.json.nextCursor;
        real[sort] = decodePayload(cursor).v;
      }
    });
    afterAll(async () => {
      console.log(`fast-check runs on ${driver}:\n  ${runs.join('\n  ')}`);
      await handle?.close();
    });

    const property = (name: string, requests: () => fc.Arbitrary<FuzzRequest>) =>
      it(`${name}: never a 5xx, never internals`, async () => {
        const statuses = new Map<number, number>();
        const send = async (request: FuzzRequest) => {
          const reply = await get(request.path, request.search, request.method);
          statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
          checkReply(reply, `${request.method} ${request.path}?${request.search}`);
        };
        const details = await fc.check(fc.asyncProperty(requests(), send), { numRuns });
        const seen = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
        runs.push(
          `${name}: ${details.numRuns} runs${details.failed ? ' (FAILED)' : ''}; statuses ${seen.join(' ')}`,
        );
        if (details.failed) throw new Error(await fc.asyncDefaultReportMessage(details));
        expect(details.numRuns).toBe(numRuns);
      });

    property('catalog.products, every field', () => productsRequests);
    for (const sort of productSorts) {
      property(`catalog.products, "${sort}" cursors re-encoded`, () => cursorRequests(real, sort));
    }
    property('catalog.product and catalog.collection', () => bySlugRequests);
    property('catalog.collections', () => collectionsRequests);
    property('raw inputs: bare JSON, not JSON, bad superjson meta, any method', () => rawRequests);
    property('batches', () => batchRequests);
    property('unknown procedures', () => pathRequests);

    it('leaves Object.prototype alone', () => {
      expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    });

    it('answers 400 with a clear message to input PostgreSQL would refuse', async () => {
      const cursor = (s: ProductSort, v: unknown[]) => toBase64Url(JSON.stringify({ s, v }));
      const [, id] = real.newest;
      const cases: [unknown, RegExp][] = [
        [{ q: 'a\u0000' }, /The search contains a NUL character/],
        [{ q: 'wool \uD800' }, /The search contains an unpaired surrogate/],
        [{ sort: 'newest', cursor: cursor('newest', ['0000-01-01T00:00:00Z', id]) }, /timestamp/],
        [
          { sort: 'featured', cursor: cursor('featured', [1, '2020-01-01T00:00:00+23:59', id]) },
          /value 2 is not a valid timestamp/,
        ],
        [{ sort: 'name', cursor: cursor('name', ['a\u0000', id]) }, /value 1 is not a valid text/],
      ];
      for (const [input, message] of cases) {
        const reply = await get('catalog.products', superjsonInput(input));
        expect(reply.status, JSON.stringify(input)).toBe(400);
        const body = JSON.parse(reply.body) as {
          error: { json: { message: string; data: object } };
        };
        expect(body.error.json.message).toMatch(message);
        expect(body.error.json.data).toMatchObject({
          code: 'BAD_REQUEST',
          requestId: reply.requestId,
        });
        checkReply(reply, JSON.stringify(input));
      }
    });
  });
}
