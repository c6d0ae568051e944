import type { AnalyticsDataset, DataPoint } from '@edgecart/core/metrics-layout';

let warned = false;

/** The stand-in's largest batch. */
const MAX_BATCH = 250;

/** Points waiting to be sent, per stand-in URL, and whether a request is sending them. */
const queues = new Map<string, { points: DataPoint[]; sending: boolean }>();

async function post(target: string, points: DataPoint[]): Promise<void> {
  try {
    const response = await fetch(target, { method: 'POST', body: JSON.stringify(points) });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`the stand-in answered ${response.status}`);
  } catch (error) {
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
  }
}

/**
 * What the Analytics Engine binding does, over HTTP to the local stand-in
 * (`ANALYTICS_LOCAL_URL`, packages/dev-services): `npm run dev` and
 * `preview:edge` record the same points, so the dashboard charts local
 * traffic. Fire and forget, like the binding: `waitUntil` keeps the write
 * alive past the response, and a stand-in that is down costs one warning.
 *
 * Batched, as the binding is: a point is queued, and the request that finds
 * nobody sending sends the queue, then whatever was queued while it sent,
 * until it is empty. Under load that is one POST per batch rather than one
 * per request, which is the stand-in's cost and not the binding's. Only the
 * request that sent a fetch ever waits for it: no promise crosses requests.
 */
export function httpDataset(options: {
  url: string;
  dataset: string;
  waitUntil: (promise: Promise<unknown>) => void;
}): AnalyticsDataset {
  const target = `${options.url.replace(/\/$/, '')}/write/${encodeURIComponent(options.dataset)}`;
  return {
    writeDataPoint(point: DataPoint) {
      let queue = queues.get(target);
      if (!queue) {
        queue = { points: [], sending: false };
        queues.set(target, queue);
      }
      queue.points.push(point);
      if (queue.sending) return;
      queue.sending = true;
      const sending = queue;
      const drain = async () => {
        try {
          while (sending.points.length > 0) {
            await post(target, sending.points.splice(0, MAX_BATCH));
          }
        } finally {
          sending.sending = false;
        }
      };
      options.waitUntil(drain());
    },
  };
}
