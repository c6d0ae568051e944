import type { PaymentEvent } from '@edgecart/payments';

type PaidEvent = Extract<PaymentEvent, { kind: 'checkout-paid' }>;

/**
 * A checkout-paid event as the provider sends it for an order with nothing
 * posted, no discount and no tax: the items' subtotal is the amount paid.
 * Tests override what they are about.
 */
export function paidEvent(
  event: Omit<
    PaidEvent,
    'kind' | 'subtotal' | 'discount' | 'shipping' | 'tax' | 'shippingDetails'
  > &
    Partial<PaidEvent>,
): PaymentEvent {
  return {
    kind: 'checkout-paid',
    subtotal: event.amount,
    discount: 0,
    shipping: null,
    tax: 0,
    shippingDetails: null,
    ...event,
  };
}
