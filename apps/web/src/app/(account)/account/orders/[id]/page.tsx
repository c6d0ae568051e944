import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { formatMoney } from '~/lib/format';
import { orderStatusLabel } from '~/lib/order-status';
import { getApi } from '~/server/api';
import { orNotFound } from '~/server/trpc-errors';

export const metadata: Metadata = { title: 'Your order', robots: { index: false } };

/** One of the signed-in shopper's orders; anyone else's is a 404. */
export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const api = await getApi();
  if (!(await api.account.me())) redirect('/login');
  const order = await orNotFound(api.orders.get({ id: (await params).id }));
  const money = (amount: number) => formatMoney({ amount, currency: order.currency });
  return (
    <>
      <p>
        <Link href="/account">Your account</Link>
      </p>
      <h1>Order #{order.number}</h1>
      <p>
        Placed {order.createdAt.toISOString().slice(0, 10)} ·{' '}
        <strong>{orderStatusLabel[order.status]}</strong>
      </p>
      <table className="order-table">
        <caption className="sr-only">Items</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Quantity</th>
            <th scope="col">Price</th>
          </tr>
        </thead>
        <tbody>
          {order.items.map((item) => (
            <tr key={item.sku}>
              <td>
                {item.productTitle} ({item.variantTitle})
              </td>
              <td>{item.quantity}</td>
              <td>{money(item.unitPrice * item.quantity)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Total <strong>{money(order.total)}</strong>
        {order.amountRefunded > 0 ? ` · refunded ${money(order.amountRefunded)}` : null}
      </p>
    </>
  );
}
