export default function Loading() {
  return (
    <div className="product" role="status" aria-live="polite">
      <span className="sr-only">Loading the product…</span>
      <div className="product__layout" aria-hidden="true">
        <div className="product__gallery card--skeleton">
          <div className="card__image" />
        </div>
        <div className="product__info card--skeleton">
          <div className="skeleton-line" />
          <div className="skeleton-line skeleton-line--short" />
        </div>
      </div>
    </div>
  );
}
