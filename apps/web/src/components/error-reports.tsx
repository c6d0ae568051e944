'use client';

import { useEffect } from 'react';
import { reportBrowserError } from '~/lib/browser-error-reports';

/**
 * Logs the error an error boundary caught to the console, and reports it
 * unless it came from the server (it then has a digest, and the Worker has
 * reported it already).
 */
export function useBoundaryErrorReport(error: Error & { digest?: string }): void {
  useEffect(() => {
    console.error(error);
    if (!error.digest) reportBrowserError(error);
  }, [error]);
}

/**
 * Listens for the errors no code on the page handled (thrown in an event
 * handler, a failed promise nobody awaited) and reports them. Renders nothing;
 * the SDK loads only when there is something to send.
 */
export function ErrorReports(): null {
  useEffect(() => {
    const onError = (event: ErrorEvent) => reportBrowserError(event.error ?? event.message);
    const onRejection = (event: PromiseRejectionEvent) => reportBrowserError(event.reason);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    return () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    };
  }, []);
  return null;
}
