import type { Metadata } from 'next';
import { cache } from 'react';
import { EmptyState } from '~/components/empty-state';
import { ListingFilters } from '~/components/listing-filters';
import { ListingFromFirstPage } from '~/components/listing-from-first-page';
import {
  type ProductQuery,
  parseProductQuery,
  productQueryHref,
  toListInput,
} from '~/lib/product-query';
import { getApi } from '~/server/pages/api';
import { imageTransformations } from '~/server/pages/image-transformations';
import { orNotFound } from '~/server/pages/not-found';

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// An unknown or malformed slug is a missing page (404), not an error.
const getCollection = cache(async (slug: string) =>
  orNotFound((await getApi()).catalog.collection({ slug })),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const collection = await getCollection((await params).slug);
  return {
    title: collection.title,
    description: collection.description,
    alternates: { canonical: `/collections/${collection.slug}` },
  };
}

export default async function CollectionPage({ params, searchParams }: Props) {
  // Awaited before anything streams, so an unknown collection answers 404.
  const collection = await getCollection((await params).slug);
  const path = `/collections/${collection.slug}`;
  const query = { ...parseProductQuery(await searchParams), collection: collection.slug };
  return (
    <div className="listing">
      <h1>{collection.title}</h1>
      <p className="section__lead">{collection.description}</p>
      <ListingFilters action={path} query={query} />
      <CollectionProducts title={collection.title} path={path} query={query} />
    </div>
  );
}

async function CollectionProducts({
  title,
  path,
  query,
}: {
  title: string;
  path: string;
  query: ProductQuery;
}) {
  const input = toListInput(query);
  const firstPage = await (await getApi()).catalog.products(input);
  return (
    <>
      {firstPage.items.length === 0 ? (
        <EmptyState title={`No ${title.toLowerCase()} match`}>
          <p>Try a wider price range, or include products that are out of stock.</p>
        </EmptyState>
      ) : (
        <ListingFromFirstPage
          key={productQueryHref(path, query)}
          input={input}
          firstPage={firstPage}
          label={title}
          transform={imageTransformations()}
        />
      )}
    </>
  );
}
