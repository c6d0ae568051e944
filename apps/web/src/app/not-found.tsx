import Link from '~/components/link';

export default function NotFound() {
  return (
    <div className="status-page">
      <h1>Page not found</h1>
      <p>There is nothing at this address. It may have moved, or the link may be mistyped.</p>
      <p>
        <Link href="/products" className="button">
          Browse all products
        </Link>
      </p>
    </div>
  );
}
