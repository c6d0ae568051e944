import type { Metadata } from 'next';
import { SettingsForm } from '~/components/admin/settings-form';
import { getAdminApi } from '~/server/pages/admin-api';

export const metadata: Metadata = { title: 'Settings' };

export default async function AdminSettingsPage() {
  const api = await getAdminApi();
  const settings = await api.admin.settings.get();
  return (
    <>
      <h1>Settings</h1>
      <h2>Tax</h2>
      <p className="lede">
        With tax on, checkout asks Stripe Tax for the tax of each order from the shopper&apos;s
        address, and the shop says what its prices include. Stripe Tax must be set up in the Stripe
        dashboard first (your business address and where you are registered to collect tax); the
        README&apos;s &ldquo;Tax&rdquo; section says how. With tax off, no page mentions tax and
        none is charged.
      </p>
      <SettingsForm settings={settings} />
    </>
  );
}
