import { accountRouter } from './router/account.ts';
import { adminRouter } from './router/admin.ts';
import { cartRouter } from './router/cart.ts';
import { catalogRouter } from './router/catalog.ts';
import { checkoutRouter } from './router/checkout.ts';
import { devRouter } from './router/dev.ts';
import { ordersRouter } from './router/orders.ts';
import { createCallerFactory, createTRPCRouter } from './trpc.ts';

export const appRouter = createTRPCRouter({
  account: accountRouter,
  admin: adminRouter,
  cart: cartRouter,
  catalog: catalogRouter,
  checkout: checkoutRouter,
  dev: devRouter,
  orders: ordersRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
