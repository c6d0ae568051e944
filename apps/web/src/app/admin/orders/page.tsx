import { orderStatuses } from '@edgecart/core';
import type { Metadata } from 'next';
import Link from '~/components/link';
import { formatMoney } from '~/lib/format';
import { getAdminApi } from '~/server/pages/admin-api';

export const metadata: Metadata = { title: 'Orders' };

const day = /^\d{4}-\d{2}-\d{2}$/;

export default async function AdminOrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const one = (name: string) => (typeof params[name] === 'string' ? params[name].trim() : '');
  const status = orderStatuses.find((s) => s === one('status'));
  let from = day.test(one('from')) ? one('from') : undefined;
  let to = day.test(one('to')) ? one('to') : undefined;
  const backwards = Boolean(from && to && from > to);
  if (backwards) [from, to] = [to, from];
  const email = one('email').slice(0, 200) || undefined;
  const before = /^\d+$/.test(one('before')) ? Number(one('before')) : undefined;
  const api = await getAdminApi();
  const list = await api.admin.orders.list({ status, from, to, email, before });
  const older = new URLSearchParams();
  for (const [name, value] of Object.entries({ status, from, to, email })) {
    if (value) older.set(name, value);
  }
  if (list.nextBefore) older.set('before', String(list.nextBefore));
  return (
    <>
      <h1>Orders</h1>
      <form method="get" className="admin-filters" aria-label="Filter orders">
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={status ?? ''}>
            <option value="">Any</option>
            {orderStatuses.map((s) => (
              <option key={s} value={s}>
                {s.replace('_', ' ')}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="from">From</label>
          <input id="from" name="from" type="date" defaultValue={from} />
        </div>
        <div className="field">
          <label htmlFor="to">To</label>
          <input id="to" name="to" type="date" defaultValue={to} />
        </div>
        <div className="field">
          <label htmlFor="email">Email</label>
          <input id="email" name="email" type="search" defaultValue={email} maxLength={200} />
        </div>
        <button type="submit" className="button button--secondary">
          Filter
        </button>
      </form>
      {backwards ? (
        <p role="status" className="notice">
          The first day was after the last: shown the other way round.
        </p>
      ) : null}
      {list.items.length === 0 ? (
        <p>No order matches.</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Placed</th>
              <th scope="col">Email</th>
              <th scope="col">Status</th>
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((o) => (
              <tr key={o.id}>
                <td>
                  <Link href={`/admin/orders/${o.id}`}>#{o.number}</Link>
                </td>
                <td>{o.createdAt.toISOString().slice(0, 16).replace('T', ' ')}</td>
                <td>{o.email ?? '—'}</td>
                <td>{o.status.replace('_', ' ')}</td>
                <td>{formatMoney({ amount: o.total, currency: o.currency })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.nextBefore ? (
        <nav aria-label="Pages" className="admin-pages">
          <Link href={`/admin/orders?${older}`}>Older orders</Link>
        </nav>
      ) : null}
    </>
  );
}
