import type { Metadata } from 'next';
import { EmptyState } from '~/components/empty-state';
import Link from '~/components/link';
import { ListingFilters } from '~/components/listing-filters';
import { ListingFromFirstPage } from '~/components/listing-from-first-page';
import { parseProductQuery, productQueryHref, toListInput } from '~/lib/product-query';
import { getApi } from '~/server/pages/api';
import { getCollections } from '~/server/pages/catalog';
import { imageTransformations } from '~/server/pages/image-transformations';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = parseProductQuery(await searchParams);
  return {
    title: query.q ? `Search: ${query.q}` : 'All products',
    alternates: { canonical: productQueryHref('/products', query) },
    // Search results and filtered views are for people, not for the index.
    robots: query.q || query.min || query.max || query.inStock ? { index: false } : undefined,
  };
}

export default async function ProductsPage({ searchParams }: Props) {
  const query = parseProductQuery(await searchParams);
  const api = await getApi();
  const input = toListInput(query);
  const [firstPage, collections] = await Promise.all([
    api.catalog.products(input),
    getCollections(),
  ]);
  const heading = query.q ? `Results for “${query.q}”` : 'All products';
  return (
    <div className="listing">
      <h1>{heading}</h1>
      <ListingFilters action="/products" query={query} collections={collections} />
      {firstPage.searchedFor ? (
        <p role="status" className="notice">
          Nothing matched “{query.q}”. Showing results for{' '}
          <Link href={productQueryHref('/products', { ...query, q: firstPage.searchedFor })}>
            “{firstPage.searchedFor}”
          </Link>
          .
        </p>
      ) : null}
      {firstPage.items.length === 0 ? (
        <EmptyState title="No products match">
          <p>Try fewer words, another collection or a wider price range.</p>
        </EmptyState>
      ) : (
        <ListingFromFirstPage
          key={productQueryHref('/products', query)}
          input={input}
          firstPage={firstPage}
          label={heading}
          transform={imageTransformations()}
        />
      )}
    </div>
  );
}
