import type { RouterOutputs } from '@edgecart/api';
import type { AmountLine } from '@edgecart/core';
import { formatMoney } from '~/lib/format';

/**
 * An order's amounts, one line each: subtotal, discount, shipping, tax (as
 * charged: on top, or included) and total, as core's `amountLines` words them.
 */
export function OrderAmounts({ lines, currency }: { lines: AmountLine[]; currency: string }) {
  return (
    <dl className="order-amounts">
      {lines.map((line) => (
        <div key={line.kind} className={`order-amounts__${line.kind}`}>
          <dt>{line.label}</dt>
          <dd>
            {line.kind === 'shipping' && line.amount === 0
              ? 'Free'
              : formatMoney({ amount: line.amount, currency })}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A shipping address as the payment page collected it, in the order it is written on a parcel. */
export function ShippingAddress({
  name,
  address,
}: {
  name: string | null;
  address: NonNullable<RouterOutputs['orders']['get']['shippingAddress']>;
}) {
  const country = new Intl.DisplayNames(['en'], { type: 'region' }).of(address.country);
  return (
    <address className="shipping-address">
      {[
        name,
        address.line1,
        address.line2,
        [address.postalCode, address.city].filter(Boolean).join(' '),
        address.state,
        country ?? address.country,
      ]
        .filter(Boolean)
        .map((line) => (
          <span key={line}>
            {line}
            <br />
          </span>
        ))}
    </address>
  );
}
