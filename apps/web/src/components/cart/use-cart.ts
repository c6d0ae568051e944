'use client';

import type { RouterOutputs } from '@edgecart/api';
import { withLineRestored, withQuantity } from '@edgecart/core/cart-rules';
import { useRouter } from 'next/navigation';
import { useLayoutEffect, useRef, useState } from 'react';
import { loadTrpc, useTrpcWhenIdle } from '~/trpc/lazy-client';

export type Cart = RouterOutputs['cart']['get'];

type LineChange = { variantId: string; quantity: number } | { variantId: string; remove: true };

/** What a caller hears about its own change. */
export interface ChangeCallbacks {
  onError: (error: unknown) => void;
  onSettled: () => void;
}

const plausible = (quantity: number) =>
  Number.isInteger(quantity) && quantity >= 1 && quantity <= 99;

/**
 * The cart as the page shows it, and the changes to its lines, through the
 * tRPC client (loaded once the page is idle, lazy-client.ts).
 *
 * Changes are optimistic: the page shows the new quantity or the removal at
 * once. A refused change puts back its own line (other changes stay); when
 * the last change in flight settles, the server's cart is taken (its answer,
 * or a fresh read after a failure, cancelled when another change begins) and
 * the server-rendered parts (the header's count) refresh. A
 * fresh render of the page (a visit, a refresh) is newer than anything here,
 * unless a change is still in flight.
 */
export function useCart(serverCart: Cart) {
  const router = useRouter();
  const [cart, setShown] = useState(serverCart);
  // The latest cart, for changes that settle after others began.
  const latest = useRef(serverCart);
  const show = (next: Cart) => {
    latest.current = next;
    setShown(next);
  };
  const inFlight = useRef(0);
  // The read that follows a failed change: a change that begins cancels it, as it is
  // out of date, and the read's change must not count as in flight any longer.
  const reading = useRef<AbortController | null>(null);
  const [changing, setChanging] = useState(false);
  useTrpcWhenIdle();

  useLayoutEffect(() => {
    if (inFlight.current > 0) return;
    latest.current = serverCart;
    setShown(serverCart);
  }, [serverCart]);

  async function change(request: LineChange, callbacks: ChangeCallbacks): Promise<void> {
    reading.current?.abort();
    inFlight.current += 1;
    setChanging(true);
    const before = latest.current;
    const quantity = 'remove' in request ? 0 : request.quantity;
    if (quantity === 0 || plausible(quantity)) {
      show(withQuantity(before, request.variantId, quantity));
    }
    const last = () => inFlight.current === 1;
    try {
      const trpc = await loadTrpc();
      const answer =
        'remove' in request
          ? await trpc.cart.remove.mutate({ variantId: request.variantId })
          : await trpc.cart.setQuantity.mutate({
              variantId: request.variantId,
              quantity: request.quantity,
            });
      if (last()) {
        show(answer);
        router.refresh();
      }
    } catch (error) {
      show(withLineRestored(latest.current, before, request.variantId));
      callbacks.onError(error);
      if (last()) {
        const read = new AbortController();
        reading.current = read;
        try {
          const fresh = await (await loadTrpc()).cart.get.query(undefined, {
            signal: read.signal,
          });
          if (!read.signal.aborted) show(fresh);
        } catch {
          // Cancelled by a new change, or still unreachable: the page keeps what it shows.
        } finally {
          if (reading.current === read) reading.current = null;
        }
      }
    } finally {
      inFlight.current -= 1;
      if (inFlight.current === 0) setChanging(false);
      callbacks.onSettled();
    }
  }

  return {
    cart,
    /** Whether a change is in flight: checkout waits, it must buy what the page shows. */
    changing,
    setQuantity: (variantId: string, quantity: number, callbacks: ChangeCallbacks) =>
      void change({ variantId, quantity }, callbacks),
    remove: (variantId: string, callbacks: ChangeCallbacks) =>
      void change({ variantId, remove: true }, callbacks),
  };
}
