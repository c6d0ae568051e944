import {
  attachCheckoutSession,
  cancelPendingOrder,
  orderByCheckoutSession,
  pendingOrdersOfCart,
  placeOrder,
  UnavailableError,
} from '@edgecart/core';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { accountsProcedure, publicProcedure } from '../trpc.ts';
import { cartOwnerOf } from './cart.ts';

/** Stripe keeps a payment page open 30 minutes at least: one more, for the time it takes to ask. */
const PAYMENT_PAGE_MS = 31 * 60_000;

export const checkoutRouter = {
  /**
   * Turns the cart into a pending order (stock reserved, server prices) and
   * opens a payment page for it; answers the page's URL. An earlier unpaid
   * checkout of the same cart is closed first, so stock is held once. If the
   * payment provider fails, the order is cancelled and its stock released.
   */
  start: accountsProcedure.mutation(async ({ ctx }) => {
    const payments = ctx.payments;
    if (!payments) throw new UnavailableError('Payments are not set up on this shop yet.');
    const owner = await cartOwnerOf(ctx);
    for (const earlier of await pendingOrdersOfCart(ctx.db, owner)) {
      if (earlier.checkoutSessionId) await payments.expireCheckout(earlier.checkoutSessionId);
      await cancelPendingOrder(
        { db: ctx.db, now: ctx.now() },
        earlier.id,
        'checkout',
        'order.replaced',
      );
    }
    const auth = await ctx.auth();
    const order = await placeOrder({ db: ctx.db, now: ctx.now() }, owner, {
      email: auth?.user.email ?? null,
    });
    const { origin } = ctx.accounts;
    try {
      const page = await payments.createCheckout({
        orderId: order.id,
        currency: order.currency,
        lines: order.items.map((item) => ({
          name: item.variantTitle
            ? `${item.productTitle} (${item.variantTitle})`
            : item.productTitle,
          unitAmount: item.unitPrice,
          quantity: item.quantity,
        })),
        email: order.email,
        successUrl: `${origin}/checkout/success?session_id={CHECKOUT_SESSION_ID}`,
        cancelUrl: `${origin}/cart?checkout=cancelled`,
        expiresAt: new Date(ctx.now().getTime() + PAYMENT_PAGE_MS),
        idempotencyKey: `edgecart-checkout/${order.id}`,
      });
      await attachCheckoutSession(ctx.db, order.id, page.sessionId, ctx.now());
      return { url: page.url, orderNumber: order.number };
    } catch (error) {
      await cancelPendingOrder(
        { db: ctx.db, now: ctx.now() },
        order.id,
        'checkout',
        'order.payment_page_failed',
      );
      throw new UnavailableError(
        'The payment service did not answer. Nothing was charged and your cart is as it was: try again in a moment.',
        { cause: error },
      );
    }
  }),

  /** The order a payment page belongs to, for the page the shopper returns to. */
  bySession: publicProcedure
    .input(
      z.object({
        sessionId: z
          .string()
          .regex(/^cs_[A-Za-z0-9_]{1,200}$/, 'This is not a checkout reference.'),
      }),
    )
    .query(({ ctx, input }) => orderByCheckoutSession(ctx.db, input.sessionId)),
} satisfies TRPCRouterRecord;
