import { type Database, eq, products, productVariants, users } from '@edgecart/db';
import { addToCart } from '../cart/change-cart.ts';
import { placeOrder } from '../checkout/place-order.ts';

/**
 * A product with one variant in EUR, under a fresh slug that starts with
 * `prefix`. Not posted unless `posted` (with `weightGrams`): the money flow's
 * tests need no address; the shipping tests ask for one.
 */
export async function insertVariant(
  db: Database,
  options: {
    prefix: string;
    stock: number;
    price?: number;
    title?: string;
    currency?: string;
    posted?: boolean;
    weightGrams?: number;
  },
): Promise<{ productId: string; variantId: string; slug: string }> {
  const slug = `${options.prefix}-${crypto.randomUUID().slice(0, 8)}`;
  const title = options.title ?? 'Stove';
  const currency = options.currency ?? 'EUR';
  const [product] = await db
    .insert(products)
    .values({
      slug,
      title,
      description: `A ${title.toLowerCase()}.`,
      currency,
      requiresShipping: options.posted ?? false,
    })
    .returning({ id: products.id });
  const [variant] = await db
    .insert(productVariants)
    .values({
      productId: product?.id ?? '',
      sku: slug,
      title: 'One size',
      price: options.price ?? 1000,
      currency,
      stock: options.stock,
      weightGrams: options.weightGrams ?? 0,
    })
    .returning({ id: productVariants.id });
  return { productId: product?.id ?? '', variantId: variant?.id ?? '', slug };
}

/**
 * A product titled `<noun> <slug>` under a fresh slug that starts with
 * `prefix`, with one variant per entry, titled `Size <i>`, in EUR.
 */
export async function insertProduct(
  db: Database,
  options: {
    prefix: string;
    noun: string;
    status?: 'active' | 'draft';
    variants: { stock: number; price: number; options?: Record<string, string> }[];
  },
): Promise<{ productId: string; slug: string; variantIds: string[] }> {
  const slug = `${options.prefix}-${crypto.randomUUID().slice(0, 8)}`;
  const [product] = await db
    .insert(products)
    .values({
      slug,
      title: `${options.noun} ${slug}`,
      description: `A ${options.noun.toLowerCase()}.`,
      status: options.status ?? 'active',
      currency: 'EUR',
      requiresShipping: false,
    })
    .returning({ id: products.id });
  if (!product) throw new Error('no product');
  const rows = await db
    .insert(productVariants)
    .values(
      options.variants.map((variant, i) => ({
        productId: product.id,
        sku: `${slug}-${i}`,
        title: `Size ${i}`,
        options: variant.options ?? {},
        price: variant.price,
        currency: 'EUR',
        stock: variant.stock,
        position: i,
      })),
    )
    .returning({ id: productVariants.id });
  return { productId: product.id, slug, variantIds: rows.map((row) => row.id) };
}

/** A customer's account (its password unusable), by email. */
export async function insertShopper(db: Database, email: string): Promise<{ userId: string }> {
  const [user] = await db
    .insert(users)
    .values({ email, passwordHash: 'x' })
    .returning({ id: users.id });
  return { userId: user?.id ?? '' };
}

/**
 * A signed-in shopper's pending order of `quantity` units of a fresh variant:
 * what a checkout leaves before its payment page is paid.
 */
export async function placePendingOrder(
  db: Database,
  now: () => Date,
  options: { prefix: string; stock: number; quantity: number; price?: number; title?: string },
) {
  const { variantId, slug } = await insertVariant(db, options);
  const email = `${slug}@example.com`;
  const owner = await insertShopper(db, email);
  await addToCart({ db, now: now() }, owner, { variantId, quantity: options.quantity });
  const order = await placeOrder({ db, now: now() }, owner, { email });
  return { order, variantId, email, slug, owner };
}

/** A variant's stock as the database holds it now. */
export async function stockOf(db: Database, variantId: string): Promise<number | undefined> {
  const [row] = await db
    .select({ stock: productVariants.stock })
    .from(productVariants)
    .where(eq(productVariants.id, variantId));
  return row?.stock;
}
