import { TRPCError } from '@trpc/server';
import { getApi } from '~/server/pages/api';

export const dynamic = 'force-dynamic';

/**
 * `GET /admin/products/export.csv`: the catalog as Shopify's product CSV, for
 * admins only (a visitor is sent to log in, a customer gets a 404).
 */
export async function GET(): Promise<Response> {
  try {
    const csv = await (await getApi()).admin.products.exportCsv();
    const day = new Date().toISOString().slice(0, 10);
    return new Response(csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="edgecart-products-${day}.csv"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'UNAUTHORIZED') {
      return new Response(null, { status: 303, headers: { location: '/login' } });
    }
    if (error instanceof TRPCError && error.code === 'FORBIDDEN') {
      return new Response('Not found', { status: 404 });
    }
    throw error;
  }
}
