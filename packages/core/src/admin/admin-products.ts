import {
  and,
  asc,
  collections,
  type Database,
  desc,
  eq,
  ilike,
  inArray,
  isNull,
  media,
  ne,
  not,
  or,
  orderItems,
  productCollections,
  productImages,
  products,
  productVariants,
  sql,
} from '@edgecart/db';
import { writeAudit } from '../audit.ts';
import { escapeLike } from '../catalog/search.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import { mediaKeyOf } from '../media/media-bucket.ts';
import type { AdminDeps } from './admin-deps.ts';

export type AdminProductStatus = 'active' | 'draft' | 'archived';

export interface AdminProductFilter {
  q?: string | undefined;
  status?: AdminProductStatus | undefined;
  page: number;
  pageSize: number;
}

/** Every product, drafts and archived ones too, newest first, a page at a time. */
export async function adminListProducts(db: Database, filter: AdminProductFilter) {
  const pattern = filter.q ? `%${escapeLike(filter.q)}%` : undefined;
  const where = and(
    filter.status ? eq(products.status, filter.status) : undefined,
    pattern
      ? or(
          ilike(products.title, pattern),
          ilike(products.slug, pattern),
          sql`exists (select 1 from ${productVariants} where ${productVariants.productId} = ${products.id} and ${productVariants.sku} ilike ${pattern})`,
        )
      : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: products.id,
        slug: products.slug,
        title: products.title,
        status: products.status,
        currency: products.currency,
        variants: sql<number>`(select count(*)::int from ${productVariants} where ${productVariants.productId} = ${products.id})`,
        stock: sql<number>`(select coalesce(sum(${productVariants.stock}), 0)::int from ${productVariants} where ${productVariants.productId} = ${products.id})`,
        minPrice: sql<
          number | null
        >`(select min(${productVariants.price})::int from ${productVariants} where ${productVariants.productId} = ${products.id})`,
        updatedAt: products.updatedAt,
      })
      .from(products)
      .where(where)
      .orderBy(desc(products.createdAt), asc(products.slug))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(products).where(where),
  ]);
  return { items: rows, total: total?.n ?? 0, page: filter.page, pageSize: filter.pageSize };
}

/** A product as the editor shows it, whatever its status. */
export async function adminGetProduct(db: Database, productId: string) {
  const product = await db.query.products.findFirst({
    where: eq(products.id, productId),
    with: {
      variants: { orderBy: (v) => [asc(v.position), asc(v.sku)] },
      images: { orderBy: (i) => [asc(i.position)] },
      collections: { with: { collection: true } },
    },
  });
  if (!product) throw new NotFoundError('There is no such product.');
  const [sold] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(orderItems)
    .innerJoin(productVariants, eq(productVariants.id, orderItems.variantId))
    .where(eq(productVariants.productId, productId));
  return {
    id: product.id,
    slug: product.slug,
    title: product.title,
    description: product.description,
    status: product.status,
    currency: product.currency,
    requiresShipping: product.requiresShipping,
    taxCode: product.taxCode,
    variants: product.variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      title: v.title,
      options: v.options,
      price: v.price,
      stock: v.stock,
      weightGrams: v.weightGrams,
    })),
    images: product.images.map(({ url, alt, width, height }) => ({ url, alt, width, height })),
    collections: product.collections.map((pc) => pc.collection.slug),
    /** Sold at least once: archived, never deleted. */
    hasOrders: (sold?.n ?? 0) > 0,
  };
}

/** The shop's image set: every bundled image (not an upload) a product uses, to choose from. */
function selectImageChoices(db: Database) {
  return db
    .selectDistinctOn([productImages.url], {
      url: productImages.url,
      alt: productImages.alt,
      width: productImages.width,
      height: productImages.height,
    })
    .from(productImages)
    .$dynamic();
}

export async function adminImageChoices(db: Database) {
  return selectImageChoices(db)
    .where(isNull(productImages.mediaKey))
    .orderBy(asc(productImages.url));
}

/** Images a product shows, at most. */
export const PRODUCT_IMAGES_MAX = 12;

/**
 * The rows of a product's images: each photo must be an upload still on
 * record (locked until the save commits, so the clean-up cannot remove it
 * meanwhile), each other image one of the shop's set.
 */
async function resolveImages(tx: Database, wanted: ProductInput['images']) {
  if (wanted.length > PRODUCT_IMAGES_MAX) {
    throw new InvalidInputError(`A product shows at most ${PRODUCT_IMAGES_MAX} images.`, {
      field: 'images',
    });
  }
  const keys = wanted.flatMap((image) => mediaKeyOf(image.url) ?? []);
  const setUrls = wanted.filter((image) => !mediaKeyOf(image.url)).map((image) => image.url);
  const [photos, choices] = await Promise.all([
    keys.length > 0
      ? tx.select().from(media).where(inArray(media.key, keys)).for('key share')
      : Promise.resolve([]),
    setUrls.length > 0
      ? selectImageChoices(tx).where(inArray(productImages.url, setUrls))
      : Promise.resolve([]),
  ]);
  return wanted.map((image, i) => {
    const field = `images.${i}`;
    if (wanted.findIndex((other) => other.url === image.url) !== i) {
      throw new InvalidInputError(`Image ${i + 1} is already on the product.`, { field });
    }
    const key = mediaKeyOf(image.url);
    const alt = image.alt.trim();
    if (key) {
      const photo = photos.find((p) => p.key === key);
      if (!photo) {
        throw new InvalidInputError(
          `Photo ${i + 1} is no longer stored (an upload not saved within a day is removed): upload it again.`,
          { field },
        );
      }
      if (!alt) {
        throw new InvalidInputError(
          `Describe photo ${i + 1} for shoppers who cannot see it (its alt text).`,
          { field: `${field}.alt` },
        );
      }
      return { url: image.url, alt, width: photo.width, height: photo.height, mediaKey: key };
    }
    const choice = choices.find((c) => c.url === image.url);
    if (!choice) {
      throw new InvalidInputError(`${image.url} is not in the shop's image set.`, {
        field: 'images',
      });
    }
    return {
      url: image.url,
      alt: alt || choice.alt,
      width: choice.width,
      height: choice.height,
      mediaKey: null,
    };
  });
}

export interface ProductInput {
  title: string;
  slug: string;
  description: string;
  status: AdminProductStatus;
  currency: string;
  /** Slugs of the collections it belongs to. */
  collections: string[];
  /**
   * In display order, the first the main one: uploaded photos (`/media/…`,
   * from uploadPhotos) and images of the shop's set (`/images/…`). Alt text
   * is required for a photo; a set image's own is used when it is blank.
   */
  images: { url: string; alt: string }[];
  /** False for what is never posted; absent: as it was (true for a new product). */
  requiresShipping?: boolean | undefined;
  /** Stripe's product tax code; null: the shop's default; absent: as it was. */
  taxCode?: string | null | undefined;
  variants: {
    /** An existing variant's id; absent for a new one. */
    id?: string | undefined;
    sku: string;
    title: string;
    options: Record<string, string>;
    /** Integer minor units. */
    price: number;
    /** A new variant's opening stock; an existing one's changes through adjustStock. */
    stock?: number | undefined;
    /** Grams per unit, for shipping rates' weight bands; absent: as it was (0 for a new one). */
    weightGrams?: number | undefined;
  }[];
}

/**
 * Creates (`productId` null) or updates a product with its variants,
 * collections and images, in one transaction with one audit row (before and
 * after). Slugs and skus stay unique: a taken one is refused next to its
 * field. Prices change here; stock of existing variants only through
 * `adjustStock`, which keeps its own audit trail. A variant left out of the
 * input is removed (orders keep their copies of it).
 */
export async function saveProduct(
  deps: AdminDeps,
  productId: string | null,
  input: ProductInput,
): Promise<{ id: string; slug: string; previousSlug: string | null }> {
  if (input.variants.length === 0) {
    throw new InvalidInputError('A product needs at least one variant.', { field: 'variants' });
  }
  const skus = input.variants.map((v) => v.sku);
  const repeated = skus.findIndex((sku, i) => skus.indexOf(sku) !== i);
  if (repeated >= 0) {
    throw new InvalidInputError(`The sku ${skus[repeated]} is used twice.`, {
      field: `variants.${repeated}.sku`,
    });
  }
  return deps.db.transaction(async (tx) => {
    const before = productId ? await adminGetProduct(tx, productId) : null;
    const [slugTaken] = await tx
      .select({ id: products.id })
      .from(products)
      .where(
        and(eq(products.slug, input.slug), productId ? ne(products.id, productId) : undefined),
      );
    if (slugTaken) {
      throw new InvalidInputError(`Another product already has the slug "${input.slug}".`, {
        field: 'slug',
      });
    }
    const keptIds = input.variants.flatMap((v) => (v.id ? [v.id] : []));
    const takenSkus = await tx
      .select({ sku: productVariants.sku })
      .from(productVariants)
      .where(
        and(
          inArray(productVariants.sku, skus),
          productId
            ? or(
                ne(productVariants.productId, productId),
                keptIds.length > 0 ? not(inArray(productVariants.id, keptIds)) : undefined,
              )
            : undefined,
        ),
      );
    if (takenSkus.length > 0) {
      const index = skus.indexOf(takenSkus[0]?.sku ?? '');
      throw new InvalidInputError(`The sku ${takenSkus[0]?.sku} belongs to another variant.`, {
        field: `variants.${index}.sku`,
      });
    }
    if (before) {
      const unknown = keptIds.find((id) => !before.variants.some((v) => v.id === id));
      if (unknown) throw new InvalidInputError('A variant is not this product’s.');
    }
    const wanted = input.collections.length
      ? await tx
          .select({ id: collections.id, slug: collections.slug })
          .from(collections)
          .where(inArray(collections.slug, input.collections))
      : [];
    const missingCollection = input.collections.find(
      (slug) => !wanted.some((c) => c.slug === slug),
    );
    if (missingCollection) {
      throw new InvalidInputError(`There is no collection "${missingCollection}".`, {
        field: 'collections',
      });
    }
    const images = await resolveImages(tx, input.images);

    const values = {
      title: input.title,
      slug: input.slug,
      description: input.description,
      status: input.status,
      currency: input.currency,
      ...(input.requiresShipping === undefined ? {} : { requiresShipping: input.requiresShipping }),
      ...(input.taxCode === undefined ? {} : { taxCode: input.taxCode }),
      updatedAt: deps.now,
    };
    let id: string;
    if (before) {
      // Currency first (variants follow by cascade), then the rest.
      await tx.update(products).set(values).where(eq(products.id, before.id));
      id = before.id;
      const removed = before.variants.filter((v) => !keptIds.includes(v.id)).map((v) => v.id);
      if (removed.length > 0) {
        await tx.delete(productVariants).where(inArray(productVariants.id, removed));
      }
    } else {
      const [created] = await tx
        .insert(products)
        .values({ ...values, createdAt: deps.now })
        .returning({ id: products.id });
      if (!created) throw new Error('the product was not created');
      id = created.id;
    }
    for (const [position, variant] of input.variants.entries()) {
      const fields = {
        sku: variant.sku,
        title: variant.title,
        options: variant.options,
        price: variant.price,
        currency: input.currency,
        ...(variant.weightGrams === undefined ? {} : { weightGrams: variant.weightGrams }),
        position,
      };
      if (variant.id) {
        await tx.update(productVariants).set(fields).where(eq(productVariants.id, variant.id));
      } else {
        await tx
          .insert(productVariants)
          .values({ ...fields, productId: id, stock: variant.stock ?? 0 });
      }
    }
    await tx.delete(productCollections).where(eq(productCollections.productId, id));
    if (wanted.length > 0) {
      await tx.insert(productCollections).values(
        input.collections.map((slug, position) => ({
          productId: id,
          collectionId: wanted.find((c) => c.slug === slug)?.id ?? '',
          position,
        })),
      );
    }
    await tx.delete(productImages).where(eq(productImages.productId, id));
    if (images.length > 0) {
      await tx
        .insert(productImages)
        .values(images.map((image, position) => ({ ...image, productId: id, position })));
    }
    const after = await adminGetProduct(tx, id);
    await writeAudit(
      tx,
      {
        actor: deps.actor,
        action: before ? 'product.updated' : 'product.created',
        entityType: 'product',
        entityId: id,
        before,
        after,
      },
      deps.now,
    );
    return { id, slug: input.slug, previousSlug: before?.slug ?? null };
  });
}

/**
 * Takes a product out of the shop: one that was ever ordered is archived
 * (orders and the audit trail keep pointing at it), any other is deleted.
 */
export async function removeProduct(
  deps: AdminDeps,
  productId: string,
): Promise<{ outcome: 'archived' | 'deleted'; slug: string }> {
  return deps.db.transaction(async (tx) => {
    const before = await adminGetProduct(tx, productId);
    const outcome = before.hasOrders ? ('archived' as const) : ('deleted' as const);
    if (outcome === 'archived') {
      await tx
        .update(products)
        .set({ status: 'archived', updatedAt: deps.now })
        .where(eq(products.id, productId));
    } else {
      await tx.delete(products).where(eq(products.id, productId));
    }
    await writeAudit(
      tx,
      {
        actor: deps.actor,
        action: `product.${outcome}`,
        entityType: 'product',
        entityId: productId,
        before,
        after: outcome === 'archived' ? { status: 'archived' } : null,
      },
      deps.now,
    );
    return { outcome, slug: before.slug };
  });
}
