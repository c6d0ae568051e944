import type { StockState } from '@edgecart/core';

const labels: Record<StockState, string> = {
  in_stock: 'In stock',
  low_stock: 'Low stock',
  out_of_stock: 'Out of stock',
};

export function StockBadge({ state, remaining }: { state: StockState; remaining?: number | null }) {
  const label = state === 'low_stock' && remaining ? `Only ${remaining} left` : labels[state];
  return <span className={`stock stock--${state.replace(/_/g, '-')}`}>{label}</span>;
}
