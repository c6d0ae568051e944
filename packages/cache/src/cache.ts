/**
 * A key-value cache with expiry: Upstash Redis in production, memory in
 * development. Values are JSON. Every method may fail (the network); callers
 * treat the cache as an optimisation, never as the source of truth.
 */
export interface Cache {
  readonly kind: 'upstash' | 'memory';
  get<T>(key: string): Promise<T | null>;
  set(key: string, value: unknown, options: { ttlSeconds: number }): Promise<void>;
  delete(...keys: string[]): Promise<void>;
  /** Resolves when the cache answers; for health checks. */
  ping(): Promise<void>;
}
