import {
  asc,
  collections,
  type Database,
  eq,
  productCollections,
  products,
  sql,
} from '@edgecart/db';
import { NotFoundError } from '../errors.ts';
import type { CollectionSummary } from './types.ts';

function selectCollections(db: Database) {
  return db
    .select({
      slug: collections.slug,
      title: collections.title,
      description: collections.description,
      featured: collections.featured,
      productCount: sql<number>`count(${products.id})::int`,
    })
    .from(collections)
    .leftJoin(productCollections, eq(productCollections.collectionId, collections.id))
    .leftJoin(
      products,
      sql`${products.id} = ${productCollections.productId} and ${products.status} = 'active'`,
    )
    .groupBy(collections.id)
    .orderBy(asc(collections.position), asc(collections.title))
    .$dynamic();
}

/** All collections in display order, each with its count of active products. */
export async function listCollections(
  db: Database,
  options: { featuredOnly?: boolean | undefined } = {},
): Promise<CollectionSummary[]> {
  const query = selectCollections(db);
  return options.featuredOnly ? query.where(eq(collections.featured, true)) : query;
}

export async function getCollectionBySlug(db: Database, slug: string): Promise<CollectionSummary> {
  const [collection] = await selectCollections(db).where(eq(collections.slug, slug));
  if (!collection) throw new NotFoundError(`No collection is called "${slug}".`);
  return collection;
}
