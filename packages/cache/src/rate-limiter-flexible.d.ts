declare module 'rate-limiter-flexible/lib/RateLimiterMemory.js' {
  import type { RateLimiterMemory } from 'rate-limiter-flexible';

  const MemoryStore: typeof RateLimiterMemory;
  export default MemoryStore;
}
