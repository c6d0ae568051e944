import 'server-only';
import { type Cache, createCache } from '@edgecart/cache';
import { env } from '~/env';

// Upstash's client is fetch-based and holds no socket, so one serves every request.
const holder = globalThis as { edgecartCache?: Cache };

/** The shop's cache: Upstash Redis when configured, else in memory. */
export function getCache(): Cache {
  holder.edgecartCache ??= createCache(env);
  return holder.edgecartCache;
}
