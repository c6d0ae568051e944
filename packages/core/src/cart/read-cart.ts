import {
  and,
  asc,
  cartItems,
  type Database,
  eq,
  productImages,
  products,
  productVariants,
  sql,
} from '@edgecart/db';
import type { CatalogImage } from '../catalog/types.ts';
import type { Money } from '../money.ts';
import { type CartOwner, findCartId } from './owner.ts';

/**
 * Whether a line can be bought as it is: `ok`; `short` (fewer in stock than in
 * the cart); `sold-out`; `unavailable` (the product was withdrawn).
 */
export type CartLineState = 'ok' | 'short' | 'sold-out' | 'unavailable';

export interface CartLine {
  variantId: string;
  productSlug: string;
  productTitle: string;
  variantTitle: string;
  options: Record<string, string>;
  sku: string;
  quantity: number;
  /** Read from the database now, never stored in the cart. */
  unitPrice: Money;
  lineTotal: Money;
  stock: number;
  state: CartLineState;
  image: CatalogImage | null;
}

export interface Cart {
  lines: CartLine[];
  /** Units in the cart, for the header's count. */
  itemCount: number;
  /** The total of the lines that can be bought; null for an empty cart. */
  subtotal: Money | null;
  /** Why the cart cannot be checked out as it is, or null when it can. */
  checkoutProblem: string | null;
}

const EMPTY: Cart = {
  lines: [],
  itemCount: 0,
  subtotal: null,
  checkoutProblem: 'Your cart is empty.',
};

function stateOf(status: string, stock: number, quantity: number): CartLineState {
  if (status !== 'active') return 'unavailable';
  if (stock === 0) return 'sold-out';
  return stock < quantity ? 'short' : 'ok';
}

/** The owner's cart with today's prices and stock, oldest line first. */
export async function readCart(db: Database, owner: CartOwner): Promise<Cart> {
  const cartId = await findCartId(db, owner);
  if (!cartId) return EMPTY;
  const firstImage = sql<CatalogImage | null>`(
    select json_build_object('url', ${productImages.url}, 'alt', ${productImages.alt},
      'width', ${productImages.width}, 'height', ${productImages.height})
    from ${productImages} where ${productImages.productId} = ${products.id}
    order by ${productImages.position} limit 1)`;
  const rows = await db
    .select({
      variantId: cartItems.variantId,
      quantity: cartItems.quantity,
      productSlug: products.slug,
      productTitle: products.title,
      status: products.status,
      variantTitle: productVariants.title,
      options: productVariants.options,
      sku: productVariants.sku,
      price: productVariants.price,
      currency: productVariants.currency,
      stock: productVariants.stock,
      image: firstImage,
    })
    .from(cartItems)
    .innerJoin(productVariants, eq(productVariants.id, cartItems.variantId))
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(and(eq(cartItems.cartId, cartId)))
    .orderBy(asc(cartItems.addedAt), asc(cartItems.variantId));
  if (rows.length === 0) return EMPTY;

  const lines: CartLine[] = rows.map((row) => ({
    variantId: row.variantId,
    productSlug: row.productSlug,
    productTitle: row.productTitle,
    variantTitle: row.variantTitle,
    options: row.options,
    sku: row.sku,
    quantity: row.quantity,
    unitPrice: { amount: row.price, currency: row.currency },
    lineTotal: { amount: row.price * row.quantity, currency: row.currency },
    stock: row.stock,
    state: stateOf(row.status, row.stock, row.quantity),
    image: row.image,
  }));
  const buyable = lines.filter((line) => line.state === 'ok');
  const currencies = new Set(lines.map((line) => line.unitPrice.currency));
  const currency = lines[0]?.unitPrice.currency ?? 'USD';
  const subtotal = {
    amount: buyable.reduce((sum, line) => sum + line.lineTotal.amount, 0),
    currency,
  };
  let checkoutProblem: string | null = null;
  if (lines.some((line) => line.state !== 'ok')) {
    checkoutProblem = 'Some items are not available as they are: change or remove them first.';
  } else if (currencies.size > 1) {
    checkoutProblem = 'Items priced in different currencies cannot be checked out together.';
  }
  return {
    lines,
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    subtotal,
    checkoutProblem,
  };
}
