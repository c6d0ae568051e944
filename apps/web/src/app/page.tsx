import Link from '~/components/link';
import { ProductGrid } from '~/components/product-grid';
import { getApi } from '~/server/pages/api';
import { getCollections } from '~/server/pages/catalog';
import { imageTransformations } from '~/server/pages/image-transformations';

export default async function HomePage() {
  const api = await getApi();
  const transform = imageTransformations();
  // Two rounds: the collections (shared with the header) with the featured and
  // newest products, then the featured collections' products, all in parallel.
  const collectionRows = getCollections().then((all) =>
    Promise.all(
      all
        .filter((collection) => collection.featured)
        .map(async (collection) => ({
          collection,
          products: (await api.catalog.products({ collection: collection.slug, limit: 4 })).items,
        })),
    ),
  );
  const [featured, newest, rows] = await Promise.all([
    api.catalog.products({ sort: 'featured', limit: 4 }),
    api.catalog.products({ sort: 'newest', limit: 4 }),
    collectionRows,
  ]);
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">Gear for the long way round</h1>
        <p>Outerwear, layers, footwear and goods made to be used, mended and used again.</p>
        <Link href="/products" className="button">
          Shop all products
        </Link>
      </section>

      <section aria-labelledby="featured-title" className="section">
        <h2 id="featured-title">Featured</h2>
        <ProductGrid products={featured.items} label="Featured products" transform={transform} />
      </section>

      {rows.map(({ collection, products }) => (
        <section key={collection.slug} aria-labelledby={`c-${collection.slug}`} className="section">
          <div className="section__head">
            <h2 id={`c-${collection.slug}`}>{collection.title}</h2>
            <Link href={`/collections/${collection.slug}`}>
              See all {collection.productCount}
              <span className="sr-only"> in {collection.title}</span>
            </Link>
          </div>
          <p className="section__lead">{collection.description}</p>
          <ProductGrid
            products={products}
            label={collection.title}
            transform={transform}
            eager={0}
          />
        </section>
      ))}

      <section aria-labelledby="new-title" className="section">
        <div className="section__head">
          <h2 id="new-title">New arrivals</h2>
          <Link href="/products?sort=newest">See what is new</Link>
        </div>
        <ProductGrid products={newest.items} label="New arrivals" transform={transform} eager={0} />
      </section>
    </>
  );
}
