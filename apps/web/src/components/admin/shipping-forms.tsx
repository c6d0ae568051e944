'use client';

import type { RouterOutputs } from '@edgecart/api';
import { useActionState } from 'react';
import {
  deleteShippingZoneAction,
  saveShippingRateAction,
  saveShippingZoneAction,
} from '~/app/admin/shipping/actions';
import { idle } from '~/lib/form-state';
import { shippingRateFields } from '~/lib/shipping-rate-fields';
import { FormNotice } from './field-error.tsx';
import { Input, Toggle, textFields } from './input-field.tsx';

/** A zone's name and countries; without `zone`, a new zone. */
export function ShippingZoneForm({
  zone,
}: {
  zone?: { id: string; name: string; countries: string[] };
}) {
  const [state, action, pending] = useActionState(saveShippingZoneAction, idle);
  const form = zone ? `zone-${zone.id}` : 'zone-new';
  return (
    <form
      action={action}
      className="admin-filters"
      aria-label={zone ? `Zone ${zone.name}` : 'New shipping zone'}
      noValidate
    >
      {zone ? <input type="hidden" name="id" value={zone.id} /> : null}
      <Input
        form={form}
        name="name"
        label="Name"
        state={state}
        defaultValue={state.values?.name ?? zone?.name}
        required
        maxLength={100}
      />
      <Input
        form={form}
        name="countries"
        label="Countries"
        hint="Two-letter codes, separated by commas: US, CA"
        state={state}
        defaultValue={state.values?.countries ?? zone?.countries.join(', ')}
        required
      />
      <button type="submit" className="button button--secondary" disabled={pending}>
        {pending ? 'Saving…' : zone ? 'Save zone' : 'Add zone'}
      </button>
      <FormNotice state={state} fields={['name', 'countries']} />
    </form>
  );
}

export function DeleteShippingZoneForm({ zone }: { zone: { id: string; name: string } }) {
  const [state, action, pending] = useActionState(deleteShippingZoneAction, idle);
  return (
    <form action={action} aria-label={`Delete zone ${zone.name}`}>
      <input type="hidden" name="id" value={zone.id} />
      <button type="submit" className="button button--danger" disabled={pending}>
        {pending ? 'Deleting…' : `Delete ${zone.name} and its rates`}
      </button>
      <FormNotice state={state} fields={[]} />
    </form>
  );
}

type Rate = RouterOutputs['admin']['shipping']['zones'][number]['rates'][number];

/** One rate of a zone; without `rate`, a new one. Amounts in minor units (cents). */
export function ShippingRateForm({ zoneId, rate }: { zoneId: string; rate?: Rate }) {
  const [state, action, pending] = useActionState(saveShippingRateAction, idle);
  const form = rate ? `rate-${rate.id}` : `rate-new-${zoneId}`;
  const field = textFields(form, state);
  return (
    <form
      action={action}
      className="admin-filters"
      aria-label={rate ? `Rate ${rate.name}` : 'New rate'}
      noValidate
    >
      <input type="hidden" name="zoneId" value={zoneId} />
      {rate ? <input type="hidden" name="id" value={rate.id} /> : null}
      {field('name', 'Name shoppers see', rate?.name, { required: true, maxLength: 100 })}
      {field('minDays', 'Fewest business days', rate?.minDays ?? 3, {
        inputMode: 'numeric',
        size: 4,
      })}
      {field('maxDays', 'Most business days', rate?.maxDays ?? 5, {
        inputMode: 'numeric',
        size: 4,
      })}
      {field('currency', 'Currency', rate?.currency ?? 'USD', { size: 4, maxLength: 3 })}
      {field('amount', 'Price, in cents', rate?.amount, { inputMode: 'numeric', size: 8 })}
      {field('freeAbove', 'Free from a subtotal of (cents, blank: never)', rate?.freeAbove, {
        inputMode: 'numeric',
        size: 8,
      })}
      {field('minWeightGrams', 'From grams', rate?.minWeightGrams ?? 0, {
        inputMode: 'numeric',
        size: 8,
      })}
      {field('maxWeightGrams', 'Below grams (blank: no limit)', rate?.maxWeightGrams, {
        inputMode: 'numeric',
        size: 8,
      })}
      {field('position', 'Order on the payment page', rate?.position ?? 0, {
        inputMode: 'numeric',
        size: 4,
      })}
      <Toggle form={form} name="active" label="Offered" checked={rate?.active ?? true} />
      <button type="submit" className="button button--secondary" disabled={pending}>
        {pending ? 'Saving…' : rate ? 'Save rate' : 'Add rate'}
      </button>
      <FormNotice state={state} fields={shippingRateFields} />
    </form>
  );
}
