import type { orderItems, orders } from '@edgecart/db';
import { formatAmount } from '../money.ts';
import { amountLines } from '../orders/order-amounts.ts';
import type { OutgoingEmail } from '../outbox/queue.ts';

/** Where it goes, as the payment page collected it; nothing when nothing is posted. */
function shipTo(order: Pick<typeof orders.$inferSelect, 'shippingName' | 'shippingAddress'>) {
  const address = order.shippingAddress;
  if (!address) return [];
  return [
    '',
    'Shipping to:',
    ...[
      order.shippingName,
      address.line1,
      address.line2,
      [address.postalCode, address.city].filter(Boolean).join(' '),
      address.state,
      address.country,
    ].filter((line): line is string => Boolean(line)),
  ];
}

/** The purchase confirmation, queued in the transaction that marks the order paid. */
export function orderConfirmationEmail(
  to: string,
  order: Pick<
    typeof orders.$inferSelect,
    'id' | 'number' | 'currency' | 'userId' | 'shippingName' | 'shippingAddress'
  > &
    Parameters<typeof amountLines>[0],
  items: Pick<
    typeof orderItems.$inferSelect,
    'productTitle' | 'variantTitle' | 'quantity' | 'unitPrice'
  >[],
  origin: string,
  /** A guest's link to the order (an account holder finds it in the account). */
  guestLink: string | null,
): OutgoingEmail {
  const lines = items.map(
    (item) =>
      `- ${item.productTitle} (${item.variantTitle}) × ${item.quantity}: ${formatAmount(item.unitPrice * item.quantity, order.currency)}`,
  );
  const where = order.userId
    ? `Follow it in your account: ${origin}/account/orders/${order.id}`
    : guestLink
      ? `Follow your order for the next 90 days (the link is yours alone: do not share it): ${guestLink}`
      : `Keep this email: it is your receipt. Questions? Reply and quote order #${order.number}.`;
  return {
    kind: 'order-confirmation',
    to,
    subject: `Your Edgecart order #${order.number} is confirmed`,
    body: [
      `Thank you! We have your payment for order #${order.number}.`,
      '',
      ...lines,
      '',
      ...amountLines(order).map(
        (line) => `${line.label}: ${formatAmount(line.amount, order.currency)}`,
      ),
      ...shipTo(order),
      '',
      where,
    ].join('\n'),
  };
}
