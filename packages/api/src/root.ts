import { accountRouter } from './router/account.ts';
import { cartRouter } from './router/cart.ts';
import { catalogRouter } from './router/catalog.ts';
import { devRouter } from './router/dev.ts';
import { createCallerFactory, createTRPCRouter } from './trpc.ts';

export const appRouter = createTRPCRouter({
  account: accountRouter,
  cart: cartRouter,
  catalog: catalogRouter,
  dev: devRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
