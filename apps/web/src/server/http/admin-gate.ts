import 'server-only';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { getActionApi } from '~/server/pages/api';

type Api = Awaited<ReturnType<typeof getActionApi>>;

/**
 * Who a route handler's POST comes from, before it reads the body: the admin,
 * or the answer a refused client gets. A client past its per-IP ceiling gets
 * 429 with Retry-After (never a 500); a visitor `visitor()`; a customer a 404.
 */
export async function adminOrRefusal(
  api: Api,
  visitor: () => Response,
): Promise<{ admin: true } | Response> {
  try {
    const me = await api.account.me();
    if (!me) return visitor();
    if (me.role !== 'admin') return new Response('Not found', { status: 404 });
    return { admin: true };
  } catch (error) {
    if (!(error instanceof TRPCError) || getHTTPStatusCodeFromError(error) >= 500) throw error;
    const seconds = /Wait (\d+) seconds/.exec(error.message)?.[1];
    return Response.json(
      { message: error.message },
      {
        status: getHTTPStatusCodeFromError(error),
        headers: seconds ? { 'retry-after': seconds } : {},
      },
    );
  }
}
