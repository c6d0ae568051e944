import type { Metadata } from 'next';
import { ProductForm } from '~/components/admin/product-form';
import { RemoveProductForm } from '~/components/admin/remove-product-form';
import { StockForm } from '~/components/admin/stock-form';
import Link from '~/components/link';
import { getAdminApi } from '~/server/pages/admin-api';
import { orNotFound } from '~/server/pages/not-found';
import { uploadedPhotos } from '~/server/pages/uploaded-photos';

export const metadata: Metadata = { title: 'Edit product' };

export default async function EditProductPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const api = await getAdminApi();
  const product = await orNotFound(api.admin.products.get({ id }));
  const [collections, images] = await Promise.all([
    api.catalog.collections({}),
    api.admin.products.imageChoices(),
  ]);
  const query = await searchParams;
  const saved = query.saved === '1';
  return (
    <>
      <h1>{product.title}</h1>
      <p>
        {product.status === 'active' ? (
          <Link href={`/products/${product.slug}`}>See it in the shop</Link>
        ) : (
          `This product is ${product.status}: the shop does not show it.`
        )}
      </p>
      {saved ? (
        <p role="status" className="notice">
          Created.
        </p>
      ) : null}
      <ProductForm
        product={product}
        collections={collections}
        images={images}
        uploaded={uploadedPhotos(query)}
        uploadRefused={query.photoError === '1'}
      />

      <section aria-labelledby="stock-title" className="section">
        <h2 id="stock-title">Stock</h2>
        <p className="section__lead">
          Set what you counted, or add a delivery (or a negative number for damage or loss). Each
          change is recorded with its reason.
        </p>
        {product.variants.map((v) => (
          <StockForm key={v.id} productId={product.id} variant={v} />
        ))}
      </section>

      <section aria-labelledby="remove-title" className="section">
        <h2 id="remove-title">{product.hasOrders ? 'Archive' : 'Delete'}</h2>
        <RemoveProductForm id={product.id} hasOrders={product.hasOrders} />
      </section>
    </>
  );
}
