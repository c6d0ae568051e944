import { GridSkeleton } from '~/components/grid-skeleton';

export default function Loading() {
  return (
    <div className="listing">
      <h1>Products</h1>
      <GridSkeleton label="Loading products…" />
    </div>
  );
}
