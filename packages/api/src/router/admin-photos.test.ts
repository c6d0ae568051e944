import type { MediaBucket } from '@edgecart/core';
import { type Database, media } from '@edgecart/db';
import { type LocalR2, startLocalR2 } from '@edgecart/dev-services';
import type Argon2 from '@phi-ag/argon2';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAs } from '../testing/account-http.ts';
import { openTestShop } from '../testing/shop.ts';

let db: Database;
let close: () => Promise<void>;
let argon2: Argon2;
let r2: LocalR2;
let bucket: MediaBucket;

beforeAll(async () => {
  ({ db, close, argon2 } = await openTestShop());
  r2 = await startLocalR2();
  bucket = r2.bucket as unknown as MediaBucket;
});
afterAll(async () => {
  await close?.();
  await r2?.close();
});

const as = (role: 'visitor' | 'customer' | 'admin', withBucket = true) =>
  browserAs(db, argon2, role, withBucket ? { media: bucket } : {});

async function photo(format: 'jpeg' | 'webp', colour: string, width = 60, height = 40) {
  const image = sharp({ create: { width, height, channels: 3, background: colour } });
  return new Blob([new Uint8Array(await image[format]().toBuffer())]);
}

const form = (...files: [Blob, string][]) => {
  const body = new FormData();
  for (const [blob, name] of files) body.append('photos', blob, name);
  return body;
};

describe('photo uploads over HTTP (multipart), into R2', () => {
  it('lets only an admin upload, and refuses what is not a photo without storing anything', async () => {
    const front = await photo('jpeg', '#884422');
    expect(
      (await (await as('visitor')).call('admin.media.upload', form([front, 'a.jpg']))).status,
    ).toBe(401);
    expect(
      (await (await as('customer')).call('admin.media.upload', form([front, 'a.jpg']))).status,
    ).toBe(403);
    const admin = await as('admin');
    const rows = await db.$count(media);
    const refused = await admin.call(
      'admin.media.upload',
      form([front, 'front.jpg'], [new Blob(['name,price\n']), 'catalog.csv']),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error?.json?.message).toBe(
      'catalog.csv is not a photo: upload a JPEG, PNG, WebP or AVIF file.',
    );
    expect(refused.body.error?.json?.data?.field).toBe('photos');
    const empty = await admin.call('admin.media.upload', new FormData());
    expect(empty.status).toBe(400);
    expect(await db.$count(media)).toBe(rows);
    expect((await bucket.list({ prefix: 'photos/' })).objects).toHaveLength(0);
    // A JSON body is not an upload.
    expect((await admin.call('admin.media.upload', { photos: ['x'] })).status).toBe(400);
    // Without the bucket binding: unavailable, and it says why.
    const unbound = await (await as('admin', false)).call(
      'admin.media.upload',
      form([front, 'front.jpg']),
    );
    expect(unbound.status).toBe(503);
    expect(unbound.body.error?.json?.message).toMatch(/MEDIA bucket/);
  });

  it('gives two uploaded photos to a new product, which shoppers then see in that order', async () => {
    const admin = await as('admin');
    const uploaded = await admin.call(
      'admin.media.upload',
      form(
        [await photo('jpeg', '#225588', 90, 60), 'side.jpg'],
        [await photo('webp', '#552288', 60, 90), 'top.webp'],
      ),
    );
    expect(uploaded.status).toBe(200);
    const { photos } = (uploaded.body.result?.data?.json ?? { photos: [] }) as {
      photos: { key: string; url: string; width: number; height: number }[];
    };
    expect(photos.map((p) => [p.url.replace(/[0-9a-f]{64}/, 'HASH'), p.width, p.height])).toEqual([
      ['/media/photos/HASH.jpg', 90, 60],
      ['/media/photos/HASH.webp', 60, 90],
    ]);
    const slug = `photo-tote-${crypto.randomUUID().slice(0, 6)}`;
    const product = {
      title: 'Photo tote',
      slug,
      description: '',
      status: 'active',
      currency: 'USD',
      collections: [],
      variants: [{ sku: `${slug}-1`, title: 'One size', options: {}, price: 1900, stock: 2 }],
    };
    const noAlt = await admin.call('admin.products.save', {
      product: { ...product, images: photos.map((p) => ({ url: p.url, alt: '' })) },
    });
    expect(noAlt.status).toBe(400);
    expect(noAlt.body.error?.json?.data?.field).toBe('images.0.alt');
    const saved = await admin.call('admin.products.save', {
      product: {
        ...product,
        images: [
          { url: photos[1]?.url, alt: 'The tote from above' },
          { url: photos[0]?.url, alt: 'The tote from the side' },
        ],
      },
    });
    expect(saved.status).toBe(200);
    const shown = await (await as('visitor')).call('catalog.product', { slug }, 'GET');
    const { images } = (shown.body.result?.data?.json ?? { images: [] }) as {
      images: { url: string; alt: string; width: number; height: number }[];
    };
    expect(images).toEqual([
      { url: photos[1]?.url, alt: 'The tote from above', width: 60, height: 90 },
      { url: photos[0]?.url, alt: 'The tote from the side', width: 90, height: 60 },
    ]);
  });
});
