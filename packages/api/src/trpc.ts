import { withStockAnnounced } from '@edgecart/core';
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { z } from 'zod';
import type { Context } from './context.ts';
import { clientMessage, formProblem } from './error-reply.ts';
import { toClientError } from './middlewares/domain-errors.ts';
import { enforceLimit } from './middlewares/rate-limit.ts';

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const zodError = error.cause instanceof z.ZodError ? error.cause : null;
    const requestId = ctx?.requestId ?? null;
    const problem = formProblem(error);
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
        /** What a form shows for a refusal (4xx), next to its field; null for a fault of ours. */
        problem,
        /** The input field the refusal is about. */
        field: problem?.field ?? null,
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
 * What a call hands to core, derived once from the context: the database,
 * the time the call began, the clock, the account services and a record of
 * the stock the call moves. That stock is announced to the catalog cache once
 * the call's transactions have committed, before the response: the shopper's
 * next page shows it. Each call gets its own record: calls sharing a request
 * (a batch, a page's header) must not announce another's change before it
 * commits. Procedures find it as `ctx.deps`.
 */
const callDeps = t.middleware(({ ctx, next }) =>
  withStockAnnounced(ctx.db, ctx.catalogCache, (stockChanges) =>
    next({
      ctx: {
        deps: {
          db: ctx.db,
          now: ctx.now(),
          clock: ctx.now,
          hasher: ctx.accounts.hasher,
          origin: ctx.accounts.origin,
          stockChanges,
          /** The client's address key, for the cap on the stock one client holds in checkouts. */
          clientKey: ctx.clientIp,
        },
      },
    }),
  ),
);

/**
 * Anyone may call it; domain errors, and the database failures core knows
 * (constraints, conflicts, bad values, outages), become the matching tRPC codes.
 */
export const publicProcedure = t.procedure.use(domainErrors).use(ceiling).use(callDeps);

/** A signed-in user's procedure: `ctx.user` and `ctx.session` are set, else UNAUTHORIZED. */
export const protectedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const auth = await ctx.auth();
  if (!auth) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Log in to continue.' });
  return next({ ctx: { user: auth.user, session: auth.session } });
});

/**
 * An admin's procedure: FORBIDDEN for a signed-in customer. `ctx.deps.actor`
 * names the admin in audit rows.
 */
export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== 'admin') {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'This is for the shop’s admins only.' });
  }
  return next({ ctx: { deps: { ...ctx.deps, actor: `admin:${ctx.user.id}` } } });
});
