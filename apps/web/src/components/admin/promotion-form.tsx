'use client';

import type { RouterOutputs } from '@edgecart/api';
import { useActionState } from 'react';
import { savePromotionAction, setPromotionStatusAction } from '~/app/admin/promotions/actions';
import { type FormState, idle } from '~/lib/form-state';
import { promotionChoiceFields, promotionFields, utcInputValue } from '~/lib/promotion-fields';
import { errorFor, FormNotice } from './field-error.tsx';
import { Toggle, textFields } from './input-field.tsx';

type Promotion = RouterOutputs['admin']['promotions']['get'];
type Targets = RouterOutputs['admin']['promotions']['targets'];

function Choices({
  form,
  name,
  label,
  hint,
  options,
  chosen,
  state,
}: {
  form: string;
  name: string;
  label: string;
  hint: string;
  options: { id: string; title: string }[];
  chosen: string[];
  state: FormState;
}) {
  const id = `${form}-${name}`;
  const error = errorFor(state, name);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        multiple
        size={Math.min(6, Math.max(2, options.length))}
        defaultValue={chosen}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
      >
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.title}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="field__hint">
        {hint}
      </p>
      {error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A promotion's terms; without `promotion`, a new one. Amounts in minor units
 * (cents), times in UTC. Empty targets: the whole order.
 */
export function PromotionForm({ promotion, targets }: { promotion?: Promotion; targets: Targets }) {
  const [state, action, pending] = useActionState(savePromotionAction, idle);
  const form = promotion ? `promotion-${promotion.id}` : 'promotion-new';
  const typed = state.values;
  const field = textFields(form, state);
  const kind = typed?.kind ?? (promotion && promotion.code === null ? 'automatic' : 'code');
  return (
    <form
      action={action}
      className="admin-form"
      aria-label={promotion ? `Promotion ${promotion.title}` : 'New promotion'}
      noValidate
    >
      {promotion ? <input type="hidden" name="id" value={promotion.id} /> : null}
      <fieldset>
        <legend>How shoppers get it</legend>
        <Toggle
          form={form}
          name="kind"
          value="code"
          label="With a code they type on the cart"
          checked={kind === 'code'}
        />
        <Toggle
          form={form}
          name="kind"
          value="automatic"
          label="Automatically, when the cart qualifies"
          checked={kind === 'automatic'}
        />
        {field('code', 'Code', promotion?.code, {
          hint: 'Letters, digits, dashes; matched in any case. Ignored for an automatic one.',
          maxLength: 40,
          autoCapitalize: 'characters',
        })}
        {field('title', 'Name shoppers see', promotion?.title, {
          hint: 'Required for an automatic one; a code shows its code.',
          maxLength: 80,
        })}
      </fieldset>
      <fieldset>
        <legend>What it gives</legend>
        {field('percentOff', 'Percent off', promotion?.percentOff, {
          inputMode: 'numeric',
          size: 4,
        })}
        {field('amountOff', 'Or an amount off, in cents', promotion?.amountOff, {
          inputMode: 'numeric',
          size: 8,
        })}
        {field('currency', 'Currency of the amounts', promotion?.currency, {
          hint: 'Needed with an amount off or a minimum; a cart in another currency does not qualify.',
          size: 4,
          maxLength: 3,
        })}
        <Toggle
          form={form}
          name="freeShipping"
          label="Free shipping (the cheapest option costs nothing)"
          checked={promotion?.freeShipping ?? false}
        />
      </fieldset>
      <fieldset>
        <legend>What it applies to</legend>
        <Choices
          form={form}
          name="collections"
          label="Collections"
          hint="Hold Ctrl (⌘ on a Mac) to choose several; choose none, and none of the products, for the whole order."
          options={targets.collections}
          chosen={promotion?.collectionIds ?? []}
          state={state}
        />
        <Choices
          form={form}
          name="products"
          label="Products"
          hint="A line qualifies when its product is chosen or is in a chosen collection."
          options={targets.products}
          chosen={promotion?.productIds ?? []}
          state={state}
        />
      </fieldset>
      <fieldset>
        <legend>Conditions and limits</legend>
        {field('minSubtotal', 'Minimum subtotal, in cents', promotion?.minSubtotal, {
          inputMode: 'numeric',
          size: 8,
        })}
        {field('startsAt', 'Starts (UTC)', utcInputValue(promotion?.startsAt), {
          type: 'datetime-local',
        })}
        {field('endsAt', 'Ends (UTC)', utcInputValue(promotion?.endsAt), {
          type: 'datetime-local',
        })}
        {field('usageLimit', 'Uses in all (blank: no limit)', promotion?.usageLimit, {
          inputMode: 'numeric',
          size: 8,
        })}
        <Toggle
          form={form}
          name="oncePerCustomer"
          label="Once per customer (by account, or by email for a guest)"
          checked={promotion?.oncePerCustomer ?? false}
        />
        <Toggle
          form={form}
          name="combinesWithAutomatic"
          label="Combines with automatic promotions"
          checked={promotion?.combinesWithAutomatic ?? false}
        />
      </fieldset>
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Saving…' : promotion ? 'Save promotion' : 'Create promotion'}
      </button>
      <FormNotice state={state} fields={[...promotionFields, ...promotionChoiceFields]} />
    </form>
  );
}

/** Pause, resume or archive: one button of a promotion's row. */
export function PromotionStatusButton({
  id,
  title,
  status,
  label,
}: {
  id: string;
  title: string;
  status: 'active' | 'paused' | 'archived';
  label: string;
}) {
  const [state, action, pending] = useActionState(setPromotionStatusAction, idle);
  return (
    <form action={action} className="inline-form" aria-label={`${label} ${title}`}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="status" value={status} />
      <button type="submit" className="button button--link" disabled={pending}>
        {label}
      </button>
      {state.status === 'error' ? (
        <span role="alert" className="field__error">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
