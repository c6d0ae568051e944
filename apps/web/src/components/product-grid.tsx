import type { ProductSummary } from '@edgecart/core';
import { ProductCard } from './product-card.tsx';

export function ProductGrid({
  products,
  label,
  transform,
}: {
  products: ProductSummary[];
  label: string;
  /** Whether photos come in responsive sizes (IMAGE_TRANSFORMATIONS). */
  transform: boolean;
}) {
  return (
    <ul className="grid" aria-label={label}>
      {products.map((product, index) => (
        <ProductCard key={product.id} product={product} eager={index < 4} transform={transform} />
      ))}
    </ul>
  );
}
