import { GridSkeleton } from '~/components/grid-skeleton';

export default function Loading() {
  return <GridSkeleton label="Loading the shop…" />;
}
