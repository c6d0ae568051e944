import {
  cancelCheckout,
  DomainError,
  getShopSettings,
  orderByCheckoutSession,
  shippingCountries,
  startCheckout,
  taxNote,
  UnavailableError,
} from '@edgecart/core';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { enforceLimit } from '../middlewares/rate-limit.ts';
import { publicProcedure } from '../trpc.ts';
import { cartOwnerOf } from './cart.ts';

export const checkoutRouter = {
  /**
   * Turns the cart into a pending order (stock reserved, server prices) and
   * opens a payment page for it; answers the page's URL. An earlier unpaid
   * checkout of the same cart is closed first, so stock is held once. If the
   * payment provider fails, the order is cancelled and its stock released.
   */
  start: publicProcedure
    .input(
      z
        .object({
          /** Where to ship, chosen on the cart; needed when something in it is posted. */
          shipTo: z
            .string()
            .trim()
            .regex(/^[A-Za-z]{2}$/, 'Choose the country to ship to.')
            .transform((code) => code.toUpperCase())
            .optional(),
          /**
           * A guest's email, asked on the cart when a promotion on it is once per
           * customer; the payment page then takes it as given.
           */
          email: z.email('Enter a valid email address.').max(254).optional(),
        })
        .default({}),
    )
    .mutation(async ({ ctx, input }) => {
      const payments = ctx.payments;
      if (!payments) throw new UnavailableError('Payments are not set up on this shop yet.');
      await enforceLimit(ctx, 'checkout:ip', ctx.clientIp);
      const owner = await cartOwnerOf(ctx);
      const auth = await ctx.auth();
      try {
        const { url, orderNumber } = await startCheckout({ ...ctx.deps, payments }, owner, {
          email: auth?.user.email ?? input.email?.toLowerCase() ?? null,
          shipTo: input.shipTo ?? null,
        });
        ctx.metrics.record('checkout.started');
        return { url, orderNumber };
      } catch (error) {
        // The shop's failures, not the shopper's (an empty cart, a sold-out line).
        if (error instanceof UnavailableError) {
          ctx.metrics.record('checkout.failed', { reason: 'provider_unavailable' });
        } else if (!(error instanceof DomainError)) {
          ctx.metrics.record('checkout.failed', { reason: 'error' });
        }
        throw error;
      }
    }),

  /** What shown prices say about tax, by the shop's settings; null with tax off. */
  taxNote: publicProcedure.query(async ({ ctx }) => taxNote(await getShopSettings(ctx.db))),

  /** The countries the shop posts to in a currency, for the cart's "Ship to" choice. */
  shippingCountries: publicProcedure
    .input(z.object({ currency: z.string().regex(/^[A-Z]{3}$/, 'Not a currency code.') }))
    .query(({ ctx, input }) => shippingCountries(ctx.db, input.currency)),

  /**
   * The shopper is back from the payment page without paying (its cancel
   * link): closes that checkout and releases its stock. Only a pending order
   * of the caller's own cart; answers whether one was cancelled.
   */
  cancel: publicProcedure
    .input(z.object({ orderId: z.guid('There is no such order.') }))
    .mutation(async ({ ctx, input }) => ({
      outcome: await cancelCheckout(
        { ...ctx.deps, payments: ctx.payments },
        await cartOwnerOf(ctx),
        input.orderId,
      ),
    })),

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
