import type { Metadata } from 'next';
import Link from '~/components/link';
import { OrderDetails } from '~/components/orders/order-details';
import { getApi } from '~/server/pages/api';
import { orNotFound } from '~/server/pages/not-found';

export const metadata: Metadata = {
  title: 'Your order',
  robots: { index: false, follow: false },
  // The address carries the link's secret: never send it on as a Referer.
  referrer: 'no-referrer',
};

/** A guest's order, opened by the link in the confirmation email. */
export default async function GuestOrderPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ key?: string | string[] }>;
}) {
  const [{ id }, { key }] = await Promise.all([params, searchParams]);
  const api = await getApi();
  const order = await orNotFound(
    api.orders.byLink({ id, key: typeof key === 'string' ? key : '' }),
  );
  return (
    <>
      <OrderDetails order={order} />
      <p>
        Questions about this order? Reply to your confirmation email and quote order #{order.number}
        . <Link href="/sign-up">Create an account</Link> to find your next orders in one place.
      </p>
    </>
  );
}
