import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import Link from '~/components/link';
import { OrderDetails } from '~/components/orders/order-details';
import { getApi } from '~/server/pages/api';
import { orNotFound } from '~/server/pages/not-found';

export const metadata: Metadata = { title: 'Your order', robots: { index: false } };

/** One of the signed-in shopper's orders; anyone else's is a 404. */
export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const api = await getApi();
  if (!(await api.account.me())) redirect('/login');
  const order = await orNotFound(api.orders.get({ id: (await params).id }));
  return (
    <>
      <p>
        <Link href="/account">Your account</Link>
      </p>
      <OrderDetails order={order} />
    </>
  );
}
