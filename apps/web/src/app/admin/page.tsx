import type { Metadata } from 'next';
import Link from '~/components/link';
import { formatMoney } from '~/lib/format';
import { getAdminApi } from '~/server/pages/admin-api';

export const metadata: Metadata = { title: 'Overview' };

export default async function AdminOverviewPage() {
  const overview = await (await getAdminApi()).admin.overview();
  return (
    <>
      <h1>Overview</h1>
      <dl className="admin-stats">
        <div>
          <dt>Orders today</dt>
          <dd>{overview.today.orders}</dd>
        </div>
        <div>
          <dt>Revenue today, net of tax and refunds</dt>
          <dd>
            {overview.today.revenue.length === 0
              ? '—'
              : overview.today.revenue.map((r) => formatMoney(r)).join(' + ')}
          </dd>
        </div>
        <div>
          <dt>Discounts given today</dt>
          <dd>
            {overview.today.discounts.length === 0
              ? '—'
              : overview.today.discounts.map((d) => formatMoney(d)).join(' + ')}
          </dd>
        </div>
        <div>
          <dt>Awaiting payment</dt>
          <dd>
            <Link href="/admin/orders?status=pending">{overview.pendingPayments}</Link>
          </dd>
        </div>
        <div>
          <dt>To review</dt>
          <dd>
            <Link href="/admin/orders?status=needs_review">{overview.needsReview}</Link>
          </dd>
        </div>
      </dl>
      <section aria-labelledby="low-stock" className="section">
        <h2 id="low-stock">Low stock (5 or fewer)</h2>
        {overview.lowStock.length === 0 ? (
          <p>Every variant on sale has more than 5 in stock.</p>
        ) : (
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col">SKU</th>
                <th scope="col">In stock</th>
              </tr>
            </thead>
            <tbody>
              {overview.lowStock.map((v) => (
                <tr key={v.variantId}>
                  <td>
                    <Link href={`/admin/products/${v.productId}`}>{v.productTitle}</Link>
                  </td>
                  <td>{v.sku}</td>
                  <td>{v.stock}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
