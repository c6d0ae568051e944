import type { ReactNode } from 'react';
import Link from '~/components/link';

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <h2>{title}</h2>
      {children}
      <p>
        <Link href="/products">Browse all products</Link>
      </p>
    </div>
  );
}
