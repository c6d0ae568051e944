'use client';

import { useActionState } from 'react';
import { checkoutAction } from '~/app/cart/actions';
import { errorFor } from '~/components/admin/field-error';
import { idle } from '~/lib/form-state';

/** A country the shop posts to: its code and its name in English. */
export interface ShipToCountry {
  code: string;
  name: string;
}

/**
 * "Checkout": places the order and goes to the payment page; a refusal shows
 * here. When something in the cart is posted, the shopper first says where it
 * goes: the payment page then offers that country's shipping options and
 * asks for an address in its zone.
 */
export function CheckoutForm({
  busy = false,
  shipTo,
}: {
  busy?: boolean;
  shipTo: { countries: ShipToCountry[]; preferred: string | null } | null;
}) {
  const [state, action, pending] = useActionState(checkoutAction, idle);
  const countryError = errorFor(state, 'shipTo');
  return (
    <form action={action} className="checkout-form">
      {shipTo ? (
        <div className="field">
          <label htmlFor="ship-to">Ship to</label>
          <select
            id="ship-to"
            name="shipTo"
            defaultValue={state.values?.shipTo ?? shipTo.preferred ?? shipTo.countries[0]?.code}
            aria-invalid={countryError ? true : undefined}
            aria-describedby={countryError ? 'ship-to-error' : undefined}
          >
            {shipTo.countries.map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
          </select>
          {countryError ? (
            <p id="ship-to-error" className="field__error" role="alert">
              {countryError}
            </p>
          ) : null}
        </div>
      ) : null}
      {state.status === 'error' && !countryError ? (
        <p role="alert" className="field__error">
          {state.message}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={pending || busy}>
        {pending ? 'Opening the payment page…' : 'Checkout'}
      </button>
    </form>
  );
}
