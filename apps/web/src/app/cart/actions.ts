'use server';

import { TRPCError } from '@trpc/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { type FormState, formText } from '~/lib/form-state';
import { logError } from '~/server/http/log-error';
import { getActionApi } from '~/server/pages/api';
import { formResult } from '~/server/pages/form-result';
import { isNotFound } from '~/server/pages/not-found';

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

export async function checkoutAction(_: FormState, form: FormData): Promise<FormState> {
  let url: string | undefined;
  const shipTo = formText(form, 'shipTo').trim();
  const email = formText(form, 'email').trim();
  const result = await formResult(async () => {
    ({ url } = await (await getActionApi()).checkout.start({
      ...(shipTo ? { shipTo } : {}),
      ...(email ? { email } : {}),
    }));
    return { status: 'done' };
  });
  // The payment page: Stripe Checkout, or the local stand-in's.
  if (result.status === 'done' && url) redirect(url);
  return result.status === 'error' ? { ...result, values: { shipTo, email } } : result;
}

/** Puts a discount code on the cart; a refusal says why, next to the field. */
export async function applyDiscountAction(_: FormState, form: FormData): Promise<FormState> {
  const code = formText(form, 'code');
  const result = await formResult(async () => {
    const cart = await (await getActionApi()).cart.applyDiscount({ code });
    changed();
    return { status: 'done', message: `Code ${cart.discount?.code ?? code.trim()} applied.` };
  });
  return result.status === 'error' ? { ...result, values: { code } } : result;
}

/** Takes the discount code off the cart. */
export async function removeDiscountAction(_: FormState, _form: FormData): Promise<FormState> {
  return formResult(async () => {
    await (await getActionApi()).cart.removeDiscount();
    changed();
    return { status: 'done', message: 'Discount code removed.' };
  });
}

/** What closing the checkout a shopper came back from did; `idle` before it ran. */
export interface CheckoutReturnState {
  outcome: 'idle' | 'cancelled' | 'completed' | 'none' | 'failed';
}

/**
 * Closes the checkout the shopper came back from without paying (the payment
 * page's cancel link) and releases its stock. A POST, never a page render:
 * the cart page sends it on load with JavaScript, and shows a button for it
 * without. What allows it is the order's unguessable id in the link together
 * with this browser's cart; without them nothing changes.
 */
export async function cancelReturnedCheckoutAction(
  _: CheckoutReturnState,
  form: FormData,
): Promise<CheckoutReturnState> {
  try {
    const { outcome } = await (await getActionApi()).checkout.cancel({
      orderId: formText(form, 'orderId'),
    });
    // The stock is back (or the order is paid): the cart and the header show it.
    if (outcome !== 'none') changed();
    return { outcome };
  } catch (error) {
    // Not an order of this cart, or not even an order id: there is nothing to release.
    if (isNotFound(error)) return { outcome: 'none' };
    // Its stock still returns when the payment page expires.
    if (!(error instanceof TRPCError && error.code === 'TOO_MANY_REQUESTS')) {
      logError({ level: 'warn', msg: 'could not close a checkout' }, error);
    }
    return { outcome: 'failed' };
  }
}
