import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { AddToCart } from '~/components/cart/add-to-cart';
import { JsonLd } from '~/components/json-ld';
import Link from '~/components/link';
import { ProductImage } from '~/components/product-image';
import { StockBadge } from '~/components/stock-badge';
import { VariantPicker } from '~/components/variant-picker';
import { env } from '~/env';
import { formatMoney, minorDigits } from '~/lib/format';
import { selectionFromParams, selectVariant, variantHref } from '~/lib/variant-selection';
import { getApi } from '~/server/pages/api';
import { imageTransformations } from '~/server/pages/image-transformations';
import { orNotFound } from '~/server/pages/not-found';

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// An unknown or malformed slug is a missing page (404), not an error.
const getProduct = cache(async (slug: string) =>
  orNotFound((await getApi()).catalog.product({ slug })),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await getProduct((await params).slug);
  const description = product.description.slice(0, 160);
  return {
    title: product.title,
    description,
    alternates: { canonical: `/products/${product.slug}` },
    openGraph: {
      title: product.title,
      description,
      images: product.image ? [{ url: product.image.url, alt: product.image.alt }] : [],
    },
  };
}

const availability = {
  in_stock: 'https://schema.org/InStock',
  low_stock: 'https://schema.org/LimitedAvailability',
  out_of_stock: 'https://schema.org/OutOfStock',
} as const;

export default async function ProductPage({ params, searchParams }: Props) {
  const product = await getProduct((await params).slug);
  const selection = selectionFromParams(product.options, await searchParams);
  const variant = selectVariant(product.variants, selection) ?? product.variants[0];
  if (!variant) notFound();
  const transform = imageTransformations();
  const [mainImage, ...moreImages] = product.images;
  const taxNote = await (await getApi()).checkout.taxNote();

  return (
    <article className="product">
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@type': 'Product',
          name: product.title,
          description: product.description,
          image: product.images.map((i) => new URL(i.url, env.SITE_URL).href),
          sku: variant.sku,
          offers: product.variants.map((v) => ({
            '@type': 'Offer',
            sku: v.sku,
            name: v.title,
            url: new URL(variantHref(product.slug, v), env.SITE_URL).href,
            price: (v.price.amount / 10 ** minorDigits(v.price.currency)).toFixed(
              minorDigits(v.price.currency),
            ),
            priceCurrency: v.price.currency,
            availability: availability[v.stockState],
          })),
        }}
      />
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link href="/products">Products</Link>
          </li>
          {product.collections[0] ? (
            <li>
              <Link href={`/collections/${product.collections[0].slug}`}>
                {product.collections[0].title}
              </Link>
            </li>
          ) : null}
          <li aria-current="page">{product.title}</li>
        </ol>
      </nav>
      <div className="product__layout">
        <div className="product__gallery">
          {mainImage ? (
            <ProductImage
              image={mainImage}
              transform={transform}
              sizes="(min-width: 48rem) 50vw, 100vw"
              loading="first"
            />
          ) : null}
          {moreImages.length > 0 ? (
            <ul className="product__thumbs">
              {moreImages.map((image) => (
                <li key={image.url}>
                  <ProductImage image={image} transform={transform} sizes="8rem" loading="lazy" />
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <div className="product__info">
          <h1>{product.title}</h1>
          <p className="product__price" aria-live="polite">
            {formatMoney(variant.price)}
            {taxNote ? <span className="product__tax-note"> {taxNote}</span> : null}
          </p>
          <p className="product__stock" aria-live="polite">
            <StockBadge state={variant.stockState} remaining={variant.remaining} />
            {product.options.length > 0 ? (
              <span className="product__variant">{variant.title}</span>
            ) : null}
          </p>
          {product.options.length > 0 ? (
            <VariantPicker product={product} current={variant} />
          ) : null}
          <AddToCart
            key={variant.id}
            variantId={variant.id}
            soldOut={variant.stockState === 'out_of_stock'}
            remaining={variant.remaining}
          />
          <p className="product__sku">SKU {variant.sku}</p>
          <div className="product__description">
            <h2>About this product</h2>
            <p>{product.description}</p>
          </div>
        </div>
      </div>
    </article>
  );
}
