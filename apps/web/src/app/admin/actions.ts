'use server';

import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { type FormState, formText } from '~/lib/form-state';
import { getActionApi } from '~/server/pages/api';
import { formResult } from '~/server/pages/form-result';

const text = (form: FormData, name: string) => formText(form, name).trim();

/** A whole number typed in a form; NaN when it is not one (the schema then says so). */
const whole = (form: FormData, name: string) => {
  const value = text(form, name);
  return /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
};

/** "Size=M, Colour=Forest" → { Size: 'M', Colour: 'Forest' }. */
function parseOptions(value: string): Record<string, string> {
  const options: Record<string, string> = {};
  for (const pair of value.split(',')) {
    const [name, ...rest] = pair.split('=');
    if (name?.trim()) options[name.trim()] = rest.join('=').trim();
  }
  return options;
}

/**
 * The editor's photos in their order: the rows (`images.N.url` and `.alt`),
 * less those ticked "Remove", by the position typed without JavaScript (with
 * it, the rows come in order), then the images ticked from the shop's set.
 */
function imagesFromForm(form: FormData) {
  const rows = Math.min(Number(text(form, 'imageRows')) || 0, 50);
  const images: { url: string; alt: string; at: number }[] = [];
  for (let i = 0; i < rows; i++) {
    const url = text(form, `images.${i}.url`);
    if (!url || form.get(`images.${i}.remove`) === 'on') continue;
    const position = Number(text(form, `images.${i}.position`));
    images.push({
      url,
      alt: text(form, `images.${i}.alt`),
      at: Number.isFinite(position) && text(form, `images.${i}.position`) ? position : i + 1,
    });
  }
  images.sort((a, b) => a.at - b.at);
  return [
    ...images.map(({ url, alt }) => ({ url, alt })),
    ...form.getAll('addImages').map((url) => ({ url: String(url), alt: '' })),
  ];
}

/** The product editor's fields, as the admin.products.save input. */
function productFromForm(form: FormData) {
  const rows = Number(text(form, 'variantRows')) || 0;
  const variants = [];
  for (let i = 0; i < Math.min(rows, 100); i++) {
    const sku = text(form, `variants.${i}.sku`);
    const id = text(form, `variants.${i}.id`);
    // A blank new row is not a variant; a ticked "Remove" drops an existing one.
    if ((!id && !sku) || form.get(`variants.${i}.remove`) === 'on') continue;
    variants.push({
      ...(id ? { id } : {}),
      sku,
      title: text(form, `variants.${i}.title`),
      options: parseOptions(text(form, `variants.${i}.options`)),
      price: whole(form, `variants.${i}.price`),
      weightGrams: text(form, `variants.${i}.weightGrams`)
        ? whole(form, `variants.${i}.weightGrams`)
        : 0,
      ...(id ? {} : { stock: whole(form, `variants.${i}.stock`) || 0 }),
    });
  }
  return {
    title: text(form, 'title'),
    slug: text(form, 'slug'),
    description: text(form, 'description'),
    status: text(form, 'status') as 'active' | 'draft' | 'archived',
    currency: text(form, 'currency'),
    collections: form.getAll('collections').map(String),
    images: imagesFromForm(form),
    requiresShipping: form.get('requiresShipping') === 'on',
    taxCode: text(form, 'taxCode') || null,
    variants,
  };
}

export async function saveProductAction(_: FormState, form: FormData): Promise<FormState> {
  const id = text(form, 'id') || undefined;
  let savedId = '';
  const result = await formResult(
    async () => {
      ({ id: savedId } = await (await getActionApi()).admin.products.save({
        ...(id ? { id } : {}),
        product: productFromForm(form),
      }));
      return { status: 'done', message: 'Saved.' };
    },
    undefined,
    'product',
  );
  if (result.status === 'done' && !id) redirect(`/admin/products/${savedId}?saved=1`);
  if (result.status === 'done') revalidatePath(`/admin/products/${id}`);
  return result;
}

export async function removeProductAction(_: FormState, form: FormData): Promise<FormState> {
  let outcome = '';
  const result = await formResult(async () => {
    ({ outcome } = await (await getActionApi()).admin.products.remove({ id: text(form, 'id') }));
    return { status: 'done' };
  });
  if (result.status === 'done') redirect(`/admin/products?removed=${outcome}`);
  return result;
}

export async function adjustStockAction(_: FormState, form: FormData): Promise<FormState> {
  const kind = text(form, 'kind') === 'set' ? 'set' : 'adjust';
  const amount = whole(form, 'amount');
  return formResult(async () => {
    const { stock } = await (await getActionApi()).admin.stock.adjust({
      variantId: text(form, 'variantId'),
      change: kind === 'set' ? { kind, stock: amount } : { kind, delta: amount },
      reason: text(form, 'reason'),
    });
    revalidatePath(`/admin/products/${text(form, 'productId')}`);
    return { status: 'done', message: `Stock is now ${stock}.` };
  });
}

export async function refundAction(_: FormState, form: FormData): Promise<FormState> {
  const orderId = text(form, 'orderId');
  let restocked = false;
  const result = await formResult(async () => {
    ({ restocked } = await (await getActionApi()).admin.orders.refund({
      orderId,
      amount: whole(form, 'amount'),
      restock: form.get('restock') === 'on',
      requestKey: text(form, 'requestKey'),
    }));
    return { status: 'done' };
  });
  // The refund event may mark the order before this answers: the page says what was done.
  if (result.status === 'done') {
    redirect(`/admin/orders/${orderId}?refund=${restocked ? 'restocked' : 'sent'}`);
  }
  return result;
}

export async function shipAction(_: FormState, form: FormData): Promise<FormState> {
  const orderId = text(form, 'orderId');
  const itemIds = form.getAll('itemId').map(String);
  return formResult(async () => {
    const { fulfilmentStatus } = await (await getActionApi()).admin.orders.ship({
      orderId,
      lines: itemIds.map((itemId) => ({
        orderItemId: Number(itemId),
        quantity: text(form, `quantity.${itemId}`) ? whole(form, `quantity.${itemId}`) : 0,
      })),
      carrier: text(form, 'carrier'),
      trackingNumber: text(form, 'trackingNumber'),
    });
    revalidatePath(`/admin/orders/${orderId}`);
    return {
      status: 'done',
      message:
        fulfilmentStatus === 'shipped'
          ? 'Shipped: every item is on its way.'
          : 'Shipment recorded.',
    };
  });
}

export async function markDeliveredAction(_: FormState, form: FormData): Promise<FormState> {
  return formResult(async () => {
    await (await getActionApi()).admin.orders.markDelivered({ id: text(form, 'shipmentId') });
    revalidatePath(`/admin/orders/${text(form, 'orderId')}`);
    return { status: 'done', message: 'Marked delivered.' };
  });
}

export async function cancelOrderAction(_: FormState, form: FormData): Promise<FormState> {
  const orderId = text(form, 'orderId');
  const result = await formResult(async () => {
    await (await getActionApi()).admin.orders.cancel({
      orderId,
      requestKey: text(form, 'requestKey'),
    });
    return { status: 'done' };
  });
  if (result.status === 'done') redirect(`/admin/orders/${orderId}?refund=restocked`);
  return result;
}

/** Applies a checked import for a few seconds, then shows its page with the progress. */
export async function applyImportAction(form: FormData): Promise<void> {
  const id = text(form, 'id');
  try {
    await (await getActionApi()).admin.imports.applyBatches({ id });
  } catch (error) {
    // A refused or unknown import: its page (or the 404) says what it is; a fault of ours rises.
    if (!(error instanceof TRPCError) || getHTTPStatusCodeFromError(error) >= 500) throw error;
  }
  revalidatePath(`/admin/products/import/${id}`);
  redirect(`/admin/products/import/${id}`);
}
