/**
 * Error tracking, through Sentry's SDK for Cloudflare Workers, when SENTRY_DSN
 * is set. Every answer of 5xx is reported once it is known: with the exception behind it when there
 * is one (caught by the entry, or handed over by the app through the
 * request's state: Next's `onRequestError`, tRPC's and the routes' `logError`),
 * else as a message naming the status and its cause. Each report carries the
 * request id, the route pattern (never the raw path), the method and the
 * release (the build id); events pass through error-report-scrub.ts on the
 * way out. The browser's reports arrive at `/api/errors` and leave from here.
 *
 * **Only when there is something to send.** `withSentry` around the Worker's
 * handlers would run on every request: a scope, a span, the env and context
 * wrapped in proxies, and every streamed page piped through a transform. On
 * this app's warm page hit that was two-fifths of the Worker's CPU (1.38 ms
 * per hit with it, 0.83 ms without, in workerd). Here the SDK's wrapper
 * serves a request of its own, made only for a report, so a request that
 * answers below 500 never touches the SDK. The SDK keeps one client per
 * isolate and flushes each report in the reporting request's `waitUntil`.
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

interface WaitUntil {
  waitUntil: (promise: Promise<unknown>) => void;
}

type Job = () => void;

/** What each report's own request is for, until the SDK's wrapper runs it. */
const jobs = new WeakMap<Request, Job>();

export interface ErrorReporter {
  /** Runs `job` (its Sentry calls) in a scope of its own, flushed in `ctx.waitUntil`. */
  send(request: Request, env: ErrorReportsEnv, ctx: WaitUntil, job: Job): void;
}

/** The reporter for this build; reports go nowhere without SENTRY_DSN. */
export function createErrorReporter(release: string): ErrorReporter {
  const wrapped = Sentry.withSentry((env: ErrorReportsEnv) => sentryOptions(env, release), {
    async fetch(request: Request, _env: ErrorReportsEnv, _ctx: WaitUntil): Promise<Response> {
      jobs.get(request)?.();
      return new Response(null, { status: 204 });
    },
  });
  return {
    send(request, env, ctx, job) {
      if (!env.SENTRY_DSN) return;
      // The wrapper leaves HEAD and OPTIONS alone; the report names the method in its tags.
      const method = request.method === 'POST' ? 'POST' : 'GET';
      const own = new Request(request.url, { method });
      jobs.set(own, job);
      const sent = (async () => {
        try {
          await wrapped.fetch(own, env, ctx);
        } catch (error) {
          console.warn(
            JSON.stringify({
              level: 'warn',
              msg: 'error report not sent',
              error: error instanceof Error ? error.message : String(error),
            }),
          );
        }
      })();
      ctx.waitUntil(sent);
    },
  };
}

/** The observer withRequestLog calls: reports an answer of 5xx, once. */
export function reportServerError(
  reporter: ErrorReporter,
  line: RequestLogLine,
  request: Request,
  env: ErrorReportsEnv,
  ctx: object,
): void {
  if (line.status < 500 || !env.SENTRY_DSN) return;
  const state = requestStateOf(ctx);
  const { pattern } = matchRoute(line.route);
  reporter.send(request, env, ctx as WaitUntil, () =>
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
    }),
  );
}

/** Lets the app's `/api/errors` hand over the browser's events for this request. */
export function acceptBrowserReports(
  reporter: ErrorReporter,
  request: Request,
  env: ErrorReportsEnv,
  ctx: object,
): void {
  const state = requestStateOf(ctx);
  if (!state || !env.SENTRY_DSN) return;
  state.errorReports = {
    captureBrowserEvent: (event) =>
      reporter.send(request, env, ctx as WaitUntil, () =>
        Sentry.withScope((scope) => {
          const url = (event.request as { url?: unknown } | undefined)?.url;
          const path = typeof url === 'string' && URL.canParse(url) ? new URL(url).pathname : null;
          scope.setTags({
            origin: 'browser',
            route: path ? matchRoute(path).pattern : '(unknown)',
          });
          Sentry.captureEvent(event);
        }),
      ),
  };
}
