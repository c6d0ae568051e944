/**
 * The browser's half of error tracking: Sentry's browser SDK, loaded on the
 * first error a page meets (browser-error-sdk.ts, so that no page pays for it
 * up front), sending through the shop's own `/api/errors` (a tunnel: the
 * Worker adds the release and sends it on with its own DSN, so the browser
 * needs no Sentry address and the Content-Security-Policy stays `connect-src
 * 'self'`). Events are scrubbed there and again by the Worker
 * (error-report-scrub.ts).
 */
/** A page in a loop of errors sends a few, not thousands. */
const MAX_REPORTS_PER_PAGE = 5;

let reports = 0;

/** Reports an error the page did not handle: an uncaught one, or one an error boundary caught. */
export function reportBrowserError(error: unknown): void {
  if (reports >= MAX_REPORTS_PER_PAGE) return;
  reports += 1;
  import('./browser-error-sdk.ts')
    .then((sdk) => sdk.captureBrowserError(error))
    .catch(() => {
      // The SDK could not load (offline, a deploy replaced the chunk): nothing to do.
    });
}
