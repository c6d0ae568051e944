import type { AnalyticsDataset, DataPoint } from '@edgecart/core/metrics-layout';

let warned = false;

/**
 * What the Analytics Engine binding does, over HTTP to the local stand-in
 * (`ANALYTICS_LOCAL_URL`, packages/dev-services): `npm run dev` and
 * `preview:edge` record the same points, so the dashboard charts local
 * traffic. Fire and forget, like the binding: `waitUntil` keeps the write
 * alive past the response, and a stand-in that is down costs one warning.
 */
export function httpDataset(options: {
  url: string;
  dataset: string;
  waitUntil: (promise: Promise<unknown>) => void;
}): AnalyticsDataset {
  const target = `${options.url.replace(/\/$/, '')}/write/${encodeURIComponent(options.dataset)}`;
  return {
    writeDataPoint(point: DataPoint) {
      const write = fetch(target, { method: 'POST', body: JSON.stringify([point]) })
        .then(async (response) => {
          await response.arrayBuffer();
          if (!response.ok) throw new Error(`the stand-in answered ${response.status}`);
        })
        .catch((error: unknown) => {
          if (warned) return;
          warned = true;
          console.warn(
            JSON.stringify({
              level: 'warn',
              msg: 'metrics stand-in unreachable',
              target,
              error: error instanceof Error ? error.message : String(error),
            }),
          );
        });
      options.waitUntil(write);
    },
  };
}
