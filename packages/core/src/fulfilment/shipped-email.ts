import type { orderItems, orders } from '@edgecart/db';
import type { OutgoingEmail } from '../outbox/queue.ts';

/** The shopper's note that a parcel left, with its tracking link; queued with the shipment. */
export function shippedEmail(
  to: string,
  order: Pick<typeof orders.$inferSelect, 'id' | 'number' | 'userId'>,
  items: Pick<typeof orderItems.$inferSelect, 'productTitle' | 'variantTitle' | 'quantity'>[],
  parcel: { carrier: string; trackingNumber: string; trackingUrl: string | null },
  origin: string,
): OutgoingEmail {
  return {
    kind: 'order-shipped',
    to,
    subject: `Your Edgecart order #${order.number} is on its way`,
    body: [
      `Part or all of order #${order.number} has left our warehouse:`,
      '',
      ...items.map((item) => `- ${item.productTitle} (${item.variantTitle}) × ${item.quantity}`),
      '',
      `Carrier: ${parcel.carrier}`,
      `Tracking number: ${parcel.trackingNumber}`,
      ...(parcel.trackingUrl ? [`Track it: ${parcel.trackingUrl}`] : []),
      '',
      order.userId
        ? `Follow your order in your account: ${origin}/account/orders/${order.id}`
        : 'Follow your order with the link in your order confirmation.',
    ].join('\n'),
  };
}
