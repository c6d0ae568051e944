'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { type FormState, formText } from '~/lib/form-state';
import { promotionFields } from '~/lib/promotion-fields';
import { getActionApi } from '~/server/pages/api';
import { formResult } from '~/server/pages/form-result';

const text = (form: FormData, name: string) => formText(form, name).trim();

/** Blank is "none"; anything else must be a whole number (NaN, which the schema refuses). */
const wholeOrNull = (form: FormData, name: string) => {
  const value = text(form, name);
  if (!value) return null;
  return /^\d+$/.test(value) ? Number(value) : Number.NaN;
};

/** A `datetime-local` value read as UTC, or null when blank. */
const instantOrNull = (form: FormData, name: string) => {
  const value = text(form, name);
  return value ? new Date(`${value.length === 16 ? `${value}:00` : value}Z`) : null;
};

const ids = (form: FormData, name: string) =>
  form.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');

/** Creates or updates a promotion from its form; a new one opens its list. */
export async function savePromotionAction(_: FormState, form: FormData): Promise<FormState> {
  const id = text(form, 'id') || undefined;
  const automatic = text(form, 'kind') === 'automatic';
  const result = await formResult(async () => {
    await (await getActionApi()).admin.promotions.save({
      ...(id ? { id } : {}),
      automatic,
      code: automatic ? null : text(form, 'code'),
      title: text(form, 'title') || null,
      percentOff: wholeOrNull(form, 'percentOff'),
      amountOff: wholeOrNull(form, 'amountOff'),
      currency: text(form, 'currency').toUpperCase() || null,
      freeShipping: form.get('freeShipping') === 'on',
      minSubtotal: wholeOrNull(form, 'minSubtotal'),
      startsAt: instantOrNull(form, 'startsAt'),
      endsAt: instantOrNull(form, 'endsAt'),
      usageLimit: wholeOrNull(form, 'usageLimit'),
      oncePerCustomer: form.get('oncePerCustomer') === 'on',
      combinesWithAutomatic: form.get('combinesWithAutomatic') === 'on',
      collections: ids(form, 'collections'),
      products: ids(form, 'products'),
    });
    revalidatePath('/admin/promotions');
    return { status: 'done', message: id ? 'Promotion saved.' : 'Promotion created.' };
  });
  if (result.status === 'done' && !id) redirect('/admin/promotions?created=1');
  return result.status === 'error'
    ? {
        ...result,
        values: {
          ...Object.fromEntries(promotionFields.map((name) => [name, formText(form, name)])),
          kind: automatic ? 'automatic' : 'code',
        },
      }
    : result;
}

/** Pauses, resumes or archives a promotion from its row. */
export async function setPromotionStatusAction(_: FormState, form: FormData): Promise<FormState> {
  const status = text(form, 'status');
  return formResult(async () => {
    await (await getActionApi()).admin.promotions.setStatus({
      id: text(form, 'id'),
      status: status as 'active' | 'paused' | 'archived',
    });
    revalidatePath('/admin/promotions');
    return {
      status: 'done',
      message: status === 'active' ? 'Resumed.' : status === 'paused' ? 'Paused.' : 'Archived.',
    };
  });
}
