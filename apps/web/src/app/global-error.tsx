'use client';

import { useEffect } from 'react';
import { reportBrowserError } from '~/lib/browser-error-reports';

export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => {
    // A digest means the server failed, and the Worker has reported it already.
    if (!error.digest) reportBrowserError(error);
  }, [error]);
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '3rem', textAlign: 'center' }}>
        <main>
          <h1>Something went wrong</h1>
          <p>The shop could not load. Please try again in a moment.</p>
          <button type="button" onClick={reset}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
