import type { Metadata } from 'next';
import { getAdminApi } from '~/server/pages/admin-api';
import { orNotFound } from '~/server/pages/not-found';

export const metadata: Metadata = { title: 'Packing slip' };

/** What goes in the box: where it goes and what is left to pack. Prints on one page. */
export default async function PackingSlipPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const api = await getAdminApi();
  const { order, items } = await orNotFound(api.admin.orders.get({ id }));
  const address = order.shippingAddress;
  const toPack = items.filter((item) => item.quantity > item.shipped);
  return (
    <article className="packing-slip" aria-labelledby="slip-title">
      <h1 id="slip-title">Packing slip · order #{order.number}</h1>
      <section aria-labelledby="ship-to-title">
        <h2 id="ship-to-title">Ship to</h2>
        {address ? (
          <address>
            {order.shippingName ? (
              <>
                {order.shippingName}
                <br />
              </>
            ) : null}
            {address.line1}
            <br />
            {address.line2 ? (
              <>
                {address.line2}
                <br />
              </>
            ) : null}
            {[address.postalCode, address.city, address.state].filter(Boolean).join(' ')}
            <br />
            {address.country}
          </address>
        ) : (
          <p>No shipping address on this order.</p>
        )}
      </section>
      <table className="admin-table">
        <caption>To pack</caption>
        <thead>
          <tr>
            <th scope="col">SKU</th>
            <th scope="col">Item</th>
            <th scope="col">Quantity</th>
          </tr>
        </thead>
        <tbody>
          {toPack.map((item) => (
            <tr key={item.id}>
              <td>{item.sku}</td>
              <td>
                {item.productTitle} ({item.variantTitle})
              </td>
              <td>{item.quantity - item.shipped}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {toPack.length === 0 ? <p>Everything on this order has shipped.</p> : null}
    </article>
  );
}
