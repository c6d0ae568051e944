import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from '~/components/link';
import { getAdminApi } from '~/server/pages/admin-api';

export const metadata: Metadata = {
  title: { default: 'Admin', template: '%s · Admin · Edgecart' },
  robots: { index: false },
};

/**
 * Every admin page: a visitor is sent to log in, a customer finds nothing
 * here (404). The procedures check the role again on every call.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await getAdminApi();
  return (
    <div className="admin">
      <nav aria-label="Admin" className="admin__nav">
        <ul>
          <li>
            <Link href="/admin">Overview</Link>
          </li>
          <li>
            <Link href="/admin/products">Products</Link>
          </li>
          <li>
            <Link href="/admin/orders">Orders</Link>
          </li>
          <li>
            <Link href="/admin/promotions">Promotions</Link>
          </li>
          <li>
            <Link href="/admin/shipping">Shipping</Link>
          </li>
          <li>
            <Link href="/admin/metrics">Metrics</Link>
          </li>
          <li>
            <Link href="/admin/settings">Settings</Link>
          </li>
        </ul>
      </nav>
      {children}
    </div>
  );
}
