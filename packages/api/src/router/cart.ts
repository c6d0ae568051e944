import { blankCartCookie, cartCookie } from '@edgecart/auth';
import {
  addToCart,
  applyDiscountCode,
  type CartOwner,
  mergeGuestCart,
  readCart,
  removeDiscountCode,
  removeFromCart,
  setCartQuantity,
} from '@edgecart/core';
import type { TRPCRouterRecord } from '@trpc/server';
import type { Context } from '../context.ts';
import { enforceLimit } from '../middlewares/rate-limit.ts';
import { publicProcedure } from '../trpc.ts';
import { cartLineInput, cartVariantInput, discountCodeInput } from './cart.schema.ts';

/** The request's cart: the signed-in user's, else the guest's by the cart cookie. */
export async function cartOwnerOf(ctx: Context): Promise<CartOwner> {
  const auth = await ctx.auth();
  return auth ? { userId: auth.user.id } : { guestToken: ctx.cartToken() };
}

/**
 * At log-in and sign-up: the guest cart this browser holds joins the user's,
 * and its cookie goes.
 */
export async function adoptGuestCart(ctx: Context, userId: string): Promise<void> {
  const guestToken = ctx.cartToken();
  if (!guestToken) return;
  await mergeGuestCart({ db: ctx.db, now: ctx.now() }, guestToken, userId);
  ctx.accounts.setCookie(blankCartCookie(ctx.accounts.secure));
}

export const cartRouter = {
  /** The cart with today's prices and stock; an empty one when there is none. */
  get: publicProcedure.query(async ({ ctx }) =>
    readCart(ctx.db, await cartOwnerOf(ctx), ctx.now()),
  ),

  /** Adds to what the cart holds; answers the whole cart. A guest's first add sets the cookie. */
  add: publicProcedure.input(cartLineInput).mutation(async ({ ctx, input }) => {
    const owner = await cartOwnerOf(ctx);
    const { newGuestToken, started } = await addToCart(ctx.deps, owner, input);
    if (started) ctx.metrics.record('cart.created');
    if (!newGuestToken) return readCart(ctx.db, owner, ctx.now());
    ctx.accounts.setCookie(cartCookie(newGuestToken, ctx.accounts.secure));
    return readCart(ctx.db, { guestToken: newGuestToken }, ctx.now());
  }),

  setQuantity: publicProcedure.input(cartLineInput).mutation(async ({ ctx, input }) => {
    const owner = await cartOwnerOf(ctx);
    await setCartQuantity(ctx.deps, owner, input);
    return readCart(ctx.db, owner, ctx.now());
  }),

  remove: publicProcedure.input(cartVariantInput).mutation(async ({ ctx, input }) => {
    const owner = await cartOwnerOf(ctx);
    await removeFromCart(ctx.deps, owner, input);
    return readCart(ctx.db, owner, ctx.now());
  }),

  /**
   * Puts a discount code on the cart when it applies to it; a refusal (400)
   * says why. Every try counts against the client's limit, applied or not.
   */
  applyDiscount: publicProcedure.input(discountCodeInput).mutation(async ({ ctx, input }) => {
    await enforceLimit(ctx, 'discount-code:ip', ctx.clientIp);
    return applyDiscountCode(ctx.deps, await cartOwnerOf(ctx), input);
  }),

  /** Takes the code off the cart; automatic promotions still apply. */
  removeDiscount: publicProcedure.mutation(async ({ ctx }) => {
    const owner = await cartOwnerOf(ctx);
    await removeDiscountCode(ctx.deps, owner);
    return readCart(ctx.db, owner, ctx.now());
  }),
} satisfies TRPCRouterRecord;
