import { hashSecret } from '@edgecart/auth';
import {
  and,
  asc,
  cartItems,
  carts,
  type Database,
  eq,
  gte,
  isNull,
  or,
  orderItems,
  orders,
  products,
  productVariants,
  type SQL,
  sql,
  type TaxBehavior,
} from '@edgecart/db';
import { writeAudit } from '../audit.ts';
import type { CartOwner } from '../cart/owner.ts';
import { findCartId, lockCart } from '../cart/owner.ts';
import type { StockChanges } from '../catalog/stock-changes.ts';
import { InvalidInputError } from '../errors.ts';
import { cartSizeProblem, HELD_UNITS_MAX } from '../limits.ts';
import { cartDiscounts, collectionIdsOf, customerKeyOf } from '../promotions/promotion-queries.ts';
import { recordRedemptions, takeUses } from '../promotions/redemptions.ts';
import { getShopSettings } from '../settings/shop-settings.ts';
import { cancelPendingInTransaction } from './order-lifecycle.ts';
import { type OrderShipping, shippingForOrder } from './order-shipping.ts';

/**
 * How long a pending order holds its stock while the shopper pays: longer than
 * the payment page lives (31 minutes), so that the page always closes first.
 */
export const ORDER_HOLD_MS = 35 * 60_000;

export interface PlacedOrder {
  id: string;
  number: number;
  currency: string;
  /** The items less the discount, before shipping and tax. */
  total: number;
  /** What the promotions take off the items, and what they are called; null: none. */
  discount: { amount: number; label: string } | null;
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
    /** The product's tax code, or the shop's default. */
    taxCode: string;
  }[];
  /** Null: nothing in it is posted, and the payment page asks no address. */
  shipping: OrderShipping | null;
  /** How tax is charged on it; null with tax off. */
  taxBehavior: TaxBehavior | null;
}

export interface PlaceOrderDeps {
  db: Database;
  now: Date;
  stockChanges?: StockChanges | undefined;
  /**
   * The client placing the order, by its address key (`clientAddressKey`: an
   * IPv6 /64, an IPv4 address), for the cap on the stock one client holds in
   * unpaid checkouts. The API always passes it; without it (scripts, tests)
   * only the account's own checkouts count.
   */
  clientKey?: string | null | undefined;
}

/** What the database keeps of a client's address key: a SHA-256, never the address. */
export function storedClientKey(clientKey: string): string {
  return hashSecret(`edgecart-client:${clientKey}`);
}

/**
 * A transaction-scoped advisory lock per holder (an account, a client), taken
 * in one order: checkouts of one holder count and reserve one at a time.
 */
async function lockHolders(tx: Database, holders: string[]) {
  const keys = holders
    // 60 bits of the holder's SHA-256: a positive bigint; a collision only serialises two holders.
    .map((holder) => BigInt(`0x${hashSecret(`edgecart-holder:${holder}`).slice(0, 15)}`))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const key of keys) {
    await tx.execute(sql`select pg_advisory_xact_lock(${key.toString()}::bigint)`);
  }
}

/** Units held in pending orders (stock reserved, not paid) of any of these holders. */
async function unitsHeld(tx: Database, heldBy: SQL[]) {
  const [row] = await tx
    .select({ units: sql<number>`coalesce(sum(${orderItems.quantity}), 0)::int` })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(
      and(
        eq(orders.status, 'pending'),
        isNull(orders.paidAt),
        isNull(orders.stockReleasedAt),
        or(...heldBy),
      ),
    );
  return row?.units ?? 0;
}

/**
 * Turns the owner's cart into a pending order, in one transaction: prices and
 * titles are read from the database now and copied into the order, and each
 * line's stock is reserved with a conditional update that can never go below
 * zero. If any line cannot be reserved, nothing is: the transaction rolls
 * back and the shopper is told which item and how many are left. Lines are
 * reserved in variant id order, so that two checkouts never deadlock.
 *
 * The shop's limits (`limits.ts`) hold here too: a cart past the most lines or
 * units is refused, and so is an order that would take the units its client
 * (address key) and account hold in unpaid checkouts past `HELD_UNITS_MAX`.
 * Those are counted under an advisory lock per holder, taken after the cart's
 * row and before any stock, so that concurrent checkouts of one client count
 * one after another and never pass the cap together.
 */
export async function placeOrder(
  deps: PlaceOrderDeps,
  owner: CartOwner,
  contact: {
    email: string | null;
    /** The country to ship to, chosen before paying; needed when something is posted. */
    shipTo?: string | null | undefined;
  },
): Promise<PlacedOrder> {
  return deps.db.transaction(async (tx) => {
    const cartId = await findCartId(tx, owner);
    if (!cartId) throw new InvalidInputError('Your cart is empty.');
    await lockCart(tx, cartId, deps.now);
    const userId = 'userId' in owner ? owner.userId : null;
    const clientKey = deps.clientKey ? storedClientKey(deps.clientKey) : null;
    const heldBy = [
      ...(clientKey ? [eq(orders.clientKey, clientKey)] : []),
      ...(userId ? [eq(orders.userId, userId)] : []),
    ];
    await lockHolders(tx, [
      ...(clientKey ? [`client:${clientKey}`] : []),
      ...(userId ? [`user:${userId}`] : []),
    ]);
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
        productId: products.id,
        collectionIds: collectionIdsOf(products.id),
        productTitle: products.title,
        status: products.status,
        variantTitle: productVariants.title,
        sku: productVariants.sku,
        price: productVariants.price,
        currency: productVariants.currency,
        weightGrams: productVariants.weightGrams,
        requiresShipping: products.requiresShipping,
        taxCode: products.taxCode,
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
    const units = lines.reduce((sum, line) => sum + line.quantity, 0);
    const tooBig = cartSizeProblem(lines.length, units);
    if (tooBig) throw new InvalidInputError(tooBig);
    // Counted after the earlier checkouts of this cart gave way: they are not held any more.
    const held = heldBy.length > 0 ? await unitsHeld(tx, heldBy) : 0;
    if (held + units > HELD_UNITS_MAX) {
      throw new InvalidInputError(
        held >= HELD_UNITS_MAX
          ? `You already have ${held} items waiting in unpaid checkouts: pay for or cancel one first.`
          : `You already have ${held} items waiting in unpaid checkouts, and at most ${HELD_UNITS_MAX} can wait at once: pay for or cancel one first, or check out at most ${HELD_UNITS_MAX - held} items.`,
      );
    }

    const subtotal = lines.reduce((sum, line) => sum + line.price * line.quantity, 0);
    const [cart] = await tx
      .select({ code: carts.discountCode })
      .from(carts)
      .where(eq(carts.id, cartId));
    const customerKey = customerKeyOf({ userId, email: contact.email });
    const discounts = await cartDiscounts(tx, {
      lines: lines.map((line) => ({ ...line, amount: line.price * line.quantity })),
      currency,
      code: cart?.code ?? null,
      now: deps.now,
      customerKey,
    });
    if (discounts.codeRefusal) {
      throw new InvalidInputError(
        `${discounts.codeRefusal.message} Remove the code to check out without it.`,
        { field: 'discountCode' },
      );
    }
    const total = subtotal - discounts.amount;
    const discount =
      discounts.applied.length > 0
        ? {
            amount: discounts.amount,
            label: discounts.applied.map((a) => a.promotion.code ?? a.promotion.title).join(', '),
          }
        : null;
    // Free-shipping thresholds count what is paid for the items, after the discount.
    const shipping = await shippingForOrder(tx, {
      lines,
      shipTo: contact.shipTo ?? null,
      currency,
      subtotal: total,
      freeShipping: discounts.freeShipping,
    });
    const settings = await getShopSettings(tx);
    const taxBehavior = settings.taxEnabled ? settings.taxBehavior : null;

    // The promotions' uses, then the stock: every path takes them in this order.
    await takeUses(tx, discounts.applied, customerKey, deps.now);
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

    const expiresAt = new Date(deps.now.getTime() + ORDER_HOLD_MS);
    const [order] = await tx
      .insert(orders)
      .values({
        userId,
        cartId,
        clientKey,
        email: contact.email,
        status: 'pending',
        currency,
        subtotal,
        discountAmount: discounts.amount,
        discountLabel: discount?.label ?? null,
        total,
        shipToCountry: shipping?.country ?? null,
        shippingOffers:
          shipping?.offers.map(({ rateId, name, amount, providerRateId }) => ({
            rateId,
            name,
            amount,
            providerRateId,
          })) ?? null,
        taxBehavior,
        expiresAt,
        createdAt: deps.now,
        updatedAt: deps.now,
      })
      .returning({ id: orders.id, number: orders.number });
    if (!order) throw new Error('the order was not created');
    await recordRedemptions(tx, order.id, discounts.applied, customerKey, deps.now);
    const items = lines.map((line) => ({
      productTitle: line.productTitle,
      variantTitle: line.variantTitle,
      sku: line.sku,
      unitPrice: line.price,
      quantity: line.quantity,
      taxCode: line.taxCode ?? settings.defaultTaxCode,
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
        after: {
          status: 'pending',
          currency,
          total,
          lines: lines.length,
          ...(discount ? { discount } : {}),
        },
      },
      deps.now,
    );
    return {
      id: order.id,
      number: order.number,
      currency,
      total,
      discount,
      email: contact.email,
      expiresAt,
      items,
      shipping,
      taxBehavior,
      replacedPages: replaced.flatMap((r) => (r.checkoutSessionId ? [r.checkoutSessionId] : [])),
    };
  });
}
