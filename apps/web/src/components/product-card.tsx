import type { ProductSummary } from '@edgecart/core';
import Link from '~/components/link';
import { formatPriceRange } from '~/lib/format';

export function ProductCard({
  product,
  eager = false,
}: {
  product: ProductSummary;
  /** Above the fold: loaded at once rather than when scrolled near. */
  eager?: boolean;
}) {
  const soldOut = product.stockState === 'out_of_stock';
  return (
    <li className="card">
      <Link href={`/products/${product.slug}`} className="card__link">
        {product.image ? (
          // biome-ignore lint/performance/noImgElement: local SVGs need no optimiser
          <img
            className="card__image"
            src={product.image.url}
            alt={product.image.alt}
            width={product.image.width}
            height={product.image.height}
            loading={eager ? 'eager' : 'lazy'}
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
