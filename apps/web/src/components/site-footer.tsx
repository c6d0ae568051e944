import Link from '~/components/link';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>Edgecart — an open-source, type-safe commerce stack for the edge.</p>
      <nav aria-label="Footer">
        <ul>
          <li>
            <Link href="/products">All products</Link>
          </li>
          <li>
            <Link href="/collections">Collections</Link>
          </li>
          <li>
            <a href="/sitemap.xml">Sitemap</a>
          </li>
        </ul>
      </nav>
    </footer>
  );
}
