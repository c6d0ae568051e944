import type { Metadata } from 'next';
import { ProductForm } from '~/components/admin/product-form';
import { getAdminApi } from '~/server/pages/admin-api';
import { uploadedPhotos } from '~/server/pages/uploaded-photos';

export const metadata: Metadata = { title: 'New product' };

export default async function NewProductPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = await searchParams;
  const api = await getAdminApi();
  const [collections, images] = await Promise.all([
    api.catalog.collections({}),
    api.admin.products.imageChoices(),
  ]);
  return (
    <>
      <h1>New product</h1>
      <ProductForm
        product={null}
        collections={collections}
        images={images}
        uploaded={uploadedPhotos(query)}
        uploadRefused={query.photoError === '1'}
      />
    </>
  );
}
