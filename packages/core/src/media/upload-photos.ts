import { type Database, media, sql } from '@edgecart/db';
import { InvalidInputError, UnavailableError } from '../errors.ts';
import { MEDIA_CACHE_CONTROL, type MediaBucket, mediaUrl } from './media-bucket.ts';
import { inspectPhoto, PHOTOS_PER_UPLOAD_MAX, type PhotoFacts } from './photo-file.ts';

export interface PhotoFile {
  /** The file's name on the merchant's computer, for messages only. */
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export interface UploadedPhoto {
  key: string;
  url: string;
  width: number;
  height: number;
}

const hex = (digest: ArrayBuffer) =>
  [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** A file name fit for a message: one line, not too long. */
const shownName = (name: string) => {
  const clean =
    [...name]
      .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
      .join('')
      .trim() || 'A file';
  return clean.length > 80 ? `${clean.slice(0, 77)}…` : clean;
};

/**
 * Stores a merchant's photos in the media bucket, each under the SHA-256 of
 * its content, and records them, ready to be given to a product. Every file
 * is checked first: one that is not a photo within the limits refuses the
 * whole upload, naming it, and nothing is stored. A photo no product takes
 * within a day is removed by the scheduled run (clean-media.ts); uploading
 * the same file again restarts that day.
 */
export async function uploadPhotos(
  deps: { db: Database; bucket: MediaBucket; now: Date },
  files: PhotoFile[],
): Promise<UploadedPhoto[]> {
  if (files.length === 0) {
    throw new InvalidInputError('Choose at least one photo to upload.', { field: 'photos' });
  }
  if (files.length > PHOTOS_PER_UPLOAD_MAX) {
    throw new InvalidInputError(
      `Upload at most ${PHOTOS_PER_UPLOAD_MAX} photos at once (${files.length} were chosen).`,
      { field: 'photos' },
    );
  }
  const checked: (PhotoFacts & { key: string; file: PhotoFile })[] = [];
  for (const file of files) {
    const facts = inspectPhoto(file.bytes);
    if ('refused' in facts) {
      throw new InvalidInputError(`${shownName(file.name)} ${facts.refused}`, { field: 'photos' });
    }
    const digest = await crypto.subtle.digest('SHA-256', file.bytes);
    const key = `photos/${hex(digest)}.${facts.extension}`;
    // The same file chosen twice is one photo.
    if (!checked.some((photo) => photo.key === key)) checked.push({ ...facts, key, file });
  }
  try {
    await Promise.all(
      checked.map((photo) =>
        deps.bucket.put(photo.key, photo.file.bytes, {
          httpMetadata: { contentType: photo.contentType, cacheControl: MEDIA_CACHE_CONTROL },
        }),
      ),
    );
  } catch (cause) {
    // Whatever was stored has no row: the scheduled run's bucket check removes it.
    throw new UnavailableError('The photo store cannot be reached right now. Please try again.', {
      cause,
    });
  }
  await deps.db
    .insert(media)
    .values(
      checked.map((photo) => ({
        key: photo.key,
        contentType: photo.contentType,
        bytes: photo.bytes,
        width: photo.width,
        height: photo.height,
        createdAt: deps.now,
      })),
    )
    .onConflictDoUpdate({ target: media.key, set: { createdAt: sql`excluded.created_at` } });
  return checked.map((photo) => ({
    key: photo.key,
    url: mediaUrl(photo.key),
    width: photo.width,
    height: photo.height,
  }));
}
