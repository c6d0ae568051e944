import type { Metadata } from 'next';
import { PromotionStatusButton } from '~/components/admin/promotion-form';
import Link from '~/components/link';
import { formatMoney } from '~/lib/format';
import { getAdminApi } from '~/server/pages/admin-api';

export const metadata: Metadata = { title: 'Promotions' };

type Listed = Awaited<
  ReturnType<Awaited<ReturnType<typeof getAdminApi>>['admin']['promotions']['list']>
>[number];

/** "10% off", "$5.00 off", "free shipping", or both. */
function benefit(p: Listed) {
  const parts = [
    p.percentOff !== null ? `${p.percentOff}% off` : null,
    p.amountOff !== null && p.currency
      ? `${formatMoney({ amount: p.amountOff, currency: p.currency })} off`
      : null,
    p.freeShipping ? 'free shipping' : null,
  ].filter(Boolean);
  const scope =
    p.productIds.length + p.collectionIds.length === 0
      ? 'the order'
      : [
          p.collectionIds.length ? `${p.collectionIds.length} collection(s)` : '',
          p.productIds.length ? `${p.productIds.length} product(s)` : '',
        ]
          .filter(Boolean)
          .join(', ');
  const minimum =
    p.minSubtotal !== null && p.currency
      ? `, from ${formatMoney({ amount: p.minSubtotal, currency: p.currency })}`
      : '';
  return `${parts.join(' + ')} on ${scope}${minimum}`;
}

const day = (date: Date | string) =>
  new Date(date).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

function when(p: Listed) {
  if (!p.startsAt && !p.endsAt) return 'Always';
  return `${p.startsAt ? day(p.startsAt) : 'now'} – ${p.endsAt ? day(p.endsAt) : 'no end'} UTC`;
}

/** Promotions with what they did: uses, paid orders, their revenue and the discount given. */
export default async function AdminPromotionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { archived, created } = await searchParams;
  const showArchived = archived === '1';
  const api = await getAdminApi();
  const promotions = await api.admin.promotions.list({ archived: showArchived });
  return (
    <>
      <h1>Promotions</h1>
      <p className="lede">
        A code a shopper types on the cart, or an automatic discount the cart gets when it
        qualifies. The discount is worked out by the shop, taken off before tax, and a limited one
        is never used more than its limit, however many shoppers check out at once.
      </p>
      <p>
        <Link className="button" href="/admin/promotions/new">
          New promotion
        </Link>{' '}
        <Link href={showArchived ? '/admin/promotions' : '/admin/promotions?archived=1'}>
          {showArchived ? 'Hide archived' : 'Show archived'}
        </Link>
      </p>
      {created === '1' ? (
        <p role="status" className="notice">
          Promotion created.
        </p>
      ) : null}
      {promotions.length === 0 ? (
        <p className="notice">
          No promotions yet. Create a code such as WELCOME10, or an automatic discount on a
          collection.
        </p>
      ) : (
        <table className="admin-table">
          <caption className="sr-only">Promotions</caption>
          <thead>
            <tr>
              <th scope="col">Promotion</th>
              <th scope="col">Gives</th>
              <th scope="col">When</th>
              <th scope="col">Uses</th>
              <th scope="col">Paid orders</th>
              <th scope="col">Revenue</th>
              <th scope="col">Discount given</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {promotions.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <Link href={`/admin/promotions/${p.id}`}>{p.code ?? p.title}</Link>
                  {p.code ? null : <span className="muted"> (automatic)</span>}
                </th>
                <td>{benefit(p)}</td>
                <td>{when(p)}</td>
                <td>
                  {p.uses}
                  {p.usageLimit === null ? '' : ` / ${p.usageLimit}`}
                  {p.oncePerCustomer ? ', once each' : ''}
                </td>
                <td>{p.paidOrders}</td>
                <td>
                  {p.results.length === 0
                    ? '—'
                    : p.results
                        .map((r) => formatMoney({ amount: r.revenue, currency: r.currency }))
                        .join(', ')}
                </td>
                <td>
                  {p.results.length === 0
                    ? '—'
                    : p.results
                        .map((r) => formatMoney({ amount: r.discount, currency: r.currency }))
                        .join(', ')}
                </td>
                <td>
                  {p.status}
                  {p.status === 'active' ? (
                    <PromotionStatusButton
                      id={p.id}
                      title={p.title}
                      status="paused"
                      label="Pause"
                    />
                  ) : (
                    <PromotionStatusButton
                      id={p.id}
                      title={p.title}
                      status="active"
                      label="Resume"
                    />
                  )}
                  {p.status === 'archived' ? null : (
                    <PromotionStatusButton
                      id={p.id}
                      title={p.title}
                      status="archived"
                      label="Archive"
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
