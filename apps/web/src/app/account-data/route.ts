import { TRPCError } from '@trpc/server';
import { getApi } from '~/server/pages/api';

export const dynamic = 'force-dynamic';

/** `GET /account-data`: the signed-in person's data as a JSON download. */
export async function GET(): Promise<Response> {
  try {
    const data = await (await getApi()).account.export();
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': 'attachment; filename="edgecart-account.json"',
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'UNAUTHORIZED') {
      return new Response(null, { status: 303, headers: { location: '/login' } });
    }
    throw error;
  }
}
