/**
 * The browser's half of error tracking: Sentry's browser SDK, loaded on the
 * first error a page meets (so that no page pays for it up front), sending
 * through the shop's own `/api/errors` (a tunnel: the Worker adds the release
 * and sends it on with its own DSN, so the browser needs no Sentry address
 * and the Content-Security-Policy stays `connect-src 'self'`). Events are
 * scrubbed here and again by the Worker (error-report-scrub.ts).
 */
/** A page in a loop of errors sends a few, not thousands. */
const MAX_REPORTS_PER_PAGE = 5;

type BrowserSdk = typeof import('@sentry/browser');

let sdk: Promise<BrowserSdk> | undefined;
let reports = 0;

async function load(): Promise<BrowserSdk> {
  // The scrubber too: nothing of error reporting but the listeners is in a page's first load.
  const [Sentry, { scrubEvent }] = await Promise.all([
    import('@sentry/browser'),
    import('./error-report-scrub.ts'),
  ]);
  Sentry.init({
    // The SDK wants a DSN to be on; with a tunnel it only travels in the envelope's
    // header, and the Worker replaces it with the real one. This one names the shop.
    dsn: `${location.protocol}//browser@${location.host}/1`,
    tunnel: '/api/errors',
    // What each error needs (its cause, the page's address and browser) and nothing
    // that watches the page: no console or click breadcrumbs, no tracing, no sessions.
    defaultIntegrations: false,
    integrations: [
      Sentry.linkedErrorsIntegration(),
      Sentry.dedupeIntegration(),
      Sentry.httpContextIntegration(),
    ],
    sendClientReports: false,
    beforeSend: (event) => scrubEvent(event),
  });
  return Sentry;
}

/** Reports an error the page did not handle: an uncaught one, or one an error boundary caught. */
export function reportBrowserError(error: unknown): void {
  if (reports >= MAX_REPORTS_PER_PAGE) return;
  reports += 1;
  sdk ??= load();
  sdk
    .then((Sentry) => Sentry.captureException(error))
    .catch(() => {
      // The SDK could not load (offline, a deploy replaced the chunk): nothing to do.
    });
}
