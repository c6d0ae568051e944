import type { Metadata } from 'next';
import { RefundForm } from '~/components/admin/refund-form';
import { CancelOrderForm, MarkDeliveredForm, ShipForm } from '~/components/admin/ship-form';
import Link from '~/components/link';
import { OrderAmounts, ShippingAddress } from '~/components/orders/order-amounts';
import { formatMoney } from '~/lib/format';
import { getAdminApi } from '~/server/pages/admin-api';
import { orNotFound } from '~/server/pages/not-found';

export const metadata: Metadata = { title: 'Order' };
const when = (date: Date) => date.toISOString().slice(0, 19).replace('T', ' ');

export default async function AdminOrderPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const refund = (await searchParams).refund;
  const api = await getAdminApi();
  const detail = await orNotFound(api.admin.orders.get({ id }));
  const { order, items, shipments, events, trail } = detail;
  const shippable = order.status === 'paid' || order.status === 'partially_refunded';
  const leftToShip = items.some((item) => item.quantity > item.shipped);
  const money = (amount: number) => formatMoney({ amount, currency: order.currency });
  // Core's answer: nothing unless paid, less the refunds asked for whose events have not landed.
  const left = detail.refundable;
  return (
    <>
      <h1>Order #{order.number}</h1>
      {refund === 'sent' || refund === 'restocked' ? (
        <p role="status" className="notice">
          Refund sent to the payment provider{refund === 'restocked' ? ', items back in stock' : ''}
          . The order shows it once the provider confirms.
        </p>
      ) : null}
      <dl className="admin-stats">
        <div>
          <dt>Status</dt>
          <dd>{order.status.replace('_', ' ')}</dd>
        </div>
        <div>
          <dt>Total</dt>
          <dd>{money(order.total)}</dd>
        </div>
        <div>
          <dt>Paid</dt>
          <dd>{money(order.amountPaid)}</dd>
        </div>
        <div>
          <dt>Refunded</dt>
          <dd>{money(order.amountRefunded)}</dd>
        </div>
        <div>
          <dt>Fulfilment</dt>
          <dd>{order.fulfilmentStatus.replace('_', ' ')}</dd>
        </div>
      </dl>
      <p>
        {order.email ?? 'No email'} · placed {when(order.createdAt)}
        {order.reviewReason ? ` · to review: ${order.reviewReason}` : ''}
      </p>

      <section aria-labelledby="items-title" className="section">
        <h2 id="items-title">Items</h2>
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">SKU</th>
              <th scope="col">Price</th>
              <th scope="col">Quantity</th>
              <th scope="col">Shipped</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>
                  {item.productTitle} ({item.variantTitle})
                </td>
                <td>{item.sku}</td>
                <td>{money(item.unitPrice)}</td>
                <td>{item.quantity}</td>
                <td>{item.shipped}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <OrderAmounts lines={detail.amountLines} currency={order.currency} />
      </section>

      <section aria-labelledby="ship-to-title" className="section">
        <h2 id="ship-to-title">Shipping</h2>
        {order.shippingAddress ? (
          <>
            <ShippingAddress name={order.shippingName} address={order.shippingAddress} />
            <p>{order.shippingRateName ? `Chosen: ${order.shippingRateName}` : null}</p>
          </>
        ) : order.shipToCountry ? (
          <p>To {order.shipToCountry}; the address comes with the payment.</p>
        ) : (
          <p>Nothing to post.</p>
        )}
      </section>

      <section aria-labelledby="shipments-title" className="section">
        <h2 id="shipments-title">Shipments</h2>
        {leftToShip ? (
          <p>
            <Link href={`/admin/orders/${order.id}/packing-slip`}>Packing slip</Link> (prints on one
            page)
          </p>
        ) : null}
        {shipments.length === 0 ? <p>Nothing shipped yet.</p> : null}
        <ul>
          {shipments.map((shipment) => (
            <li key={shipment.id}>
              {when(shipment.shippedAt)} · {shipment.carrier}{' '}
              {shipment.trackingUrl ? (
                <a href={shipment.trackingUrl} rel="noreferrer">
                  {shipment.trackingNumber}
                </a>
              ) : (
                shipment.trackingNumber
              )}{' '}
              · {shipment.lines.map((line) => `${line.sku} × ${line.quantity}`).join(', ')}
              {shipment.deliveredAt ? (
                ` · delivered ${when(shipment.deliveredAt)}`
              ) : (
                <MarkDeliveredForm orderId={order.id} shipment={shipment} />
              )}
            </li>
          ))}
        </ul>
        {shippable && leftToShip && left > 0 ? <ShipForm orderId={order.id} items={items} /> : null}
        {shippable && order.fulfilmentStatus === 'unfulfilled' && left > 0 ? (
          <CancelOrderForm orderId={order.id} requestKey={crypto.randomUUID()} />
        ) : null}
        {!shippable && leftToShip ? <p>Only a paid order can ship.</p> : null}
      </section>

      <section aria-labelledby="refund-title" className="section">
        <h2 id="refund-title">Refund</h2>
        {left > 0 ? (
          <RefundForm
            orderId={order.id}
            left={left}
            currency={order.currency}
            requestKey={crypto.randomUUID()}
          />
        ) : (
          <p>Only a paid order with money left to refund can be refunded.</p>
        )}
      </section>

      <section aria-labelledby="payments-title" className="section">
        <h2 id="payments-title">Payment events</h2>
        {events.length === 0 ? (
          <p>None yet.</p>
        ) : (
          <ul>
            {events.map((e) => (
              <li key={e.id}>
                {when(e.receivedAt)} · {e.type} → {e.outcome}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="trail-title" className="section">
        <h2 id="trail-title">Audit trail</h2>
        <ol className="admin-trail">
          {trail.map((t) => (
            <li key={`${t.at.toISOString()}-${t.action}`}>
              {when(t.at)} · <strong>{t.action}</strong> by {t.actor}
              {t.after ? <code>{JSON.stringify(t.after)}</code> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
