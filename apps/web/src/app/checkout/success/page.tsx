import type { Metadata } from 'next';
import Link from '~/components/link';
import { OrderAmounts } from '~/components/orders/order-amounts';
import { formatMoney } from '~/lib/format';
import { getApi } from '~/server/pages/api';
import { orNotFound } from '~/server/pages/not-found';

export const metadata: Metadata = { title: 'Thank you', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const headline: Record<string, string> = {
  pending: 'Confirming your payment…',
  paid: 'Thank you: your order is paid',
  cancelled: 'This order was cancelled',
  refunded: 'This order was refunded',
  partially_refunded: 'Part of this order was refunded',
  needs_review: 'We are checking your payment',
};

/**
 * Where the payment page returns to. The order turns paid when the payment
 * provider's event arrives (usually within a second or two); until then the
 * page reloads itself every two seconds, which works without JavaScript.
 */
export default async function CheckoutSuccessPage({ searchParams }: Props) {
  const sessionId = (await searchParams).session_id;
  const order =
    typeof sessionId === 'string'
      ? await orNotFound((await getApi()).checkout.bySession({ sessionId }))
      : null;
  if (!order) {
    return (
      <div className="checkout-result">
        <h1>No order here</h1>
        <p>
          This link does not lead to an order. <Link href="/cart">Back to your cart</Link>
        </p>
      </div>
    );
  }
  const pending = order.status === 'pending';
  return (
    <div className="checkout-result">
      {pending ? <meta httpEquiv="refresh" content="2" /> : null}
      <h1>{headline[order.status] ?? 'Your order'}</h1>
      <p role="status" aria-live="polite">
        Order #{order.number}: {order.status === 'paid' ? 'paid' : order.status.replace('_', ' ')}.
        {pending ? ' This page updates by itself.' : null}
        {order.status === 'paid' ? ' A confirmation is on its way to your inbox.' : null}
      </p>
      <ul className="checkout-result__items">
        {order.items.map((item) => (
          <li key={`${item.productTitle}-${item.variantTitle}`}>
            {item.productTitle} ({item.variantTitle}) × {item.quantity}:{' '}
            {formatMoney({ amount: item.unitPrice * item.quantity, currency: order.currency })}
          </li>
        ))}
      </ul>
      <OrderAmounts lines={order.amountLines} currency={order.currency} />
      <p>
        <Link href="/products">Keep shopping</Link>
      </p>
    </div>
  );
}
