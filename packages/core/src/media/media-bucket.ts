/**
 * The part of Cloudflare R2's bucket binding (`R2Bucket`) the shop uses. In
 * production it is the Worker's `MEDIA` binding; under `npm run dev`,
 * `preview:edge` and the tests it is the same binding simulated by wrangler's
 * local mode (Miniflare), kept on disk in `apps/web/.wrangler/state`.
 */
export interface MediaBucket {
  put(
    key: string,
    value: Uint8Array,
    options?: { httpMetadata?: { contentType?: string; cacheControl?: string } },
  ): Promise<unknown>;
  get(key: string): Promise<MediaObject | null>;
  delete(keys: string | string[]): Promise<void>;
  list(options?: { prefix?: string; cursor?: string; limit?: number }): Promise<{
    objects: { key: string; uploaded: Date }[];
    truncated: boolean;
    cursor?: string;
  }>;
}

export interface MediaObject {
  body: ReadableStream;
  size: number;
  httpEtag: string;
  httpMetadata?: { contentType?: string };
}

/** How long a browser or CDN keeps a photo: forever, since its key is its content's hash. */
export const MEDIA_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** `photos/<sha256>.<ext>`, the only keys the media route serves. */
export const MEDIA_KEY_PATTERN = /^photos\/[0-9a-f]{64}\.(jpg|png|webp|avif)$/;

/** Where the app serves a stored photo. */
export const mediaUrl = (key: string) => `/media/${key}`;

/** The media key a URL of the shop names, or null when it names none. */
export function mediaKeyOf(url: string): string | null {
  const key = url.startsWith('/media/') ? url.slice('/media/'.length) : '';
  return MEDIA_KEY_PATTERN.test(key) ? key : null;
}
