import {
  and,
  asc,
  catalogImportItems,
  catalogImports,
  collections,
  type Database,
  eq,
  gte,
  inArray,
  isNull,
  lt,
  media,
  or,
  productCollections,
  productImages,
  products,
  productVariants,
  sql,
} from '@edgecart/db';
import type { AdminDeps } from '../admin/admin-deps.ts';
import { writeAudit } from '../audit.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import { type MediaBucket, mediaKeyOf } from '../media/media-bucket.ts';
import { uploadPhotos } from '../media/upload-photos.ts';
import { type ImportProblem, type ImportProduct, readCatalogCsv } from './read-catalog-csv.ts';

export interface ImportReport {
  rows: number;
  products: number;
  variants: number;
  create: number;
  update: number;
  /** What is wrong, by line and column (the first 500). */
  problems: ImportProblem[];
  /** What each product would become (the first 1000). */
  actions: { line: number; handle: string; action: 'create' | 'update' }[];
  /** Images that could not be fetched while applying: the product was saved without them. */
  warnings: ImportProblem[];
}

export interface CatalogImportDeps extends AdminDeps {
  /** The shop's origin: its own image URLs in a file are taken as they are. */
  origin: string;
  /** Hosts images may be fetched from (IMPORT_IMAGE_HOSTS); others are refused. */
  imageHosts: string[];
  bucket: MediaBucket | null;
  /** How an image is fetched (the global fetch; tests pass their own server's). */
  fetch?: typeof fetch;
}

/** Products applied per transaction. */
const BATCH = 50;

/** How long imports are kept after they are made. */
export const IMPORT_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * The dry run: reads the file, checks it against the shop (SKUs that belong
 * to another product, collections that do not exist, images from hosts not
 * allowed) and records the import with its report. An import with a problem
 * is `refused` and never applies: nothing in the shop changes either way.
 */
export async function checkCatalogImport(
  deps: CatalogImportDeps,
  file: { name: string; bytes: Uint8Array },
): Promise<{ id: string; status: 'ready' | 'refused' }> {
  const read = readCatalogCsv(file.bytes);
  const problems = [...read.problems];
  const handles = read.products.map((p) => p.handle);
  const skus = read.products.flatMap((p) => p.variants.map((v) => v.sku));
  const [existing, owners, collectionRows] = await Promise.all([
    handles.length
      ? deps.db
          .select({ id: products.id, slug: products.slug })
          .from(products)
          .where(inArray(products.slug, handles))
      : [],
    skus.length
      ? deps.db
          .select({ sku: productVariants.sku, slug: products.slug })
          .from(productVariants)
          .innerJoin(products, eq(products.id, productVariants.productId))
          .where(inArray(productVariants.sku, skus))
      : [],
    deps.db.select({ slug: collections.slug, title: collections.title }).from(collections),
  ]);
  const known = new Set(existing.map((p) => p.slug));
  const owner = new Map(owners.map((o) => [o.sku, o.slug]));
  const own = new URL(deps.origin).host;
  for (const product of read.products) {
    if (!known.has(product.handle) && !product.title) {
      problems.push({
        line: product.line,
        column: 'Title',
        message: `${product.handle} is new: it needs a title.`,
      });
    }
    for (const variant of product.variants) {
      const taken = owner.get(variant.sku);
      if (taken && taken !== product.handle) {
        problems.push({
          line: variant.line,
          column: 'Variant SKU',
          message: `The SKU ${variant.sku} belongs to the product ${taken}.`,
        });
      }
    }
    for (const name of product.collections ?? []) {
      const lower = name.toLowerCase();
      if (!collectionRows.some((c) => c.slug === lower || c.title.toLowerCase() === lower)) {
        problems.push({
          line: product.line,
          column: 'Collections',
          message: `There is no collection "${name}": make it first, or leave it out.`,
        });
      }
    }
    for (const image of product.images) {
      const host = new URL(image.url).host;
      if (host !== own && !deps.imageHosts.includes(host)) {
        problems.push({
          line: image.line,
          column: 'Image Src',
          message: `Images are fetched only from ${[own, ...deps.imageHosts].join(', ')} (IMPORT_IMAGE_HOSTS), not ${host}.`,
        });
      }
    }
  }
  if (read.products.length === 0 && problems.length === 0) {
    problems.push({ line: 1, column: null, message: 'The file has no products.' });
  }
  problems.sort((a, b) => a.line - b.line);
  const status = problems.length > 0 ? ('refused' as const) : ('ready' as const);
  const report: ImportReport = {
    rows: read.rows,
    products: read.products.length,
    variants: skus.length,
    create: read.products.filter((p) => !known.has(p.handle)).length,
    update: read.products.filter((p) => known.has(p.handle)).length,
    problems: problems.slice(0, 500),
    actions: read.products.slice(0, 1000).map((p) => ({
      line: p.line,
      handle: p.handle,
      action: known.has(p.handle) ? ('update' as const) : ('create' as const),
    })),
    warnings: [],
  };
  return deps.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(catalogImports)
      .values({
        fileName: file.name.slice(0, 200) || 'catalog.csv',
        status,
        report,
        total: status === 'ready' ? read.products.length : 0,
        actor: deps.actor,
        createdAt: deps.now,
      })
      .returning({ id: catalogImports.id });
    if (!created) throw new Error('the import was not recorded');
    if (status === 'ready') {
      for (let at = 0; at < read.products.length; at += 500) {
        await tx.insert(catalogImportItems).values(
          read.products.slice(at, at + 500).map((product, i) => ({
            importId: created.id,
            position: at + i,
            product,
          })),
        );
      }
    }
    return { id: created.id, status };
  });
}

/** An import as its page shows it. */
export async function getCatalogImport(db: Database, id: string) {
  const [row] = await db.select().from(catalogImports).where(eq(catalogImports.id, id));
  if (!row) throw new NotFoundError('There is no such import.');
  return { ...row, report: row.report as ImportReport };
}

/** The latest imports, newest first. */
export async function listCatalogImports(db: Database) {
  return db
    .select({
      id: catalogImports.id,
      fileName: catalogImports.fileName,
      status: catalogImports.status,
      total: catalogImports.total,
      applied: catalogImports.applied,
      createdAt: catalogImports.createdAt,
    })
    .from(catalogImports)
    .orderBy(sql`${catalogImports.createdAt} desc`)
    .limit(20);
}

/** Starts applying a checked import: the admin's "Apply". A refused one never applies. */
export async function startCatalogImport(deps: AdminDeps, id: string): Promise<void> {
  const [row] = await deps.db
    .update(catalogImports)
    .set({ status: 'applying' })
    .where(and(eq(catalogImports.id, id), inArray(catalogImports.status, ['ready', 'applying'])))
    .returning({ id: catalogImports.id });
  if (!row) {
    const current = await getCatalogImport(deps.db, id);
    if (current.status === 'refused') {
      throw new InvalidInputError('This file has problems: fix them and upload it again.');
    }
  }
}

/**
 * Applies batches of an import being applied, for up to `budgetMs`: each
 * batch of products in one transaction, under the import's row lock, so the
 * admin's page and the scheduled run never apply the same batch twice.
 * Products are created or updated by handle, variants by SKU: applying the
 * same file again changes nothing more. Answers what is applied of the total.
 */
export async function applyCatalogImport(
  deps: CatalogImportDeps,
  id: string,
  budgetMs = 5_000,
): Promise<{ applied: number; total: number; status: string }> {
  const started = Date.now();
  for (;;) {
    const step = await deps.db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(catalogImports)
        .where(eq(catalogImports.id, id))
        .for('update');
      if (!row) throw new NotFoundError('There is no such import.');
      if (row.status !== 'applying') return { ...row, more: false };
      const items = await tx
        .select()
        .from(catalogImportItems)
        .where(
          and(eq(catalogImportItems.importId, id), gte(catalogImportItems.position, row.applied)),
        )
        .orderBy(asc(catalogImportItems.position))
        .limit(BATCH);
      const warnings: ImportProblem[] = [];
      for (const item of items) {
        const product = item.product as ImportProduct;
        const images = await resolveImportImages(deps, tx, product, warnings);
        await upsertImportedProduct({ ...deps, db: tx }, product, images);
      }
      const applied = row.applied + items.length;
      const done = applied >= row.total;
      const report = row.report as ImportReport;
      await tx
        .update(catalogImports)
        .set({
          applied,
          status: done ? 'applied' : 'applying',
          finishedAt: done ? deps.now : null,
          report: { ...report, warnings: [...report.warnings, ...warnings].slice(0, 500) },
        })
        .where(eq(catalogImports.id, id));
      return { ...row, applied, status: done ? 'applied' : 'applying', more: !done };
    });
    if (!step.more || Date.now() - started > budgetMs) {
      return { applied: step.applied, total: step.total, status: step.status };
    }
  }
}

/** The scheduled run's share: a few batches of every import being applied; old imports go. */
export async function continueCatalogImports(deps: CatalogImportDeps, budgetMs = 5_000) {
  await deps.db
    .delete(catalogImports)
    .where(lt(catalogImports.createdAt, new Date(deps.now.getTime() - IMPORT_RETENTION_MS)));
  const applying = await deps.db
    .select({ id: catalogImports.id })
    .from(catalogImports)
    .where(eq(catalogImports.status, 'applying'))
    .orderBy(asc(catalogImports.createdAt))
    .limit(3);
  const results = [];
  for (const { id } of applying) results.push(await applyCatalogImport(deps, id, budgetMs));
  return results;
}

type Tx = Database;

/**
 * The images a product gets: its own shop's URLs as they are (a bundled
 * image, or a stored photo), others fetched from an allowed host and stored
 * like an upload. One that cannot be fetched or is not a photo is left out,
 * with a warning.
 */
async function resolveImportImages(
  deps: CatalogImportDeps,
  tx: Tx,
  product: ImportProduct,
  warnings: ImportProblem[],
) {
  const own = new URL(deps.origin).host;
  const resolved: {
    url: string;
    alt: string;
    width: number;
    height: number;
    mediaKey: string | null;
  }[] = [];
  for (const image of product.images) {
    const url = new URL(image.url);
    const alt = image.alt || product.title || product.handle;
    const warn = (message: string) =>
      warnings.push({ line: image.line, column: 'Image Src', message });
    if (url.host === own) {
      const key = mediaKeyOf(url.pathname);
      if (key) {
        const [photo] = await tx.select().from(media).where(eq(media.key, key));
        if (photo)
          resolved.push({
            url: url.pathname,
            alt,
            width: photo.width,
            height: photo.height,
            mediaKey: key,
          });
        else warn(`${url.pathname} is not stored in this shop: left out.`);
      } else {
        const [bundled] = await tx
          .select()
          .from(productImages)
          .where(and(eq(productImages.url, url.pathname), isNull(productImages.mediaKey)))
          .limit(1);
        if (bundled) {
          resolved.push({
            url: url.pathname,
            alt,
            width: bundled.width,
            height: bundled.height,
            mediaKey: null,
          });
        } else warn(`${url.pathname} is not an image of this shop: left out.`);
      }
      continue;
    }
    if (!deps.bucket) {
      warn('Photos cannot be stored here (no MEDIA bucket): left out.');
      continue;
    }
    try {
      const response = await (deps.fetch ?? fetch)(url, {
        redirect: 'error',
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new Error(`${url.host} answered ${response.status}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      const [photo] = await uploadPhotos({ db: tx, bucket: deps.bucket, now: deps.now }, [
        { name: url.pathname.split('/').pop() || url.host, bytes },
      ]);
      if (photo)
        resolved.push({
          url: photo.url,
          alt,
          width: photo.width,
          height: photo.height,
          mediaKey: photo.key,
        });
    } catch (error) {
      warn(`${image.url} could not be used: ${(error as Error).message}`);
    }
  }
  return resolved;
}

/** Creates or updates one product from the file, by handle; its variants by SKU. */
async function upsertImportedProduct(
  deps: CatalogImportDeps,
  product: ImportProduct,
  images: Awaited<ReturnType<typeof resolveImportImages>>,
) {
  const tx = deps.db;
  const [before] = await tx.select().from(products).where(eq(products.slug, product.handle));
  const fields = {
    ...(product.title ? { title: product.title } : {}),
    ...(product.description !== null ? { description: product.description } : {}),
    ...(product.status ? { status: product.status } : {}),
    currency: product.currency,
    ...(product.requiresShipping !== null ? { requiresShipping: product.requiresShipping } : {}),
    ...(product.taxCode ? { taxCode: product.taxCode } : {}),
    updatedAt: deps.now,
  };
  let id: string;
  if (before) {
    await tx.update(products).set(fields).where(eq(products.id, before.id));
    id = before.id;
  } else {
    const [created] = await tx
      .insert(products)
      .values({
        slug: product.handle,
        title: product.title ?? product.handle,
        description: '',
        status: 'draft',
        ...fields,
        createdAt: deps.now,
      })
      .returning({ id: products.id });
    if (!created) throw new Error('the product was not created');
    id = created.id;
  }
  const current = await tx
    .select({ id: productVariants.id, sku: productVariants.sku })
    .from(productVariants)
    .where(eq(productVariants.productId, id));
  for (const [position, variant] of product.variants.entries()) {
    const title =
      Object.values(variant.options).join(' / ') ||
      product.title ||
      before?.title ||
      product.handle;
    const values = {
      title,
      options: variant.options,
      price: variant.price,
      currency: product.currency,
      position,
      ...(variant.weightGrams !== null ? { weightGrams: variant.weightGrams } : {}),
      ...(variant.stock !== null ? { stock: variant.stock } : {}),
    };
    const match = current.find((v) => v.sku === variant.sku);
    if (match) await tx.update(productVariants).set(values).where(eq(productVariants.id, match.id));
    else await tx.insert(productVariants).values({ ...values, sku: variant.sku, productId: id });
  }
  if (product.collections !== null) {
    const names = product.collections.map((c) => c.toLowerCase());
    const wanted = names.length
      ? await tx
          .select({ id: collections.id, slug: collections.slug, title: collections.title })
          .from(collections)
          .where(
            or(inArray(collections.slug, names), inArray(sql`lower(${collections.title})`, names)),
          )
      : [];
    await tx.delete(productCollections).where(eq(productCollections.productId, id));
    if (wanted.length > 0) {
      await tx
        .insert(productCollections)
        .values(wanted.map((c, position) => ({ productId: id, collectionId: c.id, position })));
    }
  }
  if (product.images.length > 0) {
    await tx.delete(productImages).where(eq(productImages.productId, id));
    if (images.length > 0) {
      await tx
        .insert(productImages)
        .values(images.map((image, position) => ({ ...image, productId: id, position })));
    }
  }
  await writeAudit(
    tx,
    {
      actor: deps.actor,
      action: before ? 'product.imported_update' : 'product.imported',
      entityType: 'product',
      entityId: id,
      before: before ?? null,
      after: product,
    },
    deps.now,
  );
}
