import type { ProductSummary } from '@edgecart/core';
import type { ReactNode } from 'react';
import { ProductCard } from './product-card.tsx';

/** Whether photos come in responsive sizes (IMAGE_TRANSFORMATIONS). */
type Transform = { transform: boolean };

/**
 * The cards of a grid, without the list around them: a listing renders its
 * first page's cards on the server and adds the next pages' in the browser.
 */
export function ProductCards({
  products,
  transform,
  eager = 4,
}: Transform & {
  products: ProductSummary[];
  /**
   * How many cards, from the first, load their photo at once and first: those
   * above the fold. A grid further down the page passes 0, so that its photos
   * wait until scrolled near instead of competing with the first ones.
   */
  eager?: number;
}) {
  return products.map((product, index) => (
    <ProductCard key={product.id} product={product} eager={index < eager} transform={transform} />
  ));
}

/** A list of product cards, after the cards in `lead` if given (rendered elsewhere). */
export function ProductGrid({
  label,
  lead,
  ...cards
}: Parameters<typeof ProductCards>[0] & { label: string; lead?: ReactNode }) {
  return (
    <ul className="grid" aria-label={label}>
      {lead}
      <ProductCards {...cards} />
    </ul>
  );
}
