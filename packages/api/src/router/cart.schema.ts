import { CART_QUANTITY_MAX } from '@edgecart/db';
import { z } from 'zod';
import { storableText } from './storable-text.ts';

const variantId = z.guid('Choose a size or colour first.');
const quantity = z
  .number('Enter a quantity.')
  .int('Enter a whole number.')
  .min(1, 'Enter at least 1.')
  .max(CART_QUANTITY_MAX, `At most ${CART_QUANTITY_MAX} of one item per order.`);

export const cartLineInput = z.object({ variantId, quantity });
export const cartVariantInput = z.object({ variantId });

export const discountCodeInput = z.object({
  code: z
    .string('Enter a discount code.')
    .trim()
    .min(1, 'Enter a discount code.')
    .max(40, 'A discount code is at most 40 characters.')
    .superRefine(storableText('The discount code')),
});
