import type { Metadata } from 'next';
import Link from '~/components/link';
import { getCollections } from '~/server/pages/catalog';

export const metadata: Metadata = {
  title: 'Collections',
  alternates: { canonical: '/collections' },
};

export default async function CollectionsPage() {
  const collections = await getCollections();
  return (
    <div className="listing">
      <h1>Collections</h1>
      <ul className="collection-list">
        {collections.map((c) => (
          <li key={c.slug}>
            <Link href={`/collections/${c.slug}`}>
              <span className="collection-list__title">{c.title}</span>
              <span className="collection-list__count">{c.productCount} products</span>
            </Link>
            <p>{c.description}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
