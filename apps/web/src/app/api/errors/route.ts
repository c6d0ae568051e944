import { clientAddressKey } from '@edgecart/core';
import { getCloudflareContext } from '@opennextjs/cloudflare';
import { browserEventsOf, ERROR_REPORT_BYTES_MAX } from '~/server/http/browser-error-envelope';
import { currentRequestId } from '~/server/http/request-id';
import { crossSiteResponse, isCrossSite } from '~/server/http/same-origin';
import { clientIpOf, getRateLimiters } from '~/server/services/rate-limiters';
import { inWorker } from '~/server/services/runtime';
import { requestStateOf } from '~/server/worker-entry/request-state';

export const dynamic = 'force-dynamic';

/**
 * `POST /api/errors`: the browser's error reports (Sentry's envelope, sent by
 * its SDK's `tunnel`). The Worker's entry sends each event on to Sentry with
 * the shop's DSN and release, scrubbed once more. Bounded per client
 * (`error-report:ip`) and in size; a body that is not an envelope gets 400.
 * 202 once taken, also when error reports are off (next dev, no SENTRY_DSN),
 * since the browser cannot do anything about that.
 */
export async function POST(request: Request): Promise<Response> {
  const requestId = currentRequestId(request.headers);
  if (isCrossSite(request)) return crossSiteResponse(requestId);
  const refuse = (status: number, error: string, headers: Record<string, string> = {}) =>
    Response.json(
      { error, requestId },
      { status, headers: { 'cache-control': 'no-store', 'x-request-id': requestId, ...headers } },
    );
  const length = Number(request.headers.get('content-length') ?? Number.NaN);
  if (!(length <= ERROR_REPORT_BYTES_MAX)) {
    return refuse(413, `An error report is at most ${ERROR_REPORT_BYTES_MAX / 1024} KiB.`);
  }
  const client = clientAddressKey(clientIpOf(request.headers));
  const limit = await getRateLimiters()['error-report:ip'].limit(`error-report:ip:${client}`);
  if (!limit.allowed) {
    return refuse(429, 'Too many error reports from this address; try again later.', {
      'retry-after': String(limit.retryAfterSeconds),
    });
  }
  const body = new Uint8Array(await request.arrayBuffer());
  const events = body.byteLength <= ERROR_REPORT_BYTES_MAX ? browserEventsOf(body) : null;
  if (!events) return refuse(400, 'The body is not an error report (a Sentry envelope).');
  const reports = inWorker ? requestStateOf(getCloudflareContext().ctx)?.errorReports : undefined;
  for (const event of events) reports?.captureBrowserEvent(event);
  return new Response(null, { status: 202, headers: { 'x-request-id': requestId } });
}
