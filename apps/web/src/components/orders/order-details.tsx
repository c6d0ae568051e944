import type { RouterOutputs } from '@edgecart/api';
import { formatMoney } from '~/lib/format';
import { orderStatusLabel } from '~/lib/order-status';

interface OrderDetailsProps {
  /** As `orders.get` and `orders.byLink` answer it. */
  order: RouterOutputs['orders']['get'];
}

/** An order's heading, status, items and total: in the account, and behind a guest's link. */
export function OrderDetails({ order }: OrderDetailsProps) {
  const money = (amount: number) => formatMoney({ amount, currency: order.currency });
  return (
    <>
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
