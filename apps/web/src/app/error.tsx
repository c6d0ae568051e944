'use client';

import { useBoundaryErrorReport } from '~/components/error-reports';

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useBoundaryErrorReport(error);
  return (
    <div className="status-page" role="alert">
      <h1>Something went wrong</h1>
      <p>The shop could not show this page just now. Please try again in a moment.</p>
      {error.digest ? <p className="status-page__ref">Reference: {error.digest}</p> : null}
      <p>
        <button type="button" className="button" onClick={reset}>
          Try again
        </button>
      </p>
    </div>
  );
}
