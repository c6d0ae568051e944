import { media, productImages, sql } from '@edgecart/db';
import { createPgliteDb } from '@edgecart/db/pglite';
import { type LocalR2, startLocalR2 } from '@edgecart/dev-services';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminGetProduct, saveProduct } from '../admin/admin-products.ts';
import { InvalidInputError } from '../errors.ts';
import { cleanUnusedMedia, UNUSED_MEDIA_GRACE_MS } from './clean-media.ts';
import type { MediaBucket } from './media-bucket.ts';
import { inspectPhoto, PHOTO_BYTES_MAX } from './photo-file.ts';
import { uploadPhotos } from './upload-photos.ts';

type Format = 'jpeg' | 'png' | 'webp' | 'avif';

async function photo(format: Format, width = 40, height = 30, colour = '#b0413e') {
  const image = sharp({ create: { width, height, channels: 3, background: colour } });
  return new Uint8Array(await image[format]().toBuffer());
}

describe('what a file is, read from its content', () => {
  it('takes JPEG, PNG, WebP and AVIF photos, whatever their names, with their dimensions', async () => {
    for (const [format, extension, contentType] of [
      ['jpeg', 'jpg', 'image/jpeg'],
      ['png', 'png', 'image/png'],
      ['webp', 'webp', 'image/webp'],
      ['avif', 'avif', 'image/avif'],
    ] as const) {
      const bytes = await photo(format, 64, 48);
      expect(inspectPhoto(bytes)).toEqual({
        extension,
        contentType,
        width: 64,
        height: 48,
        bytes: bytes.byteLength,
      });
    }
  });

  it('refuses what is not a photo, saying what to upload instead', async () => {
    const svg = new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
    );
    const gif = new Uint8Array(
      Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'),
    );
    const script = new TextEncoder().encode('#!/bin/sh\nrm -rf /\n');
    expect(inspectPhoto(svg)).toEqual({
      refused: 'is in SVG format: upload a JPEG, PNG, WebP or AVIF file.',
    });
    expect(inspectPhoto(gif)).toEqual({
      refused: 'is in GIF format: upload a JPEG, PNG, WebP or AVIF file.',
    });
    expect(inspectPhoto(script)).toMatchObject({
      refused: expect.stringMatching(/is not a photo/),
    });
    expect(inspectPhoto(new Uint8Array())).toEqual({ refused: 'is empty.' });
    // A PNG cut short keeps its header: the size is read; a JPEG with no frame is not.
    const jpeg = await photo('jpeg');
    expect(inspectPhoto(jpeg.slice(0, 20))).toMatchObject({ refused: expect.any(String) });
  });

  it('refuses a file past the byte limit and a photo past the pixel limit', async () => {
    const big = new Uint8Array(PHOTO_BYTES_MAX + 1);
    big.set(await photo('png'));
    expect(inspectPhoto(big)).toEqual({ refused: 'is 15.0 MB; a photo is at most 15.0 MB.' });
    // A PNG whose header says 10,000 × 6,000: a few bytes, refused by its pixels, not its size.
    const huge = await photo('png', 10, 6);
    const header = new DataView(huge.buffer, huge.byteOffset);
    header.setUint32(16, 10_000); // IHDR width
    header.setUint32(20, 6_000); // IHDR height
    expect(inspectPhoto(huge)).toEqual({
      refused: 'is 10000 × 6000 pixels; a photo is at most 50 megapixels.',
    });
  });
});

describe('uploads in the media bucket (R2, wrangler local mode)', () => {
  let r2: LocalR2;
  let bucket: MediaBucket;
  let pglite: Awaited<ReturnType<typeof createPgliteDb>>;
  const now = new Date('2026-12-03T10:00:00.000Z');
  const later = (ms: number) => new Date(now.getTime() + ms);

  beforeAll(async () => {
    r2 = await startLocalR2();
    bucket = r2.bucket as unknown as MediaBucket;
    pglite = await createPgliteDb();
  });
  afterAll(async () => {
    await pglite?.close();
    await r2?.close();
  });

  const stored = async (key: string) => {
    const object = await bucket.get(key);
    if (!object) return null;
    const bytes = new Uint8Array(await new Response(object.body).arrayBuffer());
    return { bytes, contentType: object.httpMetadata?.contentType };
  };

  it('stores each photo under the hash of its content, once, and records it', async () => {
    const { db } = pglite;
    const front = await photo('jpeg', 120, 90, '#2f6f4f');
    const back = await photo('webp', 90, 120, '#6f2f4f');
    const uploaded = await uploadPhotos({ db, bucket, now }, [
      { name: 'front.jpg', bytes: front },
      { name: 'back.webp', bytes: back },
      { name: 'front again.jpg', bytes: front },
    ]);
    expect(uploaded).toHaveLength(2);
    const [first, second] = uploaded;
    expect(first?.key).toMatch(/^photos\/[0-9a-f]{64}\.jpg$/);
    expect(first).toMatchObject({ url: `/media/${first?.key}`, width: 120, height: 90 });
    expect(second).toMatchObject({ width: 90, height: 120 });
    expect(await stored(first?.key ?? '')).toEqual({ bytes: front, contentType: 'image/jpeg' });
    expect(await stored(second?.key ?? '')).toEqual({ bytes: back, contentType: 'image/webp' });
    // The same file again: the same key, one row.
    const again = await uploadPhotos({ db, bucket, now }, [{ name: 'copy.jpg', bytes: front }]);
    expect(again[0]?.key).toBe(first?.key);
    expect(await db.$count(media)).toBe(2);
  });

  it('refuses the whole upload when one file is not a photo, and stores nothing', async () => {
    const { db } = pglite;
    const rows = await db.$count(media);
    const listed = (await bucket.list({ prefix: 'photos/' })).objects.length;
    const good = await photo('png', 50, 50, '#123456');
    const upload = uploadPhotos({ db, bucket, now }, [
      { name: 'good.png', bytes: good },
      { name: 'invoice.pdf', bytes: new TextEncoder().encode('%PDF-1.7\n') },
    ]);
    await expect(upload).rejects.toBeInstanceOf(InvalidInputError);
    await expect(upload).rejects.toMatchObject({
      message: 'invoice.pdf is not a photo: upload a JPEG, PNG, WebP or AVIF file.',
      field: 'photos',
    });
    await expect(uploadPhotos({ db, bucket, now }, [])).rejects.toThrow(/at least one photo/);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ name: `${i}.png`, bytes: good }));
    await expect(uploadPhotos({ db, bucket, now }, eleven)).rejects.toThrow(/at most 10 photos/);
    expect(await db.$count(media)).toBe(rows);
    expect((await bucket.list({ prefix: 'photos/' })).objects).toHaveLength(listed);
  });

  it('gives photos to a product in order, with alt text required, and keeps only those shown a day on', async () => {
    const { db } = pglite;
    const [kept, dropped] = await uploadPhotos({ db, bucket, now }, [
      { name: 'kept.png', bytes: await photo('png', 80, 60, '#aa0000') },
      { name: 'dropped.png', bytes: await photo('png', 80, 60, '#00aa00') },
    ]);
    if (!kept || !dropped) throw new Error('two photos were uploaded');
    const product = {
      title: 'Canvas tote',
      slug: 'canvas-tote-photos',
      description: '',
      status: 'active' as const,
      currency: 'USD',
      collections: [],
      variants: [{ sku: 'TOTE-PHOTO', title: 'Tote', options: {}, price: 2500, stock: 3 }],
    };
    const deps = { db, now, actor: 'admin:photos' };
    await expect(
      saveProduct(deps, null, { ...product, images: [{ url: kept.url, alt: ' ' }] }),
    ).rejects.toMatchObject({ field: 'images.0.alt', message: expect.stringMatching(/Describe/) });
    const { id } = await saveProduct(deps, null, {
      ...product,
      images: [
        { url: dropped.url, alt: 'The tote, open' },
        { url: kept.url, alt: 'The tote, from the front' },
      ],
    });
    const shown = async () =>
      (
        await db
          .select({ url: productImages.url, alt: productImages.alt, width: productImages.width })
          .from(productImages)
          .where(sql`${productImages.productId} = ${id}`)
          .orderBy(productImages.position)
      ).map((i) => [i.url, i.alt, i.width]);
    expect(await shown()).toEqual([
      [dropped.url, 'The tote, open', 80],
      [kept.url, 'The tote, from the front', 80],
    ]);
    // The second photo comes off the product; the first stays.
    const { variants } = await adminGetProduct(db, id);
    await saveProduct(deps, id, {
      ...product,
      variants,
      images: [{ url: kept.url, alt: 'The tote, from the front' }],
    });
    expect(await shown()).toEqual([[kept.url, 'The tote, from the front', 80]]);

    // Within the day, nothing goes; a day on, what no product shows is removed.
    const before = await db.$count(media);
    expect((await cleanUnusedMedia({ db, bucket, now: later(60_000) })).removed).toEqual([]);
    const { removed } = await cleanUnusedMedia({
      db,
      bucket,
      now: later(UNUSED_MEDIA_GRACE_MS + 60_000),
    });
    expect(removed).toContain(dropped.key);
    expect(removed).not.toContain(kept.key);
    expect(await stored(dropped.key)).toBeNull();
    expect(await stored(kept.key)).not.toBeNull();
    expect(await db.$count(media)).toBe(before - removed.length);
    // A photo removed meanwhile cannot be given to a product: the save says to upload it again.
    await expect(
      saveProduct(deps, id, {
        ...product,
        variants,
        images: [{ url: dropped.url, alt: 'Back again' }],
      }),
    ).rejects.toThrow(/no longer stored/);
  });

  it('removes objects in the bucket that no row records, once they are a day old', async () => {
    const { db } = pglite;
    const bytes = await photo('png', 20, 20, '#0000aa');
    const digest = Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');
    const key = `photos/${digest}.png`;
    await bucket.put(key, bytes, { httpMetadata: { contentType: 'image/png' } });
    const shard = digest.charAt(0);
    // R2 dates an object by its upload: a day on from now, it is old enough.
    const dayOn = new Date(Date.now() + UNUSED_MEDIA_GRACE_MS + 60_000);
    expect((await cleanUnusedMedia({ db, bucket, now: new Date() }, { shard })).removed).toEqual(
      [],
    );
    const { removed } = await cleanUnusedMedia({ db, bucket, now: dayOn }, { shard });
    expect(removed).toContain(key);
    expect(await stored(key)).toBeNull();
  });
});
