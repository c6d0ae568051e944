import type { RouterInputs, RouterOutputs } from '@edgecart/api';
import { ProductCards } from './product-grid.tsx';
import { ProductListing } from './product-listing.tsx';

/**
 * A listing from its first page as the server read it: the server renders
 * that page's cards, the browser gets only its cursor and count, and renders
 * the pages "Load more" adds (product-listing.tsx).
 */
export function ListingFromFirstPage({
  input,
  firstPage,
  label,
  transform,
}: {
  input: Omit<RouterInputs['catalog']['products'], 'cursor'>;
  firstPage: RouterOutputs['catalog']['products'];
  label: string;
  /** Whether photos come in responsive sizes (IMAGE_TRANSFORMATIONS). */
  transform: boolean;
}) {
  return (
    <ProductListing
      input={input}
      first={{ nextCursor: firstPage.nextCursor, count: firstPage.items.length }}
      label={label}
      transform={transform}
    >
      <ProductCards products={firstPage.items} transform={transform} />
    </ProductListing>
  );
}
