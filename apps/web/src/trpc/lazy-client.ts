'use client';

import { useEffect } from 'react';

type BrowserTrpc = typeof import('./browser-client.ts')['trpc'];

let loading: Promise<BrowserTrpc> | undefined;

/**
 * The browser's tRPC client (browser-client.ts), loaded on first use: the
 * client and its serializer are a chunk of their own, so the pages that
 * call the API from the browser (the cart's changes, "Load more") keep them
 * out of their first load. A chunk that failed to load (offline, a deploy
 * replaced it) is asked for again next time.
 */
export function loadTrpc(): Promise<BrowserTrpc> {
  if (!loading) {
    const started = import('./browser-client.ts').then((module) => module.trpc);
    started.catch(() => {
      if (loading === started) loading = undefined;
    });
    loading = started;
  }
  return loading;
}

/** Loads the client once the page is idle, so that the first change does not wait for it. */
export function useTrpcWhenIdle(): void {
  useEffect(() => {
    const load = () => void loadTrpc().catch(() => {});
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(load, { timeout: 5_000 });
      return () => window.cancelIdleCallback(id);
    }
    const timer = window.setTimeout(load, 2_000);
    return () => window.clearTimeout(timer);
  }, []);
}
