import { productSorts } from '@edgecart/core';
import { z } from 'zod';
import { storableText } from './storable-text.ts';

export const MAX_PAGE_SIZE = 48;
/** Prices are minor units; a cap keeps them inside a 32-bit integer. */
const MAX_PRICE = 100_000_000;

export const slugSchema = z
  .string()
  .min(1, 'A slug is required.')
  .max(120, 'A slug is at most 120 characters.')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'A slug has lower-case letters, digits and dashes.');

const priceSchema = z
  .number()
  .int('Prices are whole minor units (cents).')
  .min(0, 'Prices are not negative.')
  .max(MAX_PRICE, `Prices are at most ${MAX_PRICE}.`);

export const listProductsInput = z
  .object({
    q: z
      .string()
      .trim()
      .max(100, 'A search is at most 100 characters.')
      .superRefine(storableText('The search'))
      .optional(),
    collection: slugSchema.optional(),
    minPrice: priceSchema.optional(),
    maxPrice: priceSchema.optional(),
    inStock: z.boolean().optional(),
    /** Unset: the best matches first for a search, else the featured order. */
    sort: z.enum(productSorts).optional(),
    cursor: z.string().max(1000, 'A cursor is at most 1000 characters.').nullish(),
    limit: z
      .number()
      .int()
      .min(1, 'Ask for at least one product.')
      .max(MAX_PAGE_SIZE, `A page holds at most ${MAX_PAGE_SIZE} products.`)
      .default(12),
  })
  .refine((v) => v.minPrice === undefined || v.maxPrice === undefined || v.minPrice <= v.maxPrice, {
    message: 'The lowest price must not be above the highest.',
    path: ['minPrice'],
  })
  .transform((v) => ({ ...v, sort: v.sort ?? (v.q ? 'relevance' : 'featured') }) as const);

export const bySlugInput = z.object({ slug: slugSchema });

export const listCollectionsInput = z.object({ featuredOnly: z.boolean().optional() }).optional();
