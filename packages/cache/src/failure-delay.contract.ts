import { describe, expect, it } from 'vitest';
import type { FailureDelay, FailureDelayRule } from './failure-delay.ts';

const rule: FailureDelayRule = {
  freeFailures: 3,
  firstDelaySeconds: 10,
  maxDelaySeconds: 60,
  forgetAfterSeconds: 3600,
};
const start = Date.parse('2026-11-24T12:00:00.000Z');
const at = (seconds: number) => new Date(start + seconds * 1000);
const subject = () => `login:account:${crypto.randomUUID()}@example.com`;

/**
 * The growing delay, on a clock the test moves (`now` is the caller's): the
 * same rules for every store. `open` gives stores sharing one count, as the
 * isolates of a Worker do.
 */
export function describeFailureDelayContract(
  store: string,
  open: (rule: FailureDelayRule) => Promise<{ delays: FailureDelay[]; close: () => Promise<void> }>,
) {
  describe(`the failure delay (${store})`, () => {
    async function withDelays(run: (delays: FailureDelay[]) => Promise<void>) {
      const { delays, close } = await open(rule);
      try {
        await run(delays);
      } finally {
        await close();
      }
    }

    it('lets the free failures through, then makes each further attempt wait twice as long, up to the cap', async () => {
      await withDelays(async ([delay]) => {
        if (!delay) throw new Error('no store');
        const who = subject();
        const client = '198.51.100.1';
        for (let i = 0; i < 3; i++)
          expect((await delay.attempt(who, client, at(0))).allowed).toBe(true);
        // Three failures: the next attempt waits 10 s, then 20, 40, 60 (the cap), 60.
        let now = 0;
        for (const wait of [10, 20, 40, 60, 60]) {
          const early = await delay.attempt(who, client, at(now + wait - 1));
          expect(early).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 1 });
          expect((await delay.attempt(who, client, at(now))).retryAfterSeconds).toBe(wait);
          expect((await delay.attempt(who, client, at(now + wait))).allowed).toBe(true);
          now += wait;
        }
      });
    });

    it('never locks the owner out: another client waits from its own attempts, and a success forgets', async () => {
      await withDelays(async ([delay]) => {
        if (!delay) throw new Error('no store');
        const who = subject();
        const attacker = '203.0.113.66';
        let now = 0;
        // The attacker takes each turn the moment it comes: 3 free, then 20 more.
        for (let i = 0; i < 3; i++) await delay.attempt(who, attacker, at(now));
        for (let turns = 0; turns < 20; ) {
          const answer = await delay.attempt(who, attacker, at(now));
          if (answer.allowed) turns += 1;
          else now += answer.retryAfterSeconds;
        }
        expect((await delay.attempt(who, attacker, at(now + 1))).allowed).toBe(false);
        // The owner, from elsewhere, is let in at once, and a wrong guess costs one delay.
        const owner = '192.0.2.10';
        expect((await delay.attempt(who, owner, at(now))).allowed).toBe(true);
        const retry = await delay.attempt(who, owner, at(now + 1));
        expect(retry.allowed).toBe(false);
        expect(retry.retryAfterSeconds).toBeLessThanOrEqual(rule.maxDelaySeconds);
        expect(
          (await delay.attempt(who, owner, at(now + 1 + retry.retryAfterSeconds))).allowed,
        ).toBe(true);
        await delay.succeeded(who);
        for (let i = 0; i < 3; i++) {
          expect(
            (await delay.attempt(who, attacker, at(now + 2 + retry.retryAfterSeconds))).allowed,
          ).toBe(true);
        }
      });
    });

    it('makes clients new to the account share one turn, so fresh addresses buy no extra guesses', async () => {
      await withDelays(async ([delay]) => {
        if (!delay) throw new Error('no store');
        const who = subject();
        for (let i = 0; i < 3; i++) await delay.attempt(who, `198.51.100.${i}`, at(0));
        expect((await delay.attempt(who, '198.51.100.50', at(1))).allowed).toBe(false);
        expect((await delay.attempt(who, '198.51.100.51', at(10))).allowed).toBe(true);
        expect((await delay.attempt(who, '198.51.100.52', at(10))).allowed).toBe(false);
        expect((await delay.attempt(who, '198.51.100.52', at(30))).allowed).toBe(true);
      });
    });

    it('counts each account apart, and forgets failures long after the last attempt', async () => {
      await withDelays(async ([delay]) => {
        if (!delay) throw new Error('no store');
        const [a, b] = [subject(), subject()];
        for (let i = 0; i < 3; i++) await delay.attempt(a, 'x', at(0));
        expect((await delay.attempt(a, 'x', at(1))).allowed).toBe(false);
        expect((await delay.attempt(b, 'x', at(1))).allowed).toBe(true);
        for (let i = 0; i < 3; i++) {
          expect((await delay.attempt(a, 'x', at(rule.forgetAfterSeconds))).allowed).toBe(true);
        }
      });
    });

    it('gives concurrent attempts past the free ones one turn, however many stores ask', async () => {
      await withDelays(async (delays) => {
        const who = subject();
        for (let i = 0; i < 3; i++) await delays[0]?.attempt(who, 'x', at(0));
        const answers = await Promise.all(
          Array.from({ length: 12 }, (_, i) =>
            delays[i % delays.length]?.attempt(who, 'x', at(10)),
          ),
        );
        expect(answers.filter((answer) => answer?.allowed)).toHaveLength(1);
      });
    });
  });
}
