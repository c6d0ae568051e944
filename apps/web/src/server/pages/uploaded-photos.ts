import { MEDIA_KEY_PATTERN, mediaUrl } from '@edgecart/core';

/**
 * The photos an upload without JavaScript sent back to the editor in
 * `?photos=key,key`: only well-formed keys, as the URLs the editor shows.
 * Whether they are still stored is the save's to check.
 */
export function uploadedPhotos(query: Record<string, string | string[] | undefined>): string[] {
  const value = typeof query.photos === 'string' ? query.photos : '';
  return value
    .split(',')
    .filter((key) => MEDIA_KEY_PATTERN.test(key))
    .slice(0, 12)
    .map(mediaUrl);
}
