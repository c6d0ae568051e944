import {
  and,
  asc,
  cartItems,
  type Database,
  eq,
  gte,
  isNull,
  orderItems,
  orders,
  products,
  productVariants,
  sql,
} from '@edgecart/db';
import { writeAudit } from '../audit.ts';
import type { CartOwner } from '../cart/owner.ts';
import { findCartId, lockCart } from '../cart/owner.ts';
import type { StockChanges } from '../catalog/stock-changes.ts';
import { InvalidInputError } from '../errors.ts';
import { cancelPendingInTransaction } from './order-lifecycle.ts';

/**
 * How long a pending order holds its stock while the shopper pays: longer than
 * the payment page lives (31 minutes), so that the page always closes first.
 */
export const ORDER_HOLD_MS = 35 * 60_000;

export interface PlacedOrder {
  id: string;
  number: number;
  currency: string;
  total: number;
  email: string | null;
  expiresAt: Date;
  /** Payment pages of the earlier checkouts this one cancelled: close them. */
  replacedPages: string[];
  items: {
    productTitle: string;
    variantTitle: string;
    sku: string;
    unitPrice: number;
    quantity: number;
  }[];
}

/**
 * Turns the owner's cart into a pending order, in one transaction: prices and
 * titles are read from the database now and copied into the order, and each
 * line's stock is reserved with a conditional update that can never go below
 * zero. If any line cannot be reserved, nothing is: the transaction rolls
 * back and the shopper is told which item and how many are left. Lines are
 * reserved in variant id order, so that two checkouts never deadlock.
 */
export async function placeOrder(
  deps: { db: Database; now: Date; stockChanges?: StockChanges | undefined },
  owner: CartOwner,
  contact: { email: string | null },
): Promise<PlacedOrder> {
  return deps.db.transaction(async (tx) => {
    const cartId = await findCartId(tx, owner);
    if (!cartId) throw new InvalidInputError('Your cart is empty.');
    await lockCart(tx, cartId, deps.now);
    // An earlier unpaid checkout of this cart gives way, in this transaction and before this
    // one reserves: two checkouts of one cart at once (a double submit, two tabs) hold stock once.
    const replaced = await tx
      .select({ id: orders.id, checkoutSessionId: orders.checkoutSessionId })
      .from(orders)
      .where(and(eq(orders.cartId, cartId), eq(orders.status, 'pending'), isNull(orders.paidAt)))
      .orderBy(asc(orders.number));
    for (const earlier of replaced) {
      await cancelPendingInTransaction(
        tx,
        earlier.id,
        deps.now,
        'checkout',
        'order.replaced',
        deps.stockChanges,
      );
    }
    const lines = await tx
      .select({
        variantId: cartItems.variantId,
        quantity: cartItems.quantity,
        productTitle: products.title,
        status: products.status,
        variantTitle: productVariants.title,
        sku: productVariants.sku,
        price: productVariants.price,
        currency: productVariants.currency,
      })
      .from(cartItems)
      .innerJoin(productVariants, eq(productVariants.id, cartItems.variantId))
      .innerJoin(products, eq(products.id, productVariants.productId))
      .where(eq(cartItems.cartId, cartId))
      .orderBy(asc(cartItems.variantId));
    if (lines.length === 0) throw new InvalidInputError('Your cart is empty.');
    const withdrawn = lines.find((line) => line.status !== 'active');
    if (withdrawn) {
      throw new InvalidInputError(
        `"${withdrawn.productTitle}" is no longer sold: remove it from your cart to check out.`,
      );
    }
    const currency = lines[0]?.currency ?? 'USD';
    if (lines.some((line) => line.currency !== currency)) {
      throw new InvalidInputError(
        'Items priced in different currencies cannot be checked out together.',
      );
    }

    for (const line of lines) {
      const reserved = await tx
        .update(productVariants)
        .set({ stock: sql`${productVariants.stock} - ${line.quantity}` })
        .where(
          and(eq(productVariants.id, line.variantId), gte(productVariants.stock, line.quantity)),
        )
        .returning({ id: productVariants.id });
      if (reserved.length === 0) {
        const [left] = await tx
          .select({ stock: productVariants.stock })
          .from(productVariants)
          .where(eq(productVariants.id, line.variantId));
        const stock = left?.stock ?? 0;
        const name = `"${line.productTitle}" (${line.variantTitle})`;
        throw new InvalidInputError(
          stock === 0
            ? `${name} has just sold out: remove it from your cart to check out.`
            : `Only ${stock} of ${name} left: lower the quantity in your cart to check out.`,
        );
      }
      deps.stockChanges?.record(line.variantId);
    }

    const subtotal = lines.reduce((sum, line) => sum + line.price * line.quantity, 0);
    const expiresAt = new Date(deps.now.getTime() + ORDER_HOLD_MS);
    const userId = 'userId' in owner ? owner.userId : null;
    const [order] = await tx
      .insert(orders)
      .values({
        userId,
        cartId,
        email: contact.email,
        status: 'pending',
        currency,
        subtotal,
        total: subtotal,
        expiresAt,
        createdAt: deps.now,
        updatedAt: deps.now,
      })
      .returning({ id: orders.id, number: orders.number });
    if (!order) throw new Error('the order was not created');
    const items = lines.map((line) => ({
      productTitle: line.productTitle,
      variantTitle: line.variantTitle,
      sku: line.sku,
      unitPrice: line.price,
      quantity: line.quantity,
    }));
    await tx.insert(orderItems).values(
      lines.map((line) => ({
        orderId: order.id,
        variantId: line.variantId,
        productTitle: line.productTitle,
        variantTitle: line.variantTitle,
        sku: line.sku,
        unitPrice: line.price,
        quantity: line.quantity,
      })),
    );
    await writeAudit(
      tx,
      {
        actor: userId ? `user:${userId}` : 'guest',
        action: 'order.placed',
        entityType: 'order',
        entityId: order.id,
        after: { status: 'pending', currency, total: subtotal, lines: lines.length },
      },
      deps.now,
    );
    return {
      id: order.id,
      number: order.number,
      currency,
      total: subtotal,
      email: contact.email,
      expiresAt,
      items,
      replacedPages: replaced.flatMap((r) => (r.checkoutSessionId ? [r.checkoutSessionId] : [])),
    };
  });
}
