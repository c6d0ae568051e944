import { announceStockChanges, InvalidInputError, StockChanges } from '@edgecart/core';
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { z } from 'zod';
import type { Context } from './context.ts';
import { clientMessage } from './error-reply.ts';
import { toClientError } from './middlewares/domain-errors.ts';
import { enforceLimit } from './middlewares/rate-limit.ts';

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const zodError = error.cause instanceof z.ZodError ? error.cause : null;
    const requestId = ctx?.requestId ?? null;
    return {
      ...shape,
      // A message a person can act on: zod's issues in prose, a domain error's
      // own words, or for a fault of ours a generic one with the request id.
      message: zodError ? z.prettifyError(zodError) : clientMessage(error, requestId),
      data: {
        ...shape.data,
        zodError: zodError ? z.flattenError(zodError) : null,
        /** Quote it to support: the server log has the cause under the same id. */
        requestId,
        /** The input field a domain error is about, to show the message next to it. */
        field: error.cause instanceof InvalidInputError ? (error.cause.field ?? null) : null,
        // Stack traces never leave the server.
        stack: undefined,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) throw toClientError(result.error);
  return result;
});

/** A client's calls over HTTP count against its IP's ceiling (`api:ip`). */
const ceiling = t.middleware(async ({ ctx, next }) => {
  if (ctx.fromClient) await enforceLimit(ctx, 'api:ip', ctx.clientIp);
  return next();
});

/**
 * Stock a procedure moved (a checkout, a cancellation) is announced to the
 * catalog cache once the procedure's transactions have committed, before the
 * response: the shopper's next page shows it. Also after a failure, which may
 * have committed some of it. Each call gets its own record: calls sharing a
 * request (a batch, a page's header) must not announce another's change
 * before it commits. Procedures find it as `ctx.stockChanges`.
 */
const announceStock = t.middleware(async ({ ctx, next }) => {
  const stockChanges = new StockChanges();
  try {
    return await next({ ctx: { stockChanges } });
  } finally {
    if (stockChanges.size > 0) {
      await announceStockChanges(ctx.db, ctx.catalogCache, stockChanges);
    }
  }
});

/**
 * Anyone may call it; domain errors, and the database failures core knows
 * (constraints, conflicts, bad values, outages), become the matching tRPC codes.
 */
export const publicProcedure = t.procedure.use(domainErrors).use(ceiling).use(announceStock);

/** A signed-in user's procedure: `ctx.user` and `ctx.session` are set, else UNAUTHORIZED. */
export const protectedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const auth = await ctx.auth();
  if (!auth) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Log in to continue.' });
  return next({ ctx: { user: auth.user, session: auth.session } });
});

/** An admin's procedure: FORBIDDEN for a signed-in customer. */
export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== 'admin') {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'This is for the shop’s admins only.' });
  }
  return next();
});

/** The account services (password hashing, cookies, links) the entry wired in. */
const withAccounts = t.middleware(({ ctx, next }) => {
  if (!ctx.accounts)
    throw new Error('Accounts are not wired into this entry (ContextInput.accounts).');
  return next({ ctx: { accounts: ctx.accounts } });
});

/** A procedure that needs the account services. */
export const accountsProcedure = publicProcedure.use(withAccounts);

/** A signed-in user's procedure that needs the account services too. */
export const protectedAccountsProcedure = protectedProcedure.use(withAccounts);
