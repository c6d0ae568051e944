import type { Metadata } from 'next';
import { PromotionForm } from '~/components/admin/promotion-form';
import { getAdminApi } from '~/server/pages/admin-api';

export const metadata: Metadata = { title: 'New promotion' };

export default async function NewPromotionPage() {
  const api = await getAdminApi();
  const targets = await api.admin.promotions.targets();
  return (
    <>
      <h1>New promotion</h1>
      <PromotionForm targets={targets} />
    </>
  );
}
