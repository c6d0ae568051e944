import type { Metadata } from 'next';
import type { ReactNode } from 'react';

// Account pages are personal: never indexed, never cached.
export const metadata: Metadata = { robots: { index: false } };

export default function AccountLayout({ children }: { children: ReactNode }) {
  return <div className="account-page">{children}</div>;
}
