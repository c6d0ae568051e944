import 'server-only';
import { type AnalyticsReader, type BusinessMetrics, eventDataPoint } from '@edgecart/core';
import { getCloudflareContext } from '@opennextjs/cloudflare';
import { env } from '~/env';
import { analyticsQueryConfig, DEFAULT_ANALYTICS_DATASET } from '../metrics/analytics-config.ts';
import { createAnalyticsReader } from '../metrics/analytics-sql-client.ts';
import { httpDataset } from '../metrics/http-dataset.ts';
import { metricsDataset, writePoint } from '../worker-entry/request-metrics.ts';
import { inWorker } from './runtime.ts';

function currentDataset() {
  if (inWorker) {
    const { env: bindings, ctx } = getCloudflareContext();
    return metricsDataset(bindings as never, ctx);
  }
  // next dev: the stand-in `npm run dev` started, or nothing outside it (scripts, tests).
  return env.ANALYTICS_LOCAL_URL
    ? httpDataset({
        url: env.ANALYTICS_LOCAL_URL,
        dataset: env.ANALYTICS_DATASET || DEFAULT_ANALYTICS_DATASET,
        waitUntil: () => {},
      })
    : null;
}

/** Business events (the funnel, failures) as data points beside the request metrics. */
export const businessMetrics: BusinessMetrics = {
  record(event, detail) {
    writePoint(currentDataset(), eventDataPoint(event, detail));
  },
};

/** The dashboard's and the alerts' way to the metrics; null until the SQL API is set up. */
export function getAnalytics(): { reader: AnalyticsReader; dataset: string } | null {
  const config = analyticsQueryConfig(env);
  return config ? { reader: createAnalyticsReader(config), dataset: config.dataset } : null;
}
