import type { RouterOutputs } from '@edgecart/api';

type Status = RouterOutputs['orders']['list'][number]['status'];

/** How an order's status reads to its shopper. */
export const orderStatusLabel: Record<Status, string> = {
  pending: 'Awaiting payment',
  paid: 'Paid',
  cancelled: 'Cancelled',
  refunded: 'Refunded',
  partially_refunded: 'Partly refunded',
  needs_review: 'Being checked',
};
