/**
 * Error tracking, through Sentry's SDK for Cloudflare Workers (worker.ts
 * wraps its handlers in `withSentry` when SENTRY_DSN is set). Every answer of
 * 5xx is reported once it is known: with the exception behind it when there
 * is one (caught by the entry, or handed over by the app through the
 * request's state: Next's `onRequestError`, tRPC's and the routes' `logError`),
 * else as a message naming the status and its cause. Each report carries the
 * request id, the route pattern (never the raw path), the method and the
 * release (the build id); events pass through error-report-scrub.ts on the
 * way out. The browser's reports arrive at `/api/errors` and leave from here.
 */
import * as Sentry from '@sentry/cloudflare';
import { scrubEvent } from '../../lib/error-report-scrub.ts';
import { matchRoute } from '../metrics/route-pattern.ts';
import type { RequestLogLine } from './request-log.ts';
import { requestStateOf } from './request-state.ts';

export interface ErrorReportsEnv {
  /** The project's DSN (Sentry → Project settings → Client Keys); unset, nothing is sent. */
  SENTRY_DSN?: string;
  DEPLOY_ENV?: string;
}

/** The SDK's options for one request; `release` is the build id. */
export function sentryOptions(env: ErrorReportsEnv, release: string): Sentry.CloudflareOptions {
  return {
    dsn: env.SENTRY_DSN,
    release,
    environment: env.DEPLOY_ENV ?? 'development',
    // What a report needs and nothing that reads the request for it: no user, cookies,
    // headers, bodies, query strings or query data; no console or fetch breadcrumbs; no
    // tracing. The scrubber still checks every event (error-report-scrub.ts).
    dataCollection: {
      userInfo: false,
      cookies: false,
      httpHeaders: false,
      httpBodies: [],
      urlQueryParams: false,
      databaseQueryData: false,
      stackFrameVariables: false,
    },
    defaultIntegrations: false,
    integrations: [Sentry.linkedErrorsIntegration(), Sentry.dedupeIntegration()],
    beforeSend: (event) => scrubEvent(event),
    beforeBreadcrumb: () => null,
  };
}

/** The observer withRequestLog calls: reports an answer of 5xx, once. */
export function reportServerError(
  line: RequestLogLine,
  _request: Request,
  _env: unknown,
  ctx: object,
): void {
  if (line.status < 500 || !Sentry.isEnabled()) return;
  const state = requestStateOf(ctx);
  const { pattern } = matchRoute(line.route);
  Sentry.withScope((scope) => {
    scope.setTags({
      request_id: line.requestId,
      route: pattern,
      method: line.method,
      status: String(line.status),
    });
    scope.setTransactionName(`${line.method} ${pattern}`);
    if (state?.error !== undefined) {
      Sentry.captureException(state.error);
    } else {
      const cause = line.cause && !line.cause.startsWith('see ') ? ` (${line.cause})` : '';
      Sentry.captureMessage(`${line.status} on ${line.method} ${pattern}${cause}`, 'error');
    }
  });
}

/** Lets the app's `/api/errors` hand over the browser's events for this request. */
export function acceptBrowserReports(ctx: object): void {
  const state = requestStateOf(ctx);
  if (!state) return;
  state.errorReports = {
    captureBrowserEvent: (event) =>
      Sentry.withScope((scope) => {
        const url = (event.request as { url?: unknown } | undefined)?.url;
        const path = typeof url === 'string' && URL.canParse(url) ? new URL(url).pathname : null;
        scope.setTags({ origin: 'browser', route: path ? matchRoute(path).pattern : '(unknown)' });
        Sentry.captureEvent(event);
      }),
  };
}
