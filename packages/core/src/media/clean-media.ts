import {
  and,
  asc,
  type Database,
  databaseErrorKind,
  eq,
  inArray,
  lt,
  media,
  productImages,
  sql,
} from '@edgecart/db';
import type { MediaBucket } from './media-bucket.ts';

/** How long an upload waits for a product to take it before it is removed. */
export const UNUSED_MEDIA_GRACE_MS = 24 * 60 * 60 * 1000;

/** Photos looked at per run: the scheduled run comes back every ten minutes. */
const BATCH = 100;

/** No product image shows the photo. */
const shownNowhere = sql`not exists (select 1 from ${productImages} where ${productImages.mediaKey} = ${media.key})`;

/**
 * The scheduled run's clean-up of the media bucket: removes photos no
 * product shows a day after their upload (uploads never saved to a product,
 * photos taken off every product), then objects in the bucket with no row
 * at all (an upload whose row was never written). Each run lists one
 * sixteenth of the bucket, by the first hex digit of the hash (`shard`,
 * random by default), so that a run stays small however large it grows.
 */
export async function cleanUnusedMedia(
  deps: { db: Database; bucket: MediaBucket; now: Date },
  options: { shard?: string } = {},
): Promise<{ removed: string[] }> {
  const before = new Date(deps.now.getTime() - UNUSED_MEDIA_GRACE_MS);
  const stale = await deps.db
    .select({ key: media.key })
    .from(media)
    .where(and(lt(media.createdAt, before), shownNowhere))
    .orderBy(asc(media.createdAt))
    .limit(BATCH);
  const removed: string[] = [];
  for (const { key } of stale) {
    // Checked again as it is deleted: a product saved meanwhile keeps it. A save at the
    // same instant meets the foreign key (the save is refused with a message; no photo lost).
    const deleted = await deps.db
      .delete(media)
      .where(and(eq(media.key, key), lt(media.createdAt, before), shownNowhere))
      .returning({ key: media.key })
      .catch((error: unknown) => {
        if (databaseErrorKind(error) === 'foreign_key_violation') return [];
        throw error;
      });
    if (deleted.length > 0) removed.push(key);
  }
  if (removed.length > 0) await deps.bucket.delete(removed);

  const shard = options.shard ?? Math.floor(Math.random() * 16).toString(16);
  const listed = await deps.bucket.list({ prefix: `photos/${shard}`, limit: 1000 });
  const old = listed.objects.filter((o) => o.uploaded < before).map((o) => o.key);
  if (old.length > 0) {
    const known = await deps.db
      .select({ key: media.key })
      .from(media)
      .where(inArray(media.key, old));
    const strays = old.filter((key) => !known.some((k) => k.key === key));
    if (strays.length > 0) {
      await deps.bucket.delete(strays);
      removed.push(...strays);
    }
  }
  return { removed };
}
