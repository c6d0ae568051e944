import { MAX_STOCK, PRODUCT_IMAGES_MAX } from '@edgecart/core';
import { orderStatuses, productStatus, promotionStatuses, taxBehaviors } from '@edgecart/db';
import { z } from 'zod';
import { slugSchema } from './catalog.schema.ts';
import { storableText } from './storable-text.ts';

const text = (what: string, max: number, min = 0) =>
  z
    .string()
    .trim()
    .min(min, `${what} is required.`)
    .max(max, `${what} is at most ${max} characters.`)
    .superRefine(storableText(what));

const id = (what: string) => z.guid(`There is no such ${what}.`);

/** Prices are integer minor units inside a 32-bit integer. */
const price = z
  .number()
  .int('Prices are whole minor units (cents).')
  .min(0, 'Prices are not negative.')
  .max(100_000_000, 'Prices are at most 100000000.');

const stock = z
  .number()
  .int('Stock is a whole number.')
  .min(0, 'Stock is not negative.')
  .max(MAX_STOCK, `Stock is at most ${MAX_STOCK}.`);

export const skuSchema = z
  .string()
  .trim()
  .min(1, 'A sku is required.')
  .max(64, 'A sku is at most 64 characters.')
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
    'A sku has letters, digits, dots, dashes and underscores.',
  );

export const productInput = z.object({
  title: text('The title', 200, 1),
  slug: slugSchema,
  description: text('The description', 5_000),
  status: z.enum(productStatus),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'A currency is three capital letters (ISO 4217), like USD.'),
  collections: z.array(slugSchema).max(20, 'At most 20 collections.'),
  images: z
    .array(
      z.object({
        url: z
          .string()
          .max(500)
          .regex(
            /^\/(images\/[\w./-]+|media\/photos\/[0-9a-f]{64}\.(jpg|png|webp|avif))$/,
            'Upload a photo, or choose an image from the shop’s image set.',
          ),
        alt: text('Alt text', 250),
      }),
    )
    .max(PRODUCT_IMAGES_MAX, `At most ${PRODUCT_IMAGES_MAX} images.`),
  requiresShipping: z.boolean().optional(),
  taxCode: z
    .string()
    .regex(/^txcd_\d{8}$/, 'A Stripe tax code is txcd_ and eight digits, like txcd_99999999.')
    .nullable()
    .optional(),
  variants: z
    .array(
      z.object({
        id: id('variant').optional(),
        sku: skuSchema,
        title: text('A variant title', 200, 1),
        options: z
          .record(text('An option name', 40, 1), text('An option value', 80, 1))
          .refine((o) => Object.keys(o).length <= 5, 'At most 5 options.'),
        price,
        stock: stock.optional(),
        weightGrams: z
          .number()
          .int('Weights are whole grams.')
          .min(0, 'Weights are not negative.')
          .max(1_000_000, 'At most 1000000 grams.')
          .optional(),
      }),
    )
    .min(1, 'A product needs at least one variant.')
    .max(100, 'At most 100 variants.'),
});

export const saveProductInput = z.object({
  /** Absent: a new product. */
  id: id('product').optional(),
  product: productInput,
});

/** Photos for the product editor, as multipart/form-data: each file in a `photos` field. */
export const uploadPhotosInput = z.instanceof(FormData, {
  message: 'Send the photos as multipart/form-data, each in a "photos" field.',
});

/** A catalog CSV for the import's dry run, as multipart/form-data: the file in `file`. */
export const checkImportInput = z.instanceof(FormData, {
  message: 'Send the catalog as multipart/form-data, the file in a "file" field.',
});

export const listProductsAdminInput = z.object({
  q: text('The search', 100).optional(),
  status: z.enum(productStatus).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});

export const adjustStockInput = z.object({
  variantId: id('variant'),
  change: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('set'), stock }),
    z.object({
      kind: z.literal('adjust'),
      delta: z
        .number()
        .int('A change is a whole number.')
        .min(-MAX_STOCK)
        .max(MAX_STOCK)
        .refine((d) => d !== 0, 'A change of 0 changes nothing.'),
    }),
  ]),
  reason: text('A reason', 200, 1),
});

export const listOrdersAdminInput = z
  .object({
    status: z.enum(orderStatuses).optional(),
    from: z.iso.date('A date is YYYY-MM-DD.').optional(),
    to: z.iso.date('A date is YYYY-MM-DD.').optional(),
    email: text('The email', 200).optional(),
    before: z.number().int().min(1).optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, {
    message: 'The first day must not be after the last.',
    path: ['from'],
  });

export const refundInput = z.object({
  orderId: id('order'),
  amount: z.number().int('An amount is whole minor units (cents).').min(1, 'Refund at least 1.'),
  restock: z.boolean().default(false),
  /** The refund form's own key: one form sent twice is one refund, two forms are two. */
  requestKey: z.guid('This refund form has expired: reload the page.'),
});

export const byIdInput = (what: string) => z.object({ id: id(what) });

const days = z
  .number()
  .int('Days are whole numbers.')
  .min(0, 'Days are not negative.')
  .max(365, 'At most 365 days.');
const grams = z
  .number()
  .int('Weights are whole grams.')
  .min(0, 'Weights are not negative.')
  .max(1_000_000, 'At most 1000000 grams.');

export const saveShippingZoneInput = z.object({
  id: id('shipping zone').optional(),
  name: text('The name', 100, 1),
  countries: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[A-Za-z]{2}$/, 'Countries are two-letter codes, like US.'),
    )
    .min(1, 'A zone needs at least one country.')
    .max(250, 'At most 250 countries.'),
});

export const saveShippingRateInput = z.object({
  id: id('shipping rate').optional(),
  zoneId: id('shipping zone'),
  name: text('The name', 100, 1),
  minDays: days,
  maxDays: days,
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'A currency is three capital letters (ISO 4217), like USD.'),
  amount: price,
  freeAbove: price.nullable(),
  minWeightGrams: grams,
  maxWeightGrams: grams.nullable(),
  active: z.boolean(),
  position: z.number().int().min(0).max(1_000),
});

export const shopSettingsInput = z.object({
  taxEnabled: z.boolean(),
  taxBehavior: z.enum(taxBehaviors),
  defaultTaxCode: z
    .string()
    .trim()
    .regex(/^txcd_\d{8}$/, 'A Stripe tax code is txcd_ and eight digits, like txcd_99999999.'),
});

export const shipInput = z.object({
  orderId: id('order'),
  lines: z
    .array(
      z.object({
        orderItemId: z.number().int().positive('There is no such item.'),
        quantity: z.number().int('A quantity is a whole number.').min(0).max(99),
      }),
    )
    .max(100),
  carrier: text('The carrier', 60, 1),
  trackingNumber: text('The tracking number', 60, 1),
});

export const cancelOrderInput = z.object({
  orderId: id('order'),
  /** The form's own key: one cancel sent twice is one refund. */
  requestKey: z.guid('This form has expired: reload the page.'),
});

const when = z.coerce.date('A date and time, like 2026-12-24T00:00:00Z.');

/** A promotion as `admin.promotions.save` takes it (the domain checks how the fields combine). */
export const savePromotionInput = z.object({
  id: id('promotion').optional(),
  code: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9_-]{2,39}$/,
      'A code is 3 to 40 letters, digits, dashes or underscores, starting with a letter or digit.',
    )
    .nullish(),
  automatic: z.boolean().optional(),
  title: text('The name', 80).nullish(),
  percentOff: z
    .number()
    .int('A percentage is a whole number.')
    .min(1, 'At least 1%.')
    .max(100, 'At most 100%.')
    .nullish(),
  amountOff: price.min(1, 'An amount off is more than zero.').nullish(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'A currency is three capital letters (ISO 4217), like USD.')
    .nullish(),
  freeShipping: z.boolean().optional(),
  minSubtotal: price.nullish(),
  startsAt: when.nullish(),
  endsAt: when.nullish(),
  usageLimit: z
    .number()
    .int('A usage limit is a whole number.')
    .min(1, 'A usage limit is at least 1.')
    .max(10_000_000, 'At most 10000000 uses.')
    .nullish(),
  oncePerCustomer: z.boolean().optional(),
  combinesWithAutomatic: z.boolean().optional(),
  collections: z.array(id('collection')).max(100, 'At most 100 collections.').optional(),
  products: z.array(id('product')).max(500, 'At most 500 products.').optional(),
});

export const promotionStatusInput = z.object({
  id: id('promotion'),
  status: z.enum(promotionStatuses),
});

/** Archived ones only when asked; no input at all lists the others. */
export const listPromotionsInput = z.object({ archived: z.boolean().default(false) }).nullish();

/** The metrics dashboard's window; the hour when none is given. */
export const metricsDashboardInput = z
  .object({ range: z.enum(['hour', 'day', 'week']).default('hour') })
  .nullish();
