import type { orders } from '@edgecart/db';

type Order = typeof orders.$inferSelect;

/** What an order came to, in minor units of its currency. */
export interface OrderAmounts {
  subtotal: number;
  discount: number;
  shipping: number;
  /** Added on top with exclusive prices; the part of the total that is tax with inclusive ones. */
  tax: number;
  total: number;
}

export const amountsOf = (
  order: Pick<Order, 'subtotal' | 'discountAmount' | 'shippingAmount' | 'taxAmount' | 'total'>,
): OrderAmounts => ({
  subtotal: order.subtotal,
  discount: order.discountAmount,
  shipping: order.shippingAmount,
  tax: order.taxAmount,
  total: order.total,
});

/** One line of an order's amounts, as every page and the confirmation email show them. */
export interface AmountLine {
  label: string;
  /** Negative for a discount. */
  amount: number;
  kind: 'subtotal' | 'discount' | 'shipping' | 'tax' | 'total';
}

/**
 * An order's amounts as lines: subtotal; the discount when there is one;
 * shipping (with the chosen option's name) when something was posted; tax
 * when tax was charged, said as included with inclusive prices; the total.
 * With tax off there is no tax line at all.
 */
export function amountLines(
  order: Pick<
    Order,
    | 'subtotal'
    | 'discountAmount'
    | 'discountLabel'
    | 'shippingAmount'
    | 'taxAmount'
    | 'total'
    | 'taxBehavior'
    | 'shippingRateName'
    | 'shipToCountry'
  >,
): AmountLine[] {
  const lines: AmountLine[] = [{ kind: 'subtotal', label: 'Subtotal', amount: order.subtotal }];
  if (order.discountAmount > 0) {
    lines.push({
      kind: 'discount',
      label: order.discountLabel ? `Discount (${order.discountLabel})` : 'Discount',
      amount: -order.discountAmount,
    });
  }
  if (order.shipToCountry || order.shippingAmount > 0) {
    lines.push({
      kind: 'shipping',
      label: order.shippingRateName ? `Shipping (${order.shippingRateName})` : 'Shipping',
      amount: order.shippingAmount,
    });
  }
  if (order.taxBehavior) {
    lines.push({
      kind: 'tax',
      label: order.taxBehavior === 'inclusive' ? 'Tax included in the prices' : 'Tax',
      amount: order.taxAmount,
    });
  }
  lines.push({ kind: 'total', label: 'Total', amount: order.total });
  return lines;
}
