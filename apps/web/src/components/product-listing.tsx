'use client';

import type { RouterInputs, RouterOutputs } from '@edgecart/api';
import { useEffect, useRef, useState } from 'react';
import { loadTrpc, useTrpcWhenIdle } from '~/trpc/lazy-client';
import { ProductGrid } from './product-grid.tsx';

type ListInput = RouterInputs['catalog']['products'];
type Page = RouterOutputs['catalog']['products'];

/**
 * The pages the last few listings had loaded, so that coming back to one (the
 * browser's Back) shows what it showed, and the browser can restore the
 * scroll position. Only while the first page is the one the server renders.
 */
const remembered = new Map<string, Page[]>();
const REMEMBERED_LISTINGS = 8;

function remember(listing: string, pages: Page[]): void {
  remembered.delete(listing);
  remembered.set(listing, pages);
  for (const oldest of remembered.keys()) {
    if (remembered.size <= REMEMBERED_LISTINGS) break;
    remembered.delete(oldest);
  }
}

function pagesFor(listing: string, firstPage: Page): Page[] {
  const earlier = remembered.get(listing);
  return earlier?.[0]?.nextCursor === firstPage.nextCursor
    ? [firstPage, ...earlier.slice(1)]
    : [firstPage];
}

/**
 * The first page comes rendered from the server; "Load more" fetches the next
 * pages through the tRPC client (loaded on demand, typed end to end from the
 * router). Another filter or sort is another listing: it starts again from
 * its own first page.
 */
export function ProductListing({
  input,
  firstPage,
  label,
  transform,
}: {
  input: Omit<ListInput, 'cursor'>;
  firstPage: Page;
  label: string;
  /** Whether photos come in responsive sizes (IMAGE_TRANSFORMATIONS). */
  transform: boolean;
}) {
  const listing = JSON.stringify(input);
  const [shown, setShown] = useState(() => ({ listing, pages: pagesFor(listing, firstPage) }));
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
  const pages =
    shown.listing === listing
      ? shown.pages[0] === firstPage
        ? shown.pages
        : [firstPage, ...shown.pages.slice(1)]
      : pagesFor(listing, firstPage);
  if (pages !== shown.pages) {
    setShown({ listing, pages });
    if (shown.listing !== listing) {
      // Another listing's load, or its failure, says nothing about this one.
      setLoading(false);
      setFailed(false);
    }
  }

  const nextCursor = pages.at(-1)?.nextCursor ?? null;
  const loadMore = async () => {
    if (!nextCursor || loading) return;
    setLoading(true);
    setFailed(false);
    try {
      const trpc = await loadTrpc();
      const next = await trpc.catalog.products.query({ ...input, cursor: nextCursor });
      setShown((current) => {
        if (current.listing !== listing) return current;
        const more = [...current.pages, next];
        remember(listing, more);
        return { listing, pages: more };
      });
    } catch {
      if (onScreen.current === listing) setFailed(true);
    } finally {
      if (onScreen.current === listing) setLoading(false);
    }
  };

  const products = pages.flatMap((page) => page.items);
  return (
    <>
      <ProductGrid products={products} label={label} transform={transform} />
      <p className="sr-only" aria-live="polite">
        {products.length} products shown
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
