import { imageSources } from '~/lib/image-sources';

/**
 * A product's image, in responsive sizes where the shop's zone transforms
 * images (`transform`, from IMAGE_TRANSFORMATIONS); plain otherwise.
 */
export function ProductImage({
  image,
  transform,
  sizes,
  className,
  loading,
}: {
  image: { url: string; alt: string; width: number; height: number };
  transform: boolean;
  /** How wide it shows, for the browser to pick from `srcset`. */
  sizes: string;
  className?: string;
  /**
   * `first`: the page's likely largest paint, fetched at once and at high
   * priority; `lazy`: fetched when scrolled near. The browser's default otherwise.
   */
  loading?: 'first' | 'lazy';
}) {
  const { src, srcSet } = imageSources(image, transform);
  return (
    // biome-ignore lint/performance/noImgElement: sizes come from Cloudflare's transformations (docs in lib/image-sources.ts)
    <img
      className={className}
      src={src}
      srcSet={srcSet}
      sizes={srcSet ? sizes : undefined}
      alt={image.alt}
      width={image.width}
      height={image.height}
      loading={loading === 'lazy' ? 'lazy' : 'eager'}
      fetchPriority={loading === 'first' ? 'high' : undefined}
      decoding={loading === 'first' ? undefined : 'async'}
    />
  );
}
