'use client';

import type { RouterOutputs } from '@edgecart/api';
import { withLineRestored, withQuantity } from '@edgecart/core/cart-rules';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useLayoutEffect } from 'react';
import { useTRPC } from '~/trpc/react';

export type Cart = RouterOutputs['cart']['get'];

/** Every change to the cart, for counting the ones in flight. */
export const CART_CHANGE = ['cart-change'];

/**
 * The cart through the tRPC React Query client, seeded by the server's render
 * (a fresh render, a visit or a refresh, is newer than anything cached, unless
 * a change is still in flight).
 */
export function useCart(serverCart: Cart): Cart {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useQuery(trpc.cart.get.queryOptions(undefined, { initialData: serverCart }));
  useLayoutEffect(() => {
    if (queryClient.isMutating({ mutationKey: CART_CHANGE }) > 0) return;
    queryClient.setQueryData(trpc.cart.get.queryKey(), serverCart);
  }, [queryClient, trpc, serverCart]);
  return data ?? serverCart;
}

const plausible = (quantity: number) =>
  Number.isInteger(quantity) && quantity >= 1 && quantity <= 99;

/**
 * Changes to cart lines, optimistic: the page shows the new quantity or the
 * removal at once. A refused change puts back its own line (other changes
 * stay); when the last change in flight settles, the server's cart is
 * taken (its answer, or a fresh read after a failure) and the
 * server-rendered parts (the header's count) refresh.
 */
export function useCartLineChanges() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const key = trpc.cart.get.queryKey();
  const last = () => queryClient.isMutating({ mutationKey: CART_CHANGE }) === 1;
  const optimistic = {
    onMutate: async (input: { variantId: string; quantity?: number }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData(key);
      const quantity = input.quantity ?? 0;
      if (before && (quantity === 0 || plausible(quantity))) {
        queryClient.setQueryData(key, withQuantity(before, input.variantId, quantity));
      }
      return { before };
    },
    onError: async (
      _error: unknown,
      input: { variantId: string },
      context: { before?: Cart } | undefined,
    ) => {
      const current = queryClient.getQueryData(key);
      if (current && context?.before) {
        queryClient.setQueryData(key, withLineRestored(current, context.before, input.variantId));
      }
      if (last()) await queryClient.invalidateQueries({ queryKey: key });
    },
    onSuccess: (cart: Cart) => {
      if (!last()) return;
      queryClient.setQueryData(key, cart);
      router.refresh();
    },
  };
  // One key for both, set after tRPC's own (which names the procedure).
  return {
    setQuantity: useMutation({
      ...trpc.cart.setQuantity.mutationOptions(optimistic),
      mutationKey: CART_CHANGE,
    }),
    remove: useMutation({
      ...trpc.cart.remove.mutationOptions(optimistic),
      mutationKey: CART_CHANGE,
    }),
  };
}
