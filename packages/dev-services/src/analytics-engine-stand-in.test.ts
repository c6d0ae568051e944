import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AnalyticsEngineStandIn,
  startAnalyticsEngineStandIn,
} from './analytics-engine-stand-in.ts';
import { parseAnalyticsSql } from './analytics-sql.ts';

let standIn: AnalyticsEngineStandIn;
beforeAll(async () => {
  standIn = await startAnalyticsEngineStandIn();
});
afterAll(async () => {
  await standIn?.close();
});

const write = (dataset: string, points: unknown[]) =>
  fetch(`${standIn.url}/write/${dataset}`, { method: 'POST', body: JSON.stringify(points) });

const query = (sql: string, token = standIn.apiToken) =>
  fetch(standIn.sqlUrl, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: sql,
  });

describe('the Analytics Engine stand-in', () => {
  it('stores data points and answers the SQL API as FORMAT JSON, UInt64 as strings', async () => {
    const points = [120, 80, 40, 300, 20].map((ms, i) => ({
      indexes: ['storefront'],
      blobs: ['request', '/products/[slug]', 'storefront', 'GET'],
      doubles: [i === 3 ? 503 : 200, ms],
    }));
    expect((await write('requests_test', points)).status).toBe(204);
    expect(await standIn.count('requests_test')).toBe(5);

    const response = await query(`
      SELECT blob2 AS route,
        sum(_sample_interval) AS requests,
        sumIf(_sample_interval, double1 >= 500) AS errors,
        quantileExactWeighted(0.5)(double2, _sample_interval) AS p50,
        quantileWeighted(0.99, double2, _sample_interval) AS p99,
        toStartOfInterval(timestamp, INTERVAL '5' MINUTE) AS t
      FROM requests_test
      WHERE blob1 = 'request' AND timestamp > now() - INTERVAL '1' HOUR
      GROUP BY route, t
      ORDER BY route
      FORMAT JSON`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      meta: { name: string; type: string }[];
      data: Record<string, unknown>[];
      rows: number;
    };
    expect(body.meta).toEqual([
      { name: 'route', type: 'String' },
      { name: 'requests', type: 'UInt64' },
      { name: 'errors', type: 'UInt64' },
      { name: 'p50', type: 'Float64' },
      { name: 'p99', type: 'Float64' },
      { name: 't', type: 'DateTime' },
    ]);
    expect(body.rows).toBe(1);
    expect(body.data[0]).toMatchObject({
      route: '/products/[slug]',
      requests: '5',
      errors: '1',
      p50: 80,
      p99: 300,
    });
    expect(body.data[0]?.t).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d[05]:00$/);
  });

  it('refuses what the binding would throw on, and stores nothing of the batch', async () => {
    const tooMany = { blobs: Array.from({ length: 21 }, () => 'x') };
    const response = await write('refused_test', [{ blobs: ['ok'] }, tooMany]);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'writeDataPoint(): Maximum of 20 blobs supported.',
    });
    expect(await standIn.count('refused_test')).toBe(0);
    const longIndex = await write('refused_test', [{ indexes: ['é'.repeat(49)] }]);
    expect(await longIndex.json()).toEqual({
      error: 'writeDataPoint(): Size of indexes[0] exceeds 96 bytes.',
    });
  });

  it('answers 422 for a query it cannot run, 403 for a wrong token, and never writes', async () => {
    await write('guarded_test', [{ blobs: ['a'] }]);
    const unknown = await query('SELECT topK(3)(blob1) FROM guarded_test');
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toMatch(/^Input was invalid: /);
    expect((await query('SELECT count() FROM no_such_dataset')).status).toBe(422);
    expect((await query('DELETE FROM guarded_test')).status).toBe(422);
    // A function that writes is refused too: queries run in a read-only transaction.
    const sneaky = await query('SELECT lo_create(0) FROM guarded_test');
    expect(sneaky.status).toBe(422);
    expect(await sneaky.text()).toMatch(/read-only transaction/);
    expect(await standIn.count('guarded_test')).toBe(1);
    const forbidden = await query('SELECT count() FROM guarded_test', 'wrong');
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({
      success: false,
      errors: [{ code: 10000, message: 'Authentication error' }],
    });
    const tables = (await (await query('SHOW TABLES FORMAT JSON')).json()) as { data: unknown[] };
    expect(tables.data).toContainEqual({ dataset: 'guarded_test', type: 'DATASET' });
  });
});

describe('the dialect', () => {
  it('rewrites the documented functions for PostgreSQL and quotes the columns', () => {
    expect(
      parseAnalyticsSql(
        "SELECT countIf(double1 >= 500) AS e, if(blob5 = 'hit', 1, 0) AS h, intDiv(double2, 10) FROM ds WHERE timestamp > now() - INTERVAL '1' DAY FORMAT JSON",
      ),
    ).toEqual({
      kind: 'select',
      tables: ['ds'],
      sql: `SELECT count(*) FILTER (WHERE "double1" >= 500) AS e, (CASE WHEN "blob5" = 'hit' THEN 1 ELSE 0 END) AS h, div("double2", 10) FROM ds WHERE "timestamp" > now() - INTERVAL '1' DAY`,
    });
    expect(() => parseAnalyticsSql('SELECT 1 FORMAT TabSeparated')).toThrow(/FORMAT JSON only/);
    expect(() => parseAnalyticsSql('SELECT 1; DROP TABLE ds')).toThrow(/unexpected character/);
  });
});
