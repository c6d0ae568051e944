import type { RouterOutputs } from '@edgecart/api';
import { formatMoney } from '~/lib/format';
import { orderStatusLabel } from '~/lib/order-status';
import { OrderAmounts, ShippingAddress } from './order-amounts';

interface OrderDetailsProps {
  /** As `orders.get` and `orders.byLink` answer it. */
  order: RouterOutputs['orders']['get'];
}

const fulfilmentLabel = {
  unfulfilled: null,
  partially_shipped: 'Partly shipped',
  shipped: 'Shipped',
  delivered: 'Delivered',
} as const;

/** An order's heading, status, items, total and shipments: in the account, and behind a guest's link. */
export function OrderDetails({ order }: OrderDetailsProps) {
  const money = (amount: number) => formatMoney({ amount, currency: order.currency });
  return (
    <>
      <h1>Order #{order.number}</h1>
      <p>
        Placed {order.createdAt.toISOString().slice(0, 10)} ·{' '}
        <strong>{orderStatusLabel[order.status]}</strong>
        {fulfilmentLabel[order.fulfilmentStatus] ? (
          <> · {fulfilmentLabel[order.fulfilmentStatus]}</>
        ) : null}
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
            <tr key={item.id}>
              <td>
                {item.productTitle} ({item.variantTitle})
              </td>
              <td>{item.quantity}</td>
              <td>{money(item.unitPrice * item.quantity)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <OrderAmounts lines={order.amountLines} currency={order.currency} />
      {order.amountRefunded > 0 ? <p>Refunded {money(order.amountRefunded)}</p> : null}
      {order.shippingAddress ? (
        <section aria-labelledby="ship-to-title">
          <h2 id="ship-to-title">Shipping to</h2>
          <ShippingAddress name={order.shippingName} address={order.shippingAddress} />
        </section>
      ) : null}
      {order.shipments.length > 0 ? (
        <section aria-labelledby="shipments-title">
          <h2 id="shipments-title">Shipments</h2>
          <ul className="order-shipments">
            {order.shipments.map((shipment) => (
              <li key={shipment.id}>
                <p>
                  {shipment.deliveredAt ? 'Delivered' : 'Shipped'}{' '}
                  {(shipment.deliveredAt ?? shipment.shippedAt).toISOString().slice(0, 10)} with{' '}
                  {shipment.carrier}, tracking number{' '}
                  {shipment.trackingUrl ? (
                    <a href={shipment.trackingUrl} rel="noreferrer">
                      {shipment.trackingNumber}
                    </a>
                  ) : (
                    shipment.trackingNumber
                  )}
                </p>
                <ul>
                  {shipment.lines.map((line) => (
                    <li key={line.orderItemId}>
                      {line.productTitle} ({line.variantTitle}) × {line.quantity}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
