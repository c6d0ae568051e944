'use client';

import type { RouterInputs, RouterOutputs } from '@edgecart/api';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { TRPCReactProvider, useTRPC } from '~/trpc/react';
import { ProductGrid } from './product-grid.tsx';

type ListInput = RouterInputs['catalog']['products'];
type Page = RouterOutputs['catalog']['products'];

/**
 * The first page comes rendered from the server; "Load more" fetches the next
 * pages through the tRPC client, typed end to end from the router.
 */
function ProductListingWithClient({
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
  const trpc = useTRPC();
  // The button works only once React runs; until then it says so instead of doing nothing.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const query = useInfiniteQuery(
    trpc.catalog.products.infiniteQueryOptions(input, {
      initialData: { pages: [firstPage], pageParams: [null] },
      getNextPageParam: (page) => page.nextCursor,
      staleTime: 60_000,
    }),
  );
  const products = query.data?.pages.flatMap((page) => page.items) ?? firstPage.items;
  return (
    <>
      <ProductGrid products={products} label={label} transform={transform} />
      <p className="sr-only" aria-live="polite">
        {products.length} products shown
      </p>
      {query.hasNextPage ? (
        <div className="load-more">
          <button
            type="button"
            className="button"
            onClick={() => query.fetchNextPage()}
            disabled={!hydrated || query.isFetchingNextPage}
          >
            {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        </div>
      ) : null}
      {query.isFetchNextPageError ? (
        <p role="alert" className="notice notice--error">
          More products could not be loaded. Try again.
        </p>
      ) : null}
    </>
  );
}

/** Provides the tRPC client (one per page, shared) to what it renders. */
export function ProductListing(props: Parameters<typeof ProductListingWithClient>[0]) {
  return (
    <TRPCReactProvider>
      <ProductListingWithClient {...props} />
    </TRPCReactProvider>
  );
}
