'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { type FormState, formText } from '~/lib/form-state';
import { formResult } from '~/server/action-errors';
import { getActionApi } from '~/server/api';

/** A form's quantity: a number when it reads as one, else what was sent (the API says what is wrong). */
const quantityOf = (form: FormData): number => {
  const raw = formText(form, 'quantity').trim();
  return raw === '' ? Number.NaN : Number(raw);
};

/** After a change, every page shows the new count in the header. */
const changed = () => revalidatePath('/', 'layout');

export async function addToCartAction(_: FormState, form: FormData): Promise<FormState> {
  return formResult(async () => {
    const cart = await (await getActionApi()).cart.add({
      variantId: formText(form, 'variantId'),
      quantity: quantityOf(form),
    });
    changed();
    return {
      status: 'done',
      message: `Added to your cart (${cart.itemCount} ${cart.itemCount === 1 ? 'item' : 'items'}).`,
    };
  });
}

export async function setQuantityAction(_: FormState, form: FormData): Promise<FormState> {
  return formResult(async () => {
    await (await getActionApi()).cart.setQuantity({
      variantId: formText(form, 'variantId'),
      quantity: quantityOf(form),
    });
    changed();
    return { status: 'done', message: 'Quantity updated.' };
  });
}

export async function removeFromCartAction(_: FormState, form: FormData): Promise<FormState> {
  return formResult(async () => {
    await (await getActionApi()).cart.remove({ variantId: formText(form, 'variantId') });
    changed();
    return { status: 'done', message: 'Removed from your cart.' };
  });
}

export async function checkoutAction(_: FormState, _form: FormData): Promise<FormState> {
  let url: string | undefined;
  const result = await formResult(async () => {
    ({ url } = await (await getActionApi()).checkout.start());
    return { status: 'done' };
  });
  // The payment page: Stripe Checkout, or the local stand-in's.
  if (result.status === 'done' && url) redirect(url);
  return result;
}
