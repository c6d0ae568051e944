import type { ProductSummary } from '@edgecart/core';
import Link from '~/components/link';
import { formatPriceRange } from '~/lib/format';
import { ProductImage } from './product-image.tsx';

export function ProductCard({
  product,
  eager = false,
  transform,
}: {
  product: ProductSummary;
  /** Above the fold: loaded at once and first, rather than when scrolled near. */
  eager?: boolean;
  /** Whether photos come in responsive sizes (IMAGE_TRANSFORMATIONS). */
  transform: boolean;
}) {
  const soldOut = product.stockState === 'out_of_stock';
  return (
    <li className="card">
      <Link href={`/products/${product.slug}`} className="card__link">
        {product.image ? (
          <ProductImage
            className="card__image"
            image={product.image}
            transform={transform}
            sizes="(min-width: 64rem) 16rem, 45vw"
            loading={eager ? 'first' : 'lazy'}
          />
        ) : (
          <div className="card__image card__image--empty" aria-hidden="true" />
        )}
        <span className="card__title">
          {product.titleParts
            ? product.titleParts.map((part, i) =>
                part.match ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one title, in order
                  <mark key={i}>{part.text}</mark>
                ) : (
                  part.text
                ),
              )
            : product.title}
        </span>
      </Link>
      <p className="card__meta">
        <span className="card__price">{formatPriceRange(product.priceFrom, product.priceTo)}</span>
        {soldOut ? <span className="stock stock--out-of-stock">Sold out</span> : null}
      </p>
    </li>
  );
}
