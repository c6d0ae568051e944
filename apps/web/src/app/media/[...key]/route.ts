import { MEDIA_CACHE_CONTROL, MEDIA_KEY_PATTERN } from '@edgecart/core';
import { getMediaBucket } from '~/server/services/media';

export const dynamic = 'force-dynamic';

/**
 * `GET /media/photos/<sha256>.<ext>`: an uploaded photo, from the media
 * bucket (R2). Its key is its content's hash, so it is cached for a year as
 * immutable; a browser that asks again with its ETag gets a 304.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ key: string[] }> },
): Promise<Response> {
  const key = (await params).key.join('/');
  if (!MEDIA_KEY_PATTERN.test(key)) return new Response('Not found', { status: 404 });
  const object = await (await getMediaBucket()).get(key);
  if (!object) return new Response('Not found', { status: 404 });
  const headers = new Headers({
    'content-type': object.httpMetadata?.contentType ?? 'application/octet-stream',
    'cache-control': MEDIA_CACHE_CONTROL,
    etag: object.httpEtag,
    'x-content-type-options': 'nosniff',
  });
  if (request.headers.get('if-none-match') === object.httpEtag) {
    await object.body.cancel();
    return new Response(null, { status: 304, headers });
  }
  headers.set('content-length', String(object.size));
  return new Response(object.body, { headers });
}
