import { describeFailureDelayContract } from './failure-delay.contract.ts';
import { createMemoryFailureDelay } from './failure-delay-memory.ts';

describeFailureDelayContract('memory', async (rule) => {
  // One process, one store: every "isolate" shares it.
  const delay = createMemoryFailureDelay(rule);
  return { delays: [delay, delay, delay], close: async () => {} };
});
