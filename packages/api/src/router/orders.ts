import { getOrder, listOrders } from '@edgecart/core';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { protectedProcedure } from '../trpc.ts';

export const ordersRouter = {
  /** The signed-in shopper's orders, newest first. */
  list: protectedProcedure.query(({ ctx }) => listOrders(ctx.db, ctx.user.id)),
  /** One of them; NOT_FOUND for an order that is not theirs. */
  get: protectedProcedure
    .input(z.object({ id: z.guid('There is no such order.') }))
    .query(({ ctx, input }) => getOrder(ctx.db, ctx.user.id, input.id)),
} satisfies TRPCRouterRecord;
