import { IMPORT_BYTES_MAX } from '@edgecart/core';
import { TRPCError } from '@trpc/server';
import { adminOrRefusal } from '~/server/http/admin-gate';
import { currentRequestId } from '~/server/http/request-id';
import { crossSiteResponse, isCrossSite } from '~/server/http/same-origin';
import { getActionApi } from '~/server/pages/api';

export const dynamic = 'force-dynamic';

const see = (location: string) => new Response(null, { status: 303, headers: { location } });

/**
 * `POST /admin/products/import/check` (multipart `file`): the import's dry
 * run, for admins only (the session is checked and the size bounded before
 * the body is read). It goes on to the import's report.
 */
export async function POST(request: Request): Promise<Response> {
  if (isCrossSite(request)) return crossSiteResponse(currentRequestId(request.headers));
  const api = await getActionApi();
  const gate = await adminOrRefusal(api, () => see('/login'));
  if (gate instanceof Response) return gate;
  const length = Number(request.headers.get('content-length') ?? Number.NaN);
  if (!(length <= IMPORT_BYTES_MAX + 64 * 1024)) return see('/admin/products/import?error=1');
  const form = await request.formData().catch(() => null);
  if (!form) return see('/admin/products/import?error=1');
  try {
    const { id } = await api.admin.imports.check(form);
    return see(`/admin/products/import/${id}`);
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'BAD_REQUEST') {
      return see('/admin/products/import?error=1');
    }
    throw error;
  }
}
