import { describeCacheContract } from './cache.contract.ts';
import { createMemoryCache } from './memory.ts';

describeCacheContract('memory', async () => ({
  cache: createMemoryCache(),
  close: async () => {},
}));
