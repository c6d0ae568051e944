import { describe, expect, it } from 'vitest';
import { imageSources } from './image-sources.ts';

const photo = {
  url: '/media/photos/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.jpg',
  width: 1000,
};

describe('product image sources', () => {
  it('offers an uploaded photo in widths up to its own through Cloudflare transformations', () => {
    const { src, srcSet } = imageSources(photo, true);
    expect(src).toBe(`/cdn-cgi/image/width=960,fit=scale-down,format=auto,quality=80${photo.url}`);
    expect(srcSet?.split(', ').map((s) => s.split(' ')[1])).toEqual([
      '320w',
      '480w',
      '640w',
      '960w',
      '1000w',
    ]);
  });

  it('serves the photo as uploaded without transformations, and bundled SVGs always', () => {
    expect(imageSources(photo, false)).toEqual({ src: photo.url });
    expect(imageSources({ url: '/images/peacoat.svg', width: 800 }, true)).toEqual({
      src: '/images/peacoat.svg',
    });
  });

  it('never offers a width past the photo, nor past 1920', () => {
    const small = imageSources({ ...photo, width: 300 }, true);
    expect(small.srcSet).toBe(
      `/cdn-cgi/image/width=300,fit=scale-down,format=auto,quality=80${photo.url} 300w`,
    );
    const huge = imageSources({ ...photo, width: 6000 }, true);
    expect(huge.srcSet?.endsWith('1920w')).toBe(true);
  });
});
