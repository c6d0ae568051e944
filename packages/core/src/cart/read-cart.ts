import {
  and,
  asc,
  cartItems,
  carts,
  type Database,
  eq,
  productImages,
  products,
  productVariants,
  sql,
} from '@edgecart/db';
import type { CatalogImage } from '../catalog/types.ts';
import { cartDiscountOf } from '../promotions/cart-discount-summary.ts';
import { collectionIdsOf } from '../promotions/promotion-queries.ts';
import { type Cart, type CartLine, cartOf, EMPTY_CART, lineState } from './cart-rules.ts';
import { type CartOwner, findCartId } from './owner.ts';

/**
 * The owner's cart with today's prices and stock, oldest line first, and its
 * discounts as they stand `now`.
 */
export async function readCart(
  db: Database,
  owner: CartOwner,
  now: Date = new Date(),
): Promise<Cart> {
  const cartId = await findCartId(db, owner);
  if (!cartId) return EMPTY_CART;
  const [cart] = await db
    .select({ discountCode: carts.discountCode })
    .from(carts)
    .where(eq(carts.id, cartId));
  const firstImage = sql<CatalogImage | null>`(
    select json_build_object('url', ${productImages.url}, 'alt', ${productImages.alt},
      'width', ${productImages.width}, 'height', ${productImages.height})
    from ${productImages} where ${productImages.productId} = ${products.id}
    order by ${productImages.position} limit 1)`;
  const rows = await db
    .select({
      variantId: cartItems.variantId,
      quantity: cartItems.quantity,
      productId: products.id,
      collectionIds: collectionIdsOf(products.id),
      productSlug: products.slug,
      productTitle: products.title,
      status: products.status,
      variantTitle: productVariants.title,
      options: productVariants.options,
      sku: productVariants.sku,
      price: productVariants.price,
      currency: productVariants.currency,
      stock: productVariants.stock,
      posted: products.requiresShipping,
      image: firstImage,
    })
    .from(cartItems)
    .innerJoin(productVariants, eq(productVariants.id, cartItems.variantId))
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(and(eq(cartItems.cartId, cartId)))
    .orderBy(asc(cartItems.addedAt), asc(cartItems.variantId));

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
    state: lineState(row.status === 'active', row.stock, row.quantity),
    image: row.image,
    posted: row.posted,
  }));
  const discount = await cartDiscountOf(db, {
    lines: rows.map((row, i) => ({
      productId: row.productId,
      collectionIds: row.collectionIds,
      amount: lines[i]?.state === 'ok' ? row.price * row.quantity : 0,
    })),
    currency: lines[0]?.unitPrice.currency ?? 'USD',
    code: cart?.discountCode ?? null,
    now,
    userId: 'userId' in owner ? owner.userId : null,
  });
  return cartOf(lines, discount);
}
