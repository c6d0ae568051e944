/**
 * Sentry's browser SDK, set up for the shop: this module is loaded on the
 * first error a page meets (browser-error-reports.ts), and loads the SDK and
 * the scrubber in turn. (A dynamic import: in the Worker's server bundle the
 * SDK is a stub, next.config.ts.)
 */
type BrowserSdk = typeof import('@sentry/browser');

let sdk: Promise<BrowserSdk> | undefined;

async function load(): Promise<BrowserSdk> {
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

/** Sends one error through `/api/errors`, scrubbed. */
export async function captureBrowserError(error: unknown): Promise<void> {
  sdk ??= load();
  (await sdk).captureException(error);
}
