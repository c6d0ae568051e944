'use client';

import type { RouterInputs, RouterOutputs } from '@edgecart/api';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { loadTrpc, useTrpcWhenIdle } from '~/trpc/lazy-client';
import { ProductGrid } from './product-grid.tsx';

type ListInput = RouterInputs['catalog']['products'];
type Page = RouterOutputs['catalog']['products'];
/** What the browser needs to know of the first page, whose cards the server renders. */
export type FirstPage = { nextCursor: Page['nextCursor']; count: number };

/**
 * The pages the last few listings had loaded after their first, so that coming
 * back to one (the browser's Back) shows what it showed, and the browser can
 * restore the scroll position. Only while the first page is the one the server
 * renders (same cursor after it).
 */
const remembered = new Map<string, { after: FirstPage['nextCursor']; more: Page[] }>();
const REMEMBERED_LISTINGS = 8;

function remember(listing: string, first: FirstPage, more: Page[]): void {
  remembered.delete(listing);
  remembered.set(listing, { after: first.nextCursor, more });
  for (const oldest of remembered.keys()) {
    if (remembered.size <= REMEMBERED_LISTINGS) break;
    remembered.delete(oldest);
  }
}

function morePagesFor(listing: string, first: FirstPage): Page[] {
  const earlier = remembered.get(listing);
  return earlier && earlier.after === first.nextCursor ? earlier.more : [];
}

/**
 * The first page's cards come rendered from the server (`children`), so the
 * browser runs no card code and formats no price to hydrate them; "Load more"
 * fetches the next pages through the tRPC client (loaded on demand, typed end
 * to end from the router) and renders their cards here. Another filter or
 * sort is another listing: it starts again from its own first page.
 */
export function ProductListing({
  input,
  first,
  label,
  transform,
  children,
}: {
  input: Omit<ListInput, 'cursor'>;
  first: FirstPage;
  label: string;
  /** Whether photos come in responsive sizes (IMAGE_TRANSFORMATIONS). */
  transform: boolean;
  /** The first page's cards. */
  children: ReactNode;
}) {
  const listing = JSON.stringify(input);
  const [shown, setShown] = useState(() => ({
    listing,
    first,
    more: morePagesFor(listing, first),
  }));
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  // Which listing is on screen now, for a load that settles after another was chosen.
  const onScreen = useRef(listing);
  onScreen.current = listing;
  // The button works only once React runs; until then it says so instead of doing nothing.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  useTrpcWhenIdle();

  // A new render from the server: another listing starts over, the same one keeps its pages.
  if (shown.listing !== listing || shown.first !== first) {
    const sameListing = shown.listing === listing;
    setShown({ listing, first, more: sameListing ? shown.more : morePagesFor(listing, first) });
    if (!sameListing) {
      // Another listing's load, or its failure, says nothing about this one.
      setLoading(false);
      setFailed(false);
    }
  }
  const more = shown.listing === listing ? shown.more : morePagesFor(listing, first);

  const nextCursor = more.length > 0 ? (more.at(-1)?.nextCursor ?? null) : first.nextCursor;
  const loadMore = async () => {
    if (!nextCursor || loading) return;
    setLoading(true);
    setFailed(false);
    try {
      const trpc = await loadTrpc();
      const next = await trpc.catalog.products.query({ ...input, cursor: nextCursor });
      setShown((current) => {
        if (current.listing !== listing) return current;
        const pages = [...current.more, next];
        remember(listing, current.first, pages);
        return { ...current, more: pages };
      });
    } catch {
      if (onScreen.current === listing) setFailed(true);
    } finally {
      if (onScreen.current === listing) setLoading(false);
    }
  };

  const moreProducts = more.flatMap((page) => page.items);
  return (
    <>
      <ProductGrid
        label={label}
        lead={children}
        products={moreProducts}
        transform={transform}
        eager={0}
      />
      <p className="sr-only" aria-live="polite">
        {first.count + moreProducts.length} products shown
      </p>
      {nextCursor ? (
        <div className="load-more">
          <button
            type="button"
            className="button"
            onClick={loadMore}
            disabled={!hydrated || loading}
          >
            {loading ? 'Loading…' : 'Load more'}
          </button>
        </div>
      ) : null}
      {failed ? (
        <p role="alert" className="notice notice--error">
          More products could not be loaded. Try again.
        </p>
      ) : null}
    </>
  );
}
