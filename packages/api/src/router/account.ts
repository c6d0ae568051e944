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
import { enforceLimit } from '../middlewares/rate-limit.ts';
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
    await enforceLimit(ctx, 'login:account', normalizeEmail(input.email));
    const session = await logIn(ctx.deps, input);
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

  requestPasswordReset: publicProcedure.input(emailInput).mutation(async ({ ctx, input }) => {
    await enforceLimit(ctx, 'reset:ip', ctx.clientIp);
    await requestPasswordReset(ctx.deps, input);
    ctx.emailQueued();
    return { email: normalizeEmail(input.email) };
  }),

  resetPassword: publicProcedure.input(resetPasswordInput).mutation(async ({ ctx, input }) => {
    const session = await resetPassword(ctx.deps, input);
    ctx.accounts.setCookie(sessionCookie(session.token, ctx.accounts.secure));
    await adoptGuestCart(ctx, session.userId);
    return { userId: session.userId };
  }),

  changePassword: protectedProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
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
    await deleteAccount(ctx.deps, { userId: ctx.user.id, password: input.password });
    ctx.accounts.setCookie(blankSessionCookie(ctx.accounts.secure));
    return { deleted: true };
  }),
} satisfies TRPCRouterRecord;
