'use server';

import { revalidatePath } from 'next/cache';
import { type FormState, formText } from '~/lib/form-state';
import { shippingRateFields } from '~/lib/shipping-rate-fields';
import { getActionApi } from '~/server/pages/api';
import { formResult } from '~/server/pages/form-result';

const text = (form: FormData, name: string) => formText(form, name).trim();

/** A whole number typed in a form; NaN when it is not one (the schema then says so). */
const whole = (form: FormData, name: string) => {
  const value = text(form, name);
  return /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
};

/** Blank is "none"; anything else must be a whole number. */
const wholeOrNull = (form: FormData, name: string) => (text(form, name) ? whole(form, name) : null);

/** A refusal carries the fields as typed, so that the form shows them again. */
const keepTyped = (result: FormState, form: FormData, names: readonly string[]): FormState =>
  result.status === 'error'
    ? { ...result, values: Object.fromEntries(names.map((name) => [name, formText(form, name)])) }
    : result;

export async function saveShippingZoneAction(_: FormState, form: FormData): Promise<FormState> {
  const id = text(form, 'id') || undefined;
  const result = await formResult(async () => {
    await (await getActionApi()).admin.shipping.saveZone({
      ...(id ? { id } : {}),
      name: text(form, 'name'),
      countries: text(form, 'countries')
        .split(/[\s,]+/)
        .filter(Boolean),
    });
    revalidatePath('/admin/shipping');
    return { status: 'done', message: id ? 'Zone saved.' : 'Zone added.' };
  });
  return keepTyped(result, form, ['name', 'countries']);
}

export async function deleteShippingZoneAction(_: FormState, form: FormData): Promise<FormState> {
  return formResult(async () => {
    await (await getActionApi()).admin.shipping.deleteZone({ id: text(form, 'id') });
    revalidatePath('/admin/shipping');
    return { status: 'done', message: 'Zone deleted.' };
  });
}

export async function saveShippingRateAction(_: FormState, form: FormData): Promise<FormState> {
  const id = text(form, 'id') || undefined;
  const result = await formResult(async () => {
    await (await getActionApi()).admin.shipping.saveRate({
      ...(id ? { id } : {}),
      zoneId: text(form, 'zoneId'),
      name: text(form, 'name'),
      minDays: whole(form, 'minDays'),
      maxDays: whole(form, 'maxDays'),
      currency: text(form, 'currency').toUpperCase(),
      amount: whole(form, 'amount'),
      freeAbove: wholeOrNull(form, 'freeAbove'),
      minWeightGrams: whole(form, 'minWeightGrams'),
      maxWeightGrams: wholeOrNull(form, 'maxWeightGrams'),
      active: form.get('active') === 'on',
      position: whole(form, 'position'),
    });
    revalidatePath('/admin/shipping');
    return { status: 'done', message: id ? 'Rate saved.' : 'Rate added.' };
  });
  return keepTyped(result, form, shippingRateFields);
}
