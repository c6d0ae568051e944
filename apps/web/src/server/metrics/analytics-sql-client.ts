import { AnalyticsQueryError, type AnalyticsReader } from '@edgecart/core';
import type { AnalyticsQueryConfig } from './analytics-config.ts';

/** How long the dashboard and the alerts wait for one query. */
const QUERY_TIMEOUT_MS = 10_000;

/**
 * The Analytics Engine SQL API client: the query as the body of a POST, a
 * Bearer token, `FORMAT JSON`'s rows back. A refusal (422 with the reason as
 * text, 403 for the token) or a timeout is an AnalyticsQueryError.
 */
export function createAnalyticsReader(
  config: AnalyticsQueryConfig,
  options: { fetch?: typeof fetch } = {},
): AnalyticsReader {
  const send = options.fetch ?? fetch;
  return {
    async query(sql) {
      let response: Response;
      try {
        response = await send(config.sqlUrl, {
          method: 'POST',
          headers: { authorization: `Bearer ${config.token}`, 'content-type': 'text/plain' },
          body: sql,
          signal: AbortSignal.timeout(QUERY_TIMEOUT_MS),
        });
      } catch (error) {
        throw new AnalyticsQueryError(
          `the SQL API did not answer: ${error instanceof Error ? error.message : String(error)}`,
          0,
        );
      }
      const text = await response.text();
      if (!response.ok) {
        throw new AnalyticsQueryError(
          `the SQL API answered ${response.status}: ${text.slice(0, 300)}`,
          response.status,
        );
      }
      const body = JSON.parse(text) as { data?: Record<string, unknown>[] };
      if (!Array.isArray(body.data)) {
        throw new AnalyticsQueryError('the SQL API answered without rows', response.status);
      }
      return body.data;
    },
  };
}
