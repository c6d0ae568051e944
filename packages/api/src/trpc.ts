import { initTRPC } from '@trpc/server';
import superjson from 'superjson';
import { z } from 'zod';
import type { Context } from './context.ts';
import { clientMessage } from './error-reply.ts';
import { toClientError } from './middlewares/domain-errors.ts';

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

/**
 * Anyone may call it; domain errors, and the database failures core knows
 * (constraints, conflicts, bad values, outages), become the matching tRPC codes.
 */
export const publicProcedure = t.procedure.use(domainErrors);
