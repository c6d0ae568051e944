import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { ErrorReports } from '~/components/error-reports';
import { SiteFooter } from '~/components/site-footer';
import { SiteHeader } from '~/components/site-header';
import { env } from '~/env';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(env.SITE_URL),
  title: { default: 'Edgecart — outdoor goods', template: '%s · Edgecart' },
  description: 'Outerwear, tops, footwear, bags and goods for the outdoors.',
  openGraph: { siteName: 'Edgecart', type: 'website' },
};

export const viewport: Viewport = { themeColor: '#1f3d2b' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        {/* The tRPC client is provided by the client components that call it (the listing,
            the cart), so that pages without one (home, product) do not ship it. */}
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
        <ErrorReports />
      </body>
    </html>
  );
}
