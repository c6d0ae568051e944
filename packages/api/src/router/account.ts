import { blankSessionCookie, sessionCookie } from '@edgecart/auth';
import {
  changePassword,
  confirmSignUp,
  deleteAccount,
  exportAccountData,
  invalidateSession,
  invalidateUserSessions,
  logIn,
  normalizeEmail,
  requestPasswordReset,
  requestSignUp,
  resetPassword,
} from '@edgecart/core';
import type { TRPCRouterRecord } from '@trpc/server';
import type { Context } from '../context.ts';
import { clearDelay, enforceDelay, enforceLimit } from '../middlewares/rate-limit.ts';
import { protectedProcedure, publicProcedure } from '../trpc.ts';
import {
  changePasswordInput,
  credentialsInput,
  emailInput,
  passwordInput,
  resetPasswordInput,
  tokenInput,
} from './account.schema.ts';
import { adoptGuestCart } from './cart.ts';

/** Ends the session the request's cookie held, if any: every log-in starts afresh. */
async function endCurrentSession(ctx: Context): Promise<void> {
  const auth = await ctx.auth();
  if (auth) await invalidateSession(ctx.db, auth.session.id);
}

export const accountRouter = {
  /** The signed-in user, or null. */
  me: publicProcedure.query(async ({ ctx }) => (await ctx.auth())?.user ?? null),

  signUp: publicProcedure.input(credentialsInput).mutation(async ({ ctx, input }) => {
    await enforceLimit(ctx, 'sign-up:ip', ctx.clientIp);
    await enforceLimit(ctx, 'sign-up:account', normalizeEmail(input.email));
    await requestSignUp(ctx.deps, input);
    ctx.emailQueued();
    return { email: normalizeEmail(input.email) };
  }),

  confirmSignUp: publicProcedure.input(tokenInput).mutation(async ({ ctx, input }) => {
    await endCurrentSession(ctx);
    const session = await confirmSignUp(ctx.deps, input.token);
    ctx.accounts.setCookie(sessionCookie(session.token, ctx.accounts.secure));
    await adoptGuestCart(ctx, session.userId);
    return { userId: session.userId };
  }),

  logIn: publicProcedure.input(credentialsInput).mutation(async ({ ctx, input }) => {
    await enforceLimit(ctx, 'login:ip', ctx.clientIp);
    const account = normalizeEmail(input.email);
    // A growing delay per account, never a lock: the owner still gets in.
    await enforceDelay(ctx, 'login:account', account);
    const session = await logIn(ctx.deps, input);
    await clearDelay(ctx, 'login:account', account);
    await endCurrentSession(ctx);
    ctx.accounts.setCookie(sessionCookie(session.token, ctx.accounts.secure));
    await adoptGuestCart(ctx, session.userId);
    return { userId: session.userId };
  }),

  logOut: publicProcedure.mutation(async ({ ctx }) => {
    await endCurrentSession(ctx);
    ctx.accounts.setCookie(blankSessionCookie(ctx.accounts.secure));
    return { loggedOut: true };
  }),

  logOutEverywhere: protectedProcedure.mutation(async ({ ctx }) => {
    await invalidateUserSessions(ctx.db, ctx.user.id);
    ctx.accounts.setCookie(blankSessionCookie(ctx.accounts.secure));
    return { loggedOut: true };
  }),

  /**
   * Answers before it looks the address up: the link and its email are made
   * once the response is sent, so that neither the reply nor its timing says
   * whether the address has an account.
   */
  requestPasswordReset: publicProcedure.input(emailInput).mutation(async ({ ctx, input }) => {
    const email = normalizeEmail(input.email);
    await enforceLimit(ctx, 'reset:ip', ctx.clientIp);
    await enforceLimit(ctx, 'reset:account', email);
    const { deps } = ctx;
    ctx.afterResponse(async () => {
      await requestPasswordReset(deps, { email });
      ctx.emailQueued();
    });
    return { email };
  }),

  resetPassword: publicProcedure.input(resetPasswordInput).mutation(async ({ ctx, input }) => {
    await enforceLimit(ctx, 'reset:ip', ctx.clientIp);
    const session = await resetPassword(ctx.deps, input);
    ctx.accounts.setCookie(sessionCookie(session.token, ctx.accounts.secure));
    await adoptGuestCart(ctx, session.userId);
    return { userId: session.userId };
  }),

  changePassword: protectedProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    await enforceLimit(ctx, 'password:ip', ctx.clientIp);
    await enforceLimit(ctx, 'password:account', ctx.user.id);
    await changePassword(ctx.deps, {
      userId: ctx.user.id,
      sessionId: ctx.session.id,
      ...input,
    });
    return { changed: true };
  }),

  /** Everything the shop holds about the signed-in person. */
  export: protectedProcedure.query(({ ctx }) => exportAccountData(ctx.db, ctx.user.id)),

  /** Deletes the signed-in person's account after checking the password. */
  delete: protectedProcedure.input(passwordInput).mutation(async ({ ctx, input }) => {
    await enforceLimit(ctx, 'password:ip', ctx.clientIp);
    await enforceLimit(ctx, 'password:account', ctx.user.id);
    await deleteAccount(ctx.deps, { userId: ctx.user.id, password: input.password });
    ctx.accounts.setCookie(blankSessionCookie(ctx.accounts.secure));
    return { deleted: true };
  }),
} satisfies TRPCRouterRecord;
