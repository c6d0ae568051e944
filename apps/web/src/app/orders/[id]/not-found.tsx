import Link from '~/components/link';

/** A guest's order link that is mistyped, not ours, or past its 90 days. */
export default function OrderLinkNotFound() {
  return (
    <div className="status-page">
      <h1>This order link does not work</h1>
      <p>
        It may be incomplete, or older than 90 days. Reply to your confirmation email and quote your
        order number: we will help.
      </p>
      <p>
        <Link href="/login" className="button">
          Log in to see your orders
        </Link>
      </p>
    </div>
  );
}
