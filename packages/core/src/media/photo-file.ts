import { imageSize } from 'image-size';

/** A photo's largest file: a full-resolution phone photo fits. */
export const PHOTO_BYTES_MAX = 15 * 1024 * 1024;

/** A photo's largest area in pixels (50 megapixels: 8660 × 5773, or so). */
export const PHOTO_PIXELS_MAX = 50_000_000;

/** Photos in one upload. */
export const PHOTOS_PER_UPLOAD_MAX = 10;

/** The photo formats a shop takes, by what `image-size` reads from their content. */
const FORMATS = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
} as const;

export type PhotoExtension = keyof typeof FORMATS;

export interface PhotoFacts {
  extension: PhotoExtension;
  contentType: (typeof FORMATS)[PhotoExtension];
  width: number;
  height: number;
  bytes: number;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * What a file is, read from its content (the format's signature and the
 * dimensions in its header), never from its name or the type the browser
 * claimed. Returns why it is refused, in the merchant's words, when it is
 * not a JPEG, PNG, WebP or AVIF photo within the limits.
 */
export function inspectPhoto(bytes: Uint8Array): PhotoFacts | { refused: string } {
  if (bytes.byteLength === 0) return { refused: 'is empty.' };
  if (bytes.byteLength > PHOTO_BYTES_MAX) {
    return {
      refused: `is ${megabytes(bytes.byteLength)}; a photo is at most ${megabytes(PHOTO_BYTES_MAX)}.`,
    };
  }
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    return { refused: 'is not a photo: upload a JPEG, PNG, WebP or AVIF file.' };
  }
  const type = size.type;
  if (!type || !(type in FORMATS)) {
    return {
      refused: `is ${type ? `in ${type.toUpperCase()} format` : 'not a photo'}: upload a JPEG, PNG, WebP or AVIF file.`,
    };
  }
  const extension = type as PhotoExtension;
  // EXIF orientations 5 to 8 turn the picture on its side: it shows with width and height swapped.
  const turned = (size.orientation ?? 1) >= 5;
  const width = turned ? size.height : size.width;
  const height = turned ? size.width : size.height;
  if (!(width > 0 && height > 0)) return { refused: 'has no width or height.' };
  if (width * height > PHOTO_PIXELS_MAX) {
    return {
      refused: `is ${width} × ${height} pixels; a photo is at most ${PHOTO_PIXELS_MAX / 1_000_000} megapixels.`,
    };
  }
  return { extension, contentType: FORMATS[extension], width, height, bytes: bytes.byteLength };
}
