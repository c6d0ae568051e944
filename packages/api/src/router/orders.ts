import { getOrder, getOrderByGuestLink, listOrders } from '@edgecart/core';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { protectedProcedure, publicProcedure } from '../trpc.ts';

export const ordersRouter = {
  /** The signed-in shopper's orders, newest first. */
  list: protectedProcedure.query(({ ctx }) => listOrders(ctx.db, ctx.user.id)),
  /** One of them; NOT_FOUND for an order that is not theirs. */
  get: protectedProcedure
    .input(z.object({ id: z.guid('There is no such order.') }))
    .query(({ ctx, input }) => getOrder(ctx.db, ctx.user.id, input.id)),
  /** A guest's order, by the link in its confirmation email; NOT_FOUND for a wrong or expired key. */
  byLink: publicProcedure
    .input(
      z.object({
        id: z.guid('There is no such order.'),
        key: z.string().max(100, 'This order link is not valid.'),
      }),
    )
    .query(({ ctx, input }) => getOrderByGuestLink(ctx.db, input.id, input.key, ctx.now())),
} satisfies TRPCRouterRecord;
