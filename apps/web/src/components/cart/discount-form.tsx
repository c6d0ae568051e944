'use client';

import { useActionState } from 'react';
import { applyDiscountAction, removeDiscountAction } from '~/app/cart/actions';
import { errorFor } from '~/components/admin/field-error';
import { idle } from '~/lib/form-state';

/**
 * "Discount code" on the cart: a plain form (it posts without JavaScript),
 * the refusal's reason under the field, and a button to take an applied code
 * off again.
 */
export function DiscountForm({ code }: { code: string | null }) {
  const [state, apply, applying] = useActionState(applyDiscountAction, idle);
  const [removed, remove, removing] = useActionState(removeDiscountAction, idle);
  const error = errorFor(state, 'code') ?? (state.status === 'error' ? state.message : undefined);
  if (code) {
    return (
      <form action={remove} className="discount-form">
        <p>
          Code <strong>{code}</strong>{' '}
          <button type="submit" className="button button--link" disabled={removing}>
            {removing ? 'Removing…' : `Remove ${code}`}
          </button>
        </p>
        {removed.status === 'error' ? (
          <p role="alert" className="field__error">
            {removed.message}
          </p>
        ) : null}
      </form>
    );
  }
  return (
    <form action={apply} className="discount-form">
      <div className="field">
        <label htmlFor="discount-code">Discount code</label>
        <div className="discount-form__row">
          <input
            id="discount-code"
            name="code"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={40}
            required
            defaultValue={state.values?.code ?? ''}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'discount-code-error' : undefined}
          />
          <button type="submit" className="button button--secondary" disabled={applying}>
            {applying ? 'Applying…' : 'Apply'}
          </button>
        </div>
        {error ? (
          <p id="discount-code-error" className="field__error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      {removed.status === 'done' ? (
        <p role="status" className="field__hint">
          {removed.message}
        </p>
      ) : null}
    </form>
  );
}
