import type { ShippingOffer, TaxBehavior } from '@edgecart/db';
import type { PaymentEvent } from '@edgecart/payments';

type Paid = Extract<PaymentEvent, { kind: 'checkout-paid' }>;

/** What the order says the payment must be: its items, its offers and how tax was charged. */
export interface ExpectedAmounts {
  currency: string;
  subtotal: number;
  discountAmount: number;
  shippingOffers: ShippingOffer[] | null;
  taxBehavior: TaxBehavior | null;
}

/**
 * Checks a completed payment against the order it pays: the same currency,
 * the items' subtotal and discount the shop priced, a shipping charge that is
 * one of the options the shop offered (by the provider's rate and its amount)
 * with an address when something is posted, no tax when tax was off, and a
 * total that these add up to (tax on top when prices exclude it). Answers
 * the offer chosen, or why the payment cannot simply make the order paid.
 */
export function checkPaidAmounts(
  order: ExpectedAmounts,
  paid: Pick<
    Paid,
    'amount' | 'currency' | 'subtotal' | 'discount' | 'shipping' | 'tax' | 'shippingDetails'
  >,
): { offer: ShippingOffer | null } | { problem: string } {
  if (paid.currency !== order.currency) {
    return { problem: `paid ${paid.amount} ${paid.currency}, the order is in ${order.currency}` };
  }
  if (paid.subtotal !== order.subtotal) {
    return {
      problem: `the items were charged ${paid.subtotal}, the order's come to ${order.subtotal}`,
    };
  }
  if (paid.discount !== order.discountAmount) {
    return { problem: `a discount of ${paid.discount}, the order's is ${order.discountAmount}` };
  }
  const offers = order.shippingOffers ?? [];
  let offer: ShippingOffer | null = null;
  if (offers.length === 0) {
    if ((paid.shipping?.amount ?? 0) !== 0) {
      return {
        problem: `shipping of ${paid.shipping?.amount} charged, and the order posts nothing`,
      };
    }
  } else {
    const charged = paid.shipping;
    offer =
      offers.find(
        (o) => o.providerRateId === charged?.providerRateId && o.amount === charged?.amount,
      ) ?? null;
    if (!offer) {
      return {
        problem: `shipping of ${charged?.amount ?? 'nothing'} is not an option the shop offered`,
      };
    }
    if (!paid.shippingDetails) return { problem: 'paid without a shipping address' };
  }
  if (order.taxBehavior === null && paid.tax !== 0) {
    return { problem: `tax of ${paid.tax} charged, and tax is off for this order` };
  }
  const expected =
    order.subtotal -
    order.discountAmount +
    (offer?.amount ?? 0) +
    (order.taxBehavior === 'inclusive' ? 0 : paid.tax);
  if (paid.amount !== expected) {
    return { problem: `paid ${paid.amount} ${paid.currency}, the order comes to ${expected}` };
  }
  return { offer };
}
