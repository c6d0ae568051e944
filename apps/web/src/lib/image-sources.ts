/** Widths a photo is offered at, for `srcset`. */
const WIDTHS = [320, 480, 640, 960, 1280, 1920];

/**
 * The sources of a product image. An uploaded photo (`/media/…`) is offered
 * in several widths through Cloudflare Images transformations
 * (`/cdn-cgi/image/…`, which the shop's zone serves once Transformations are
 * turned on: `IMAGE_TRANSFORMATIONS=cloudflare`), never wider than the photo
 * itself. Without them (locally, and on workers.dev previews, which have no
 * zone) the photo is served as it was uploaded; the bundled SVGs always are.
 */
export function imageSources(
  image: { url: string; width: number },
  transform: boolean,
): { src: string; srcSet?: string } {
  if (!transform || !image.url.startsWith('/media/')) return { src: image.url };
  const via = (width: number) =>
    `/cdn-cgi/image/width=${width},fit=scale-down,format=auto,quality=80${image.url}`;
  const widths = WIDTHS.filter((w) => w < image.width);
  return {
    src: via(Math.min(960, image.width)),
    srcSet: [...widths, image.width]
      .filter((w, i, all) => all.indexOf(w) === i && w <= 1920)
      .map((w) => `${via(w)} ${w}w`)
      .join(', '),
  };
}
