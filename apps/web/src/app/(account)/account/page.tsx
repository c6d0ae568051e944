import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ChangePasswordForm } from '~/components/account/change-password-form';
import { DeleteAccountForm } from '~/components/account/delete-account-form';
import Link from '~/components/link';
import { formatMoney } from '~/lib/format';
import { orderStatusLabel } from '~/lib/order-status';
import { getApi } from '~/server/pages/api';
import { logOutEverywhereAction } from '../actions';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const api = await getApi();
  const me = await api.account.me();
  if (!me) redirect('/login');
  const orders = await api.orders.list();
  return (
    <>
      <h1>Your account</h1>
      <p>
        Signed in as <strong>{me.email}</strong>
        {me.role === 'admin' ? ' (admin)' : ''}.
      </p>
      <form action="/logout" method="post">
        <button type="submit" className="button">
          Log out
        </button>
      </form>

      <section aria-labelledby="orders-title" className="section">
        <h2 id="orders-title">Orders</h2>
        {orders.length === 0 ? (
          <p>
            No orders yet. <Link href="/products">Browse the shop</Link>
          </p>
        ) : (
          <ul className="order-list">
            {orders.map((order) => (
              <li key={order.id}>
                <Link href={`/account/orders/${order.id}`}>Order #{order.number}</Link>{' '}
                <span className="order-list__meta">
                  {order.createdAt.toISOString().slice(0, 10)} · {order.itemCount}{' '}
                  {order.itemCount === 1 ? 'item' : 'items'} ·{' '}
                  {formatMoney({ amount: order.total, currency: order.currency })} ·{' '}
                  <strong>{orderStatusLabel[order.status]}</strong>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="password-title" className="section">
        <h2 id="password-title">Password</h2>
        <ChangePasswordForm />
      </section>

      <section aria-labelledby="sessions-title" className="section">
        <h2 id="sessions-title">Sessions</h2>
        <p>Logged in on a shared or lost device? End every session, this one included.</p>
        <form action={logOutEverywhereAction}>
          <button type="submit" className="button button--secondary">
            Log out everywhere
          </button>
        </form>
      </section>

      <section aria-labelledby="data-title" className="section">
        <h2 id="data-title">Your data</h2>
        <p>
          <a href="/account-data" download>
            Download my data
          </a>{' '}
          (JSON: your account, sessions, orders and the emails we sent you).
        </p>
        <h3>Delete my account</h3>
        <DeleteAccountForm />
      </section>
    </>
  );
}
