'use client';

import type { RouterOutputs } from '@edgecart/api';
import { useActionState } from 'react';
import { saveProductAction } from '~/app/admin/actions';
import { idle } from '~/lib/form-state';
import { FieldError, FormNotice, invalidProps } from './field-error.tsx';
import { PhotoFields, type PhotoRow, PhotoUploadForm, usePhotos } from './photo-fields.tsx';

type Product = RouterOutputs['admin']['products']['get'];
type Collection = RouterOutputs['catalog']['collections'][number];
type Image = RouterOutputs['admin']['products']['imageChoices'][number];

/** Blank rows for new variants: without JavaScript, this is how variants are added. */
const NEW_ROWS = 2;

const optionsText = (options: Record<string, string>) =>
  Object.entries(options)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');

/**
 * The product editor: a Server Action form that works without JavaScript.
 * A refusal shows next to its field (`slug`, `variants.2.sku`, …).
 */
export function ProductForm({
  product,
  collections,
  images,
  uploaded = [],
  uploadRefused = false,
}: {
  product: Product | null;
  collections: Collection[];
  images: Image[];
  /** Photos uploaded without JavaScript, back through the page's `?photos=`. */
  uploaded?: string[];
  uploadRefused?: boolean;
}) {
  const [state, action, pending] = useActionState(saveProductAction, idle);
  const initialPhotos: PhotoRow[] = [
    ...(product?.images ?? []).map(({ url, alt }) => ({ url, alt })),
    ...uploaded.map((url) => ({ url, alt: '' })),
  ].filter((row, i, all) => all.findIndex((other) => other.url === row.url) === i);
  const photos = usePhotos(initialPhotos, uploadRefused);
  const returnTo = product ? `/admin/products/${product.id}` : '/admin/products/new';
  const choices = images.filter((image) => !photos.rows.some((row) => row.url === image.url));
  const variants = product?.variants ?? [];
  const rows = variants.length + NEW_ROWS;
  const fieldNames = [
    'title',
    'slug',
    'description',
    'status',
    'currency',
    'collections',
    'images',
    ...Array.from({ length: 12 }, (_, i) => [`images.${i}`, `images.${i}.alt`]).flat(),
    'taxCode',
    'variants',
  ];
  for (let i = 0; i < rows; i++) {
    for (const part of ['sku', 'title', 'options', 'price', 'stock', 'weightGrams'])
      fieldNames.push(`variants.${i}.${part}`);
  }
  return (
    <>
      <form action={action} className="admin-form" noValidate>
        <FormNotice state={state} fields={fieldNames} />
        {product ? <input type="hidden" name="id" value={product.id} /> : null}
        <input type="hidden" name="variantRows" value={rows} />
        <div className="field">
          <label htmlFor="title">Title</label>
          <input
            id="title"
            name="title"
            defaultValue={product?.title}
            required
            maxLength={200}
            {...invalidProps(state, 'title')}
          />
          <FieldError state={state} name="title" />
        </div>
        <div className="field">
          <label htmlFor="slug">Slug (the address: /products/…)</label>
          <input
            id="slug"
            name="slug"
            defaultValue={product?.slug}
            required
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            {...invalidProps(state, 'slug')}
          />
          <FieldError state={state} name="slug" />
        </div>
        <div className="field">
          <label htmlFor="description">Description</label>
          <textarea
            id="description"
            name="description"
            rows={4}
            defaultValue={product?.description}
            maxLength={5000}
            {...invalidProps(state, 'description')}
          />
          <FieldError state={state} name="description" />
        </div>
        <div className="admin-form__row">
          <div className="field">
            <label htmlFor="status">Status</label>
            <select
              id="status"
              name="status"
              defaultValue={product?.status ?? 'draft'}
              {...invalidProps(state, 'status')}
            >
              <option value="active">Active: in the shop</option>
              <option value="draft">Draft: hidden</option>
              <option value="archived">Archived: hidden, kept for orders</option>
            </select>
            <FieldError state={state} name="status" />
          </div>
          <div className="field">
            <label htmlFor="currency">Currency</label>
            <input
              id="currency"
              name="currency"
              defaultValue={product?.currency ?? 'USD'}
              required
              maxLength={3}
              size={4}
              {...invalidProps(state, 'currency')}
            />
            <FieldError state={state} name="currency" />
          </div>
        </div>

        <div className="admin-form__row">
          <div className="field field--check">
            <input
              id="requiresShipping"
              type="checkbox"
              name="requiresShipping"
              defaultChecked={product?.requiresShipping ?? true}
            />
            <label htmlFor="requiresShipping">
              Posted: the shopper gives an address and pays shipping
            </label>
          </div>
          <div className="field">
            <label htmlFor="taxCode">Stripe tax code</label>
            <input
              id="taxCode"
              name="taxCode"
              defaultValue={product?.taxCode ?? ''}
              placeholder="the shop's default"
              maxLength={13}
              size={14}
              {...invalidProps(state, 'taxCode')}
              aria-describedby={
                state.field === 'taxCode' ? 'taxCode-hint taxCode-error' : 'taxCode-hint'
              }
            />
            <p id="taxCode-hint" className="field__hint">
              Blank: the shop&apos;s default. Used when tax is on (Stripe Tax).
            </p>
            <FieldError state={state} name="taxCode" />
          </div>
        </div>

        <fieldset
          className="field"
          aria-describedby={state.field === 'collections' ? 'collections-error' : undefined}
        >
          <legend>Collections</legend>
          {collections.map((c) => (
            <label key={c.slug} className="field--check">
              <input
                type="checkbox"
                name="collections"
                value={c.slug}
                defaultChecked={product?.collections.includes(c.slug)}
              />{' '}
              {c.title}
            </label>
          ))}
          <FieldError state={state} name="collections" />
        </fieldset>

        <PhotoFields photos={photos} state={state} />
        {choices.length > 0 ? (
          <fieldset className="field">
            <legend>Add from the shop’s image set</legend>
            <div className="admin-images">
              {choices.map((image) => (
                <label key={image.url} className="admin-images__choice">
                  <input type="checkbox" name="addImages" value={image.url} />
                  {/* biome-ignore lint/performance/noImgElement: local SVGs need no optimiser */}
                  <img src={image.url} alt={image.alt} width={64} height={64} loading="lazy" />
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}

        <fieldset className="field">
          <legend>Variants</legend>
          <p className="field__hint">
            Prices in minor units (cents). Options as <code>Size=M, Colour=Forest</code>. Fill a
            blank row to add a variant; stock of existing variants changes below.
          </p>
          <FieldError state={state} name="variants" />
          <table className="admin-table admin-table--form">
            <thead>
              <tr>
                <th scope="col">SKU</th>
                <th scope="col">Title</th>
                <th scope="col">Options</th>
                <th scope="col">Price</th>
                <th scope="col">Stock</th>
                <th scope="col">Weight (g)</th>
                <th scope="col">Remove</th>
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: rows }, (_, i) => {
                const v = variants[i];
                const name = (part: string) => `variants.${i}.${part}`;
                const row = v ? `variant ${v.sku}` : `new variant ${i - variants.length + 1}`;
                return (
                  <tr key={v?.id ?? `new-${i}`}>
                    <td>
                      {v ? <input type="hidden" name={name('id')} value={v.id} /> : null}
                      <input
                        aria-label={`SKU of ${row}`}
                        name={name('sku')}
                        defaultValue={v?.sku}
                        maxLength={64}
                        {...invalidProps(state, name('sku'))}
                      />
                      <FieldError state={state} name={name('sku')} />
                    </td>
                    <td>
                      <input
                        aria-label={`Title of ${row}`}
                        name={name('title')}
                        defaultValue={v?.title}
                        maxLength={200}
                        {...invalidProps(state, name('title'))}
                      />
                      <FieldError state={state} name={name('title')} />
                    </td>
                    <td>
                      <input
                        aria-label={`Options of ${row}`}
                        name={name('options')}
                        defaultValue={v ? optionsText(v.options) : ''}
                        {...invalidProps(state, name('options'))}
                      />
                      <FieldError state={state} name={name('options')} />
                    </td>
                    <td>
                      <input
                        aria-label={`Price of ${row}, in cents`}
                        name={name('price')}
                        inputMode="numeric"
                        defaultValue={v?.price}
                        size={8}
                        {...invalidProps(state, name('price'))}
                      />
                      <FieldError state={state} name={name('price')} />
                    </td>
                    <td>
                      {v ? (
                        v.stock
                      ) : (
                        <input
                          aria-label={`Opening stock of ${row}`}
                          name={name('stock')}
                          inputMode="numeric"
                          defaultValue={0}
                          size={5}
                          {...invalidProps(state, name('stock'))}
                        />
                      )}
                    </td>
                    <td>
                      <input
                        aria-label={`Weight of ${row}, in grams`}
                        name={name('weightGrams')}
                        inputMode="numeric"
                        defaultValue={v?.weightGrams ?? 0}
                        size={6}
                        {...invalidProps(state, name('weightGrams'))}
                      />
                      <FieldError state={state} name={name('weightGrams')} />
                    </td>
                    <td>
                      {v ? (
                        <input type="checkbox" name={name('remove')} aria-label={`Remove ${row}`} />
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </fieldset>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Saving…' : product ? 'Save changes' : 'Create product'}
        </button>
      </form>
      <PhotoUploadForm photos={photos} returnTo={returnTo} />
    </>
  );
}
