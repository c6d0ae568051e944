import { formProblem } from '@edgecart/api';
import { PHOTO_BYTES_MAX, PHOTOS_PER_UPLOAD_MAX } from '@edgecart/core';
import { TRPCError } from '@trpc/server';
import { adminOrRefusal } from '~/server/http/admin-gate';
import { currentRequestId } from '~/server/http/request-id';
import { crossSiteResponse, isCrossSite } from '~/server/http/same-origin';
import { getActionApi } from '~/server/pages/api';

export const dynamic = 'force-dynamic';

/** The largest body read: a full upload and its form's overhead. */
const BODY_MAX = PHOTOS_PER_UPLOAD_MAX * PHOTO_BYTES_MAX + 64 * 1024;

/** Where an upload without JavaScript goes back to: the product editor, nowhere else. */
const EDITOR = /^\/admin\/products\/(new|[0-9a-f-]{36})$/;

/**
 * `POST /admin/photos` (multipart `photos`): the product editor's upload, for
 * admins only. The session is checked and the size bounded before the body
 * is read. With `Accept: application/json` (the editor's script) it answers
 * the stored photos or the refusal; a plain form post goes back to the editor
 * (`returnTo`) with the photos in `?photos=`, or `?photoError=1`.
 */
export async function POST(request: Request): Promise<Response> {
  const requestId = currentRequestId(request.headers);
  if (isCrossSite(request)) return crossSiteResponse(requestId);
  const json = request.headers.get('accept')?.includes('application/json') ?? false;
  const refuse = (status: number, message: string) =>
    Response.json({ message, requestId }, { status, headers: { 'cache-control': 'no-store' } });

  const api = await getActionApi();
  const gate = await adminOrRefusal(api, () =>
    json
      ? refuse(401, 'Log in as an admin to upload photos.')
      : new Response(null, { status: 303, headers: { location: '/login' } }),
  );
  if (gate instanceof Response) return gate;
  const length = Number(request.headers.get('content-length') ?? Number.NaN);
  if (!(length <= BODY_MAX)) {
    return refuse(
      413,
      `Upload at most ${PHOTOS_PER_UPLOAD_MAX} photos of ${PHOTO_BYTES_MAX / 1024 / 1024} MB at once.`,
    );
  }
  const form = await request.formData().catch(() => null);
  if (!form) return refuse(400, 'Send the photos as multipart/form-data.');
  const returnTo = String(form.get('returnTo') ?? '');
  const back = (query: string) =>
    new Response(null, {
      status: 303,
      headers: { location: `${EDITOR.test(returnTo) ? returnTo : '/admin/products/new'}?${query}` },
    });
  try {
    const { photos } = await api.admin.media.upload(form);
    if (json) return Response.json({ photos }, { headers: { 'cache-control': 'no-store' } });
    return back(`photos=${photos.map((p) => p.key).join(',')}`);
  } catch (error) {
    const problem = error instanceof TRPCError ? formProblem(error) : null;
    if (!problem) throw error;
    return json
      ? refuse(
          error instanceof TRPCError && error.code === 'TOO_MANY_REQUESTS' ? 429 : 400,
          problem.message,
        )
      : back('photoError=1');
  }
}
