import { currentRequestId } from '~/server/http/request-id';
import { crossSiteResponse, isCrossSite } from '~/server/http/same-origin';
import { getActionApi } from '~/server/pages/api';

/** `POST /logout`: ends this session and clears the cookie, then back to the shop. */
export async function POST(request: Request): Promise<Response> {
  if (isCrossSite(request)) return crossSiteResponse(currentRequestId(request.headers));
  await (await getActionApi()).account.logOut();
  return new Response(null, { status: 303, headers: { location: '/' } });
}
