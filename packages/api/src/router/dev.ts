import { recentEmails } from '@edgecart/core';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { publicProcedure } from '../trpc.ts';

/** Development tools: NOT_FOUND unless the entry turned them on (DEV_TOOLS=1). */
const devProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.devTools) throw new TRPCError({ code: 'NOT_FOUND', message: 'Not found.' });
  return next();
});

export const devRouter = {
  /** The emails the shop would have sent, newest first. */
  outbox: devProcedure.query(({ ctx }) => recentEmails(ctx.db)),
} satisfies TRPCRouterRecord;
