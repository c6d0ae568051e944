import type { Metadata } from 'next';
import { PromotionForm } from '~/components/admin/promotion-form';
import Link from '~/components/link';
import { getAdminApi } from '~/server/pages/admin-api';
import { orNotFound } from '~/server/pages/not-found';

export const metadata: Metadata = { title: 'Edit promotion' };

export default async function EditPromotionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const api = await getAdminApi();
  const [promotion, targets] = await Promise.all([
    orNotFound(api.admin.promotions.get({ id })),
    api.admin.promotions.targets(),
  ]);
  return (
    <>
      <p>
        <Link href="/admin/promotions">← Promotions</Link>
      </p>
      <h1>{promotion.title}</h1>
      <p className="lede">
        Used {promotion.timesUsed} {promotion.timesUsed === 1 ? 'time' : 'times'}
        {promotion.usageLimit === null ? '' : ` of ${promotion.usageLimit}`}. Changes apply to carts
        from now on; orders already placed keep the discount they were given.
      </p>
      <PromotionForm promotion={promotion} targets={targets} />
    </>
  );
}
