import 'server-only';
import type { MediaBucket } from '@edgecart/core';
import { getCloudflareContext } from '@opennextjs/cloudflare';

/**
 * The media bucket: the Worker's `MEDIA` binding (R2, wrangler.jsonc). Under
 * `next dev`, `getCloudflareContext` asks wrangler for the same binding in
 * its local mode (`getPlatformProxy`), stored in `.wrangler/state` (git-ignored),
 * where `preview:edge` keeps it too: one code path, whichever runtime serves.
 */
export async function getMediaBucket(): Promise<MediaBucket> {
  const { env } = await getCloudflareContext({ async: true });
  const bucket = (env as { MEDIA?: MediaBucket }).MEDIA;
  if (!bucket) {
    throw new Error('the MEDIA binding (R2) is missing: wrangler.jsonc declares it');
  }
  return bucket;
}
