import Link from '~/components/link';
import { getApi } from '~/server/pages/api';
import { getCollections } from '~/server/pages/catalog';

export async function SiteHeader() {
  const [collections, me, cart] = await Promise.all([
    getCollections(),
    getApi().then((api) => api.account.me()),
    getApi().then((api) => api.cart.get()),
  ]);
  const count = cart.itemCount;
  return (
    <header className="site-header">
      <div className="site-header__bar">
        <Link href="/" className="logo">
          Edgecart
        </Link>
        <search className="site-search">
          <form action="/products" method="get" aria-label="Search products">
            <label htmlFor="site-search-q" className="sr-only">
              Search products
            </label>
            <input
              id="site-search-q"
              name="q"
              type="search"
              placeholder="Search products"
              maxLength={100}
              autoComplete="off"
            />
            <button type="submit" className="button button--small">
              Search
            </button>
          </form>
        </search>
        <Link
          href="/cart"
          className="site-header__cart"
          aria-label={`Cart, ${count === 1 ? '1 item' : `${count} items`}`}
        >
          Cart
          <span className="site-header__count">{count}</span>
        </Link>
        {me?.role === 'admin' ? (
          <Link href="/admin" className="site-header__account">
            Admin
          </Link>
        ) : null}
        {me ? (
          <Link href="/account" className="site-header__account">
            Account<span className="sr-only"> ({me.email})</span>
          </Link>
        ) : (
          <Link href="/login" className="site-header__account">
            Log in
          </Link>
        )}
      </div>
      <nav aria-label="Collections" className="site-nav">
        <ul>
          <li>
            <Link href="/products">All products</Link>
          </li>
          {collections.map((c) => (
            <li key={c.slug}>
              <Link href={`/collections/${c.slug}`}>{c.title}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
