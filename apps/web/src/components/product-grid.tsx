import type { ProductSummary } from '@edgecart/core';
import { ProductCard } from './product-card.tsx';

export function ProductGrid({
  products,
  label,
  transform,
  eager = 4,
}: {
  products: ProductSummary[];
  label: string;
  /**
   * How many cards, from the first, load their photo at once and first: those
   * above the fold. A grid further down the page passes 0, so that its photos
   * wait until scrolled near instead of competing with the first ones.
   */
  eager?: number;
  /** Whether photos come in responsive sizes (IMAGE_TRANSFORMATIONS). */
  transform: boolean;
}) {
  return (
    <ul className="grid" aria-label={label}>
      {products.map((product, index) => (
        <ProductCard
          key={product.id}
          product={product}
          eager={index < eager}
          transform={transform}
        />
      ))}
    </ul>
  );
}
