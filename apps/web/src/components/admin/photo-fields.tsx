'use client';

import { type FormEvent, useEffect, useId, useState } from 'react';
import type { FormState } from '~/lib/form-state';
import { FieldError, invalidProps } from './field-error.tsx';

export interface PhotoRow {
  url: string;
  alt: string;
}

/** The form the upload control belongs to (it sits outside the product form: forms do not nest). */
export const PHOTO_UPLOAD_FORM = 'photo-upload';

const ACCEPT = 'image/jpeg,image/png,image/webp,image/avif';

/** The editor's photos and their upload: state shared by the fields and the upload form. */
export function usePhotos(initial: PhotoRow[], uploadRefused: boolean) {
  const [rows, setRows] = useState(initial);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(
    uploadRefused
      ? 'The photos were refused: each must be a JPEG, PNG, WebP or AVIF file of at most 15 MB and 50 megapixels, 10 at most at once.'
      : null,
  );
  const move = (from: number, to: number) =>
    setRows((current) => {
      if (to < 0 || to >= current.length) return current;
      const next = [...current];
      const [row] = next.splice(from, 1);
      if (row) next.splice(to, 0, row);
      return next;
    });
  const remove = (at: number) => setRows((current) => current.filter((_, n) => n !== at));
  const describe = (at: number, alt: string) =>
    setRows((current) => current.map((row, n) => (n === at ? { ...row, alt } : row)));

  /** With JavaScript: the upload form posts in the background and the photos join the list. */
  const upload = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setUploading(true);
    setUploadError(null);
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        body: new FormData(form),
        headers: { accept: 'application/json' },
      });
      const reply = (await response.json().catch(() => ({}))) as {
        photos?: { url: string }[];
        message?: string;
      };
      const added = reply.photos;
      if (!response.ok || !added) {
        setUploadError(reply.message ?? `The upload failed (${response.status}).`);
        return;
      }
      setRows((current) => [
        ...current,
        ...added
          .filter((photo) => !current.some((row) => row.url === photo.url))
          .map((photo) => ({ url: photo.url, alt: '' })),
      ]);
      const input = document.getElementById('photos');
      if (input instanceof HTMLInputElement) input.value = '';
    } catch {
      setUploadError('The upload did not reach the shop. Check the connection and try again.');
    } finally {
      setUploading(false);
    }
  };
  return { rows, move, remove, describe, uploading, uploadError, upload };
}

export type Photos = ReturnType<typeof usePhotos>;

/**
 * The upload's own form, rendered after the product form (forms do not
 * nest): it holds only where to come back to, and the file input and the
 * button inside the product form join it through their `form` attribute.
 * Without JavaScript it posts to `/admin/photos`, which sends the browser
 * back to the editor with the new photos in `?photos=`.
 */
export function PhotoUploadForm({ photos, returnTo }: { photos: Photos; returnTo: string }) {
  return (
    <form
      id={PHOTO_UPLOAD_FORM}
      action="/admin/photos"
      method="post"
      encType="multipart/form-data"
      onSubmit={photos.upload}
      hidden
    >
      <input type="hidden" name="returnTo" value={returnTo} />
    </form>
  );
}

/**
 * The product's photos in the editor, inside the product form: each with
 * its alt text, in order (the first is the main one), and the control that
 * uploads more. With JavaScript rows move with buttons; without it, the
 * order is typed as numbers. The product's save is what keeps them.
 */
export function PhotoFields({ photos, state }: { photos: Photos; state: FormState }) {
  const [scripted, setScripted] = useState(false);
  const hintId = useId();
  useEffect(() => setScripted(true), []);
  const { rows } = photos;
  return (
    <fieldset
      className="field"
      aria-describedby={state.field === 'images' ? `${hintId} images-error` : hintId}
    >
      <legend>Photos</legend>
      <p className="field__hint" id={hintId}>
        The first photo is the product’s main one. Describe each for shoppers who cannot see it.
      </p>
      <input type="hidden" name="imageRows" value={rows.length} />
      {rows.length === 0 ? <p className="field__hint">No photos yet.</p> : null}
      <ol className="admin-photos">
        {rows.map((row, i) => (
          <li key={row.url} className="admin-photos__row">
            {/* biome-ignore lint/performance/noImgElement: a thumbnail of the stored file itself */}
            <img src={row.url} alt="" width={96} height={96} className="admin-photos__thumb" />
            <input type="hidden" name={`images.${i}.url`} value={row.url} />
            <div className="field">
              <label htmlFor={`images.${i}.alt`}>Alt text for photo {i + 1}</label>
              <input
                id={`images.${i}.alt`}
                name={`images.${i}.alt`}
                value={row.alt}
                maxLength={250}
                onChange={(event) => photos.describe(i, event.target.value)}
                {...invalidProps(state, `images.${i}.alt`)}
              />
              <FieldError state={state} name={`images.${i}.alt`} />
              <FieldError state={state} name={`images.${i}`} />
            </div>
            {scripted ? (
              <div className="admin-photos__actions">
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => photos.move(i, i - 1)}
                  disabled={i === 0}
                  aria-label={`Move photo ${i + 1} up`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => photos.move(i, i + 1)}
                  disabled={i === rows.length - 1}
                  aria-label={`Move photo ${i + 1} down`}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => photos.remove(i)}
                  aria-label={`Remove photo ${i + 1}`}
                >
                  Remove
                </button>
              </div>
            ) : (
              <div className="admin-photos__actions">
                <label>
                  Position{' '}
                  <input
                    name={`images.${i}.position`}
                    inputMode="numeric"
                    defaultValue={i + 1}
                    size={3}
                  />
                </label>
                <label className="field--check">
                  <input type="checkbox" name={`images.${i}.remove`} /> Remove
                </label>
              </div>
            )}
          </li>
        ))}
      </ol>
      <FieldError state={state} name="images" />
      <div className="admin-photos__upload">
        <label htmlFor="photos">Add photos (JPEG, PNG, WebP or AVIF; up to 10 at once)</label>
        <input
          id="photos"
          type="file"
          name="photos"
          multiple
          accept={ACCEPT}
          form={PHOTO_UPLOAD_FORM}
          aria-describedby={photos.uploadError ? 'photos-error' : undefined}
        />
        <button
          type="submit"
          form={PHOTO_UPLOAD_FORM}
          className="button button--secondary"
          disabled={photos.uploading}
        >
          {photos.uploading ? 'Uploading…' : 'Upload photos'}
        </button>
        {photos.uploadError ? (
          <p id="photos-error" className="field__error" role="alert">
            {photos.uploadError}
          </p>
        ) : null}
      </div>
    </fieldset>
  );
}
