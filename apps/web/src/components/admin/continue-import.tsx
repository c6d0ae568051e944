'use client';

import { useEffect, useRef } from 'react';

/**
 * An import being applied goes on from its page: the "Continue" form posts
 * again a moment after each batch, with JavaScript by itself; without it the
 * page reloads every few seconds to show the scheduled run's progress, and
 * the button does the same by hand.
 */
export function ContinueImport({
  id,
  action,
}: {
  id: string;
  action: (form: FormData) => Promise<void>;
}) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const timer = setTimeout(() => form.current?.requestSubmit(), 500);
    return () => clearTimeout(timer);
  });
  return (
    <form ref={form} action={action}>
      <noscript>
        <meta httpEquiv="refresh" content="5" />
      </noscript>
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="button button--secondary">
        Continue
      </button>
    </form>
  );
}
