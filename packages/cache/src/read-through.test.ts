import { createMemoryCache } from './memory.ts';
import { describeReadThroughContract } from './read-through.contract.ts';

describeReadThroughContract('memory', async (n) => {
  // One process, one store: every "isolate" shares it.
  const cache = createMemoryCache();
  return { caches: Array.from({ length: n }, () => cache), close: async () => {} };
});

describeReadThroughContract(
  'memory',
  async (n) => {
    const cache = createMemoryCache();
    return { caches: Array.from({ length: n }, () => cache), close: async () => {} };
  },
  { localEntries: 100 },
);
