import type { Metadata } from 'next';
import Link from '~/components/link';
import { formatMoney } from '~/lib/format';
import { getAdminApi } from '~/server/pages/admin-api';

export const metadata: Metadata = { title: 'Products' };

const statuses = ['active', 'draft', 'archived'] as const;
type Status = (typeof statuses)[number];

export default async function AdminProductsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const one = (name: string) => (typeof params[name] === 'string' ? params[name] : undefined);
  const q = one('q')?.slice(0, 100) || undefined;
  const status = statuses.includes(one('status') as Status) ? (one('status') as Status) : undefined;
  const page = Math.min(Math.max(Number(one('page')) || 1, 1), 10_000);
  const list = await (await getAdminApi()).admin.products.list({ q, status, page });
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const link = (to: number) => {
    const search = new URLSearchParams();
    if (q) search.set('q', q);
    if (status) search.set('status', status);
    search.set('page', String(to));
    return `/admin/products?${search}`;
  };
  const removed = one('removed');
  return (
    <>
      <div className="section__head">
        <h1>Products</h1>
        <p>
          <Link href="/admin/products/new" className="button">
            New product
          </Link>{' '}
          {/* A download, not a page: a plain link. */}
          <a href="/admin/products/export.csv" className="button button--secondary" download>
            Export CSV
          </a>{' '}
          <Link href="/admin/products/import" className="button button--secondary">
            Import CSV
          </Link>
        </p>
      </div>
      {removed ? (
        <p role="status" className="notice">
          {removed === 'archived'
            ? 'The product was ordered before, so it is archived: hidden from the shop, kept for its orders.'
            : 'The product is deleted.'}
        </p>
      ) : null}
      <form method="get" className="admin-filters" aria-label="Find products">
        <div className="field">
          <label htmlFor="q">Title, slug or SKU</label>
          <input id="q" name="q" type="search" defaultValue={q} maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={status ?? ''}>
            <option value="">Any</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          Find
        </button>
      </form>
      {list.items.length === 0 ? (
        <p>
          No product matches. {q || status ? <Link href="/admin/products">Show all</Link> : null}
        </p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col">Status</th>
              <th scope="col">Variants</th>
              <th scope="col">In stock</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link href={`/admin/products/${p.id}`}>{p.title}</Link>
                  <div className="admin-table__sub">{p.slug}</div>
                </td>
                <td>{p.status}</td>
                <td>{p.variants}</td>
                <td>{p.stock}</td>
                <td>
                  {p.minPrice === null
                    ? '—'
                    : formatMoney({ amount: p.minPrice, currency: p.currency })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav aria-label="Pages" className="admin-pages">
        {page > 1 ? <Link href={link(page - 1)}>Previous</Link> : null}
        <span>
          Page {page} of {pages} ({list.total} products)
        </span>
        {page < pages ? <Link href={link(page + 1)}>Next</Link> : null}
      </nav>
    </>
  );
}
