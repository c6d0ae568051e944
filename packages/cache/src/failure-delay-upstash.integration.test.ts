import { BRIDGE_PATIENCE_MS, startRedis, startUpstashBridge } from '@edgecart/dev-services';
import { describe, expect, it } from 'vitest';
import { describeFailureDelayContract } from './failure-delay.contract.ts';
import { createUpstashFailureDelay } from './failure-delay-upstash.ts';

describeFailureDelayContract(
  'Upstash (real clients → REST bridge → redis-server)',
  async (rule) => {
    const redis = await startRedis();
    const bridge = await startUpstashBridge({ redisUrl: redis.url });
    return {
      // Three clients, each with its own connections, as in separate isolates.
      delays: Array.from({ length: 3 }, () =>
        createUpstashFailureDelay(rule, {
          ...bridge,
          onTimeout: 'deny',
          timeoutMs: BRIDGE_PATIENCE_MS,
        }),
      ),
      close: async () => {
        await bridge.close();
        await redis.stop();
      },
    };
  },
);

describe('the Upstash failure delay without Redis', () => {
  it('denies a log-in attempt and lets a success through', async () => {
    const redis = await startRedis();
    const bridge = await startUpstashBridge({ redisUrl: redis.url });
    try {
      const rule = {
        freeFailures: 3,
        firstDelaySeconds: 1,
        maxDelaySeconds: 60,
        forgetAfterSeconds: 60,
      };
      const delay = createUpstashFailureDelay(rule, {
        ...bridge,
        onTimeout: 'deny',
        timeoutMs: 300,
      });
      // Redis answers (asked patiently: a slow answer is not what this tests).
      const patient = createUpstashFailureDelay(rule, {
        ...bridge,
        onTimeout: 'deny',
        timeoutMs: BRIDGE_PATIENCE_MS,
      });
      expect((await patient.attempt('login:account:a', 'x', new Date())).allowed).toBe(true);
      await redis.stop();
      expect(await delay.attempt('login:account:a', 'x', new Date())).toEqual({
        allowed: false,
        remaining: 0,
        retryAfterSeconds: 30,
      });
      await expect(delay.succeeded('login:account:a')).resolves.toBeUndefined();
    } finally {
      await bridge.close();
    }
  });
});
