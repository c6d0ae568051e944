/**
 * What `@sentry/browser` resolves to in the Worker's server bundle
 * (next.config.ts): the browser's SDK is loaded only in a browser, on the
 * first error (browser-error-sdk.ts), yet the server's copy of that
 * client module would carry all of it (138 KB gzip) into the Worker.
 */
export function init(): never {
  throw new Error('The browser SDK runs in the browser only.');
}
