import Link from 'next/link';
import { getCollections } from '~/server/catalog';

export async function SiteHeader() {
  const collections = await getCollections();
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
