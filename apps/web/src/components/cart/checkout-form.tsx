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
  askEmail = false,
}: {
  busy?: boolean;
  shipTo: { countries: ShipToCountry[]; preferred: string | null } | null;
  /** A guest with a once-per-customer discount: the email it is counted against. */
  askEmail?: boolean;
}) {
  const [state, action, pending] = useActionState(checkoutAction, idle);
  const countryError = errorFor(state, 'shipTo');
  const emailError = errorFor(state, 'email');
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
      {askEmail ? (
        <div className="field">
          <label htmlFor="checkout-email">Email</label>
          <input
            id="checkout-email"
            name="email"
            type="email"
            autoComplete="email"
            required
            defaultValue={state.values?.email ?? ''}
            aria-invalid={emailError ? true : undefined}
            aria-describedby={emailError ? 'checkout-email-error' : 'checkout-email-hint'}
          />
          <p id="checkout-email-hint" className="field__hint">
            Your discount can be used once per customer: it is counted against this address, and
            your receipt goes there.
          </p>
          {emailError ? (
            <p id="checkout-email-error" className="field__error" role="alert">
              {emailError}
            </p>
          ) : null}
        </div>
      ) : null}
      {state.status === 'error' && !countryError && !emailError ? (
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
