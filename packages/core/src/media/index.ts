export { cleanUnusedMedia, UNUSED_MEDIA_GRACE_MS } from './clean-media.ts';
export {
  MEDIA_CACHE_CONTROL,
  MEDIA_KEY_PATTERN,
  type MediaBucket,
  type MediaObject,
  mediaKeyOf,
  mediaUrl,
} from './media-bucket.ts';
export {
  inspectPhoto,
  PHOTO_BYTES_MAX,
  PHOTO_PIXELS_MAX,
  PHOTOS_PER_UPLOAD_MAX,
  type PhotoFacts,
} from './photo-file.ts';
export { type PhotoFile, type UploadedPhoto, uploadPhotos } from './upload-photos.ts';
