export function GridSkeleton({ count = 8, label }: { count?: number; label: string }) {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">{label}</span>
      <ul className="grid" aria-hidden="true">
        {Array.from({ length: count }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <li key={i} className="card card--skeleton">
            <div className="card__image" />
            <div className="skeleton-line" />
            <div className="skeleton-line skeleton-line--short" />
          </li>
        ))}
      </ul>
    </div>
  );
}
