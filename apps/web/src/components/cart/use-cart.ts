'use client';

import type { RouterOutputs } from '@edgecart/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useLayoutEffect } from 'react';
import { useTRPC } from '~/trpc/react';

export type Cart = RouterOutputs['cart']['get'];
type Line = Cart['lines'][number];

/** The cart as it will be once the change lands: quantities, line totals, count and subtotal. */
export function changedCart(cart: Cart, variantId: string, quantity: number): Cart {
  const lines = cart.lines
    .filter((line) => line.variantId !== variantId || quantity > 0)
    .map(
      (line): Line =>
        line.variantId === variantId
          ? {
              ...line,
              quantity,
              lineTotal: { ...line.lineTotal, amount: line.unitPrice.amount * quantity },
              state:
                line.state === 'ok' || line.state === 'short'
                  ? quantity > line.stock
                    ? 'short'
                    : 'ok'
                  : line.state,
            }
          : line,
    );
  const buyable = lines.filter((line) => line.state === 'ok');
  const first = buyable[0];
  return {
    ...cart,
    lines,
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    subtotal: first
      ? { ...first.lineTotal, amount: buyable.reduce((sum, l) => sum + l.lineTotal.amount, 0) }
      : null,
  };
}

/**
 * The cart through the tRPC React Query client, seeded by the server's render
 * (a fresh render, a visit or a refresh, is newer than anything cached).
 */
export function useCart(serverCart: Cart): Cart {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useQuery(trpc.cart.get.queryOptions(undefined, { initialData: serverCart }));
  useLayoutEffect(() => {
    queryClient.setQueryData(trpc.cart.get.queryKey(), serverCart);
  }, [queryClient, trpc, serverCart]);
  return data ?? serverCart;
}

const plausible = (quantity: number) =>
  Number.isInteger(quantity) && quantity >= 1 && quantity <= 99;

/**
 * Changes to one line, optimistic: the page shows the new quantity or the
 * removal at once, puts the cart back if the server refuses (the mutation's
 * error says why), then takes the server's answer and refreshes the
 * server-rendered parts (the header's count).
 */
export function useCartLineChanges() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const key = trpc.cart.get.queryKey();
  const optimistic = {
    onMutate: async (input: { variantId: string; quantity?: number }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData(key);
      const quantity = input.quantity ?? 0;
      if (before && (quantity === 0 || plausible(quantity))) {
        queryClient.setQueryData(key, changedCart(before, input.variantId, quantity));
      }
      return { before };
    },
    onError: (_error: unknown, _input: unknown, context: { before?: Cart } | undefined) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
    },
    onSuccess: (cart: Cart) => {
      queryClient.setQueryData(key, cart);
      router.refresh();
    },
  };
  return {
    setQuantity: useMutation(trpc.cart.setQuantity.mutationOptions(optimistic)),
    remove: useMutation(trpc.cart.remove.mutationOptions(optimistic)),
  };
}
