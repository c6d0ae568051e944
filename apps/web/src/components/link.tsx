'use client';

// biome-ignore lint/style/noRestrictedImports: the one place next/link is wrapped.
import NextLink from 'next/link';
import { type ComponentProps, useState } from 'react';

/**
 * `next/link`, prefetching on intent rather than on sight. Next prefetches
 * every link that scrolls into view: a listing page, with the header's
 * collections and a dozen product cards, would make the Worker render a dozen
 * pages nobody asked for on every view (prefetches are not served from the
 * page cache). Here a link prefetches when it is hovered, focused or touched,
 * a moment before the click, so navigation stays quick and a page view costs
 * one request. Every link in the app goes through this one (biome.json).
 */
export default function Link({
  prefetch,
  onMouseEnter,
  onFocus,
  onTouchStart,
  ...props
}: ComponentProps<typeof NextLink>) {
  const [intent, setIntent] = useState(false);
  return (
    <NextLink
      {...props}
      prefetch={prefetch === false || !intent ? false : (prefetch ?? null)}
      onMouseEnter={(event) => {
        setIntent(true);
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        setIntent(true);
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        setIntent(true);
        onTouchStart?.(event);
      }}
    />
  );
}
