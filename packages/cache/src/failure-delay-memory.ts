import {
  allowedAnswer,
  delayAfterMs,
  type FailureDelay,
  type FailureDelayRule,
  waitAnswer,
} from './failure-delay.ts';

interface Record {
  failures: number;
  /** The last attempt any client made (for forgetting). */
  lastAt: number;
  /** The last attempt a client new to the subject made. */
  newAt: number;
  /** Each client's last attempt. */
  clients: Map<string, number>;
}

/** Past this many subjects, each attempt first drops the forgotten ones. */
const sweepAbove = 10_000;

/** The embedded default: the delays of this process (per isolate in a Worker). */
export function createMemoryFailureDelay(rule: FailureDelayRule): FailureDelay {
  const records = new Map<string, Record>();
  const forgetMs = rule.forgetAfterSeconds * 1000;
  const forgotten = (record: Record, now: number) => now - record.lastAt >= forgetMs;
  return {
    async attempt(subject, client, at) {
      const now = at.getTime();
      if (records.size > sweepAbove) {
        for (const [key, record] of records) if (forgotten(record, now)) records.delete(key);
      }
      let record = records.get(subject);
      if (record && forgotten(record, now)) record = undefined;
      const own = record?.clients.get(client);
      const since = own ?? record?.newAt;
      const failures = record?.failures ?? 0;
      if (since !== undefined) {
        const waitMs = since + delayAfterMs(rule, failures) - now;
        if (waitMs > 0) return waitAnswer(waitMs);
      }
      if (!record) {
        record = { failures: 0, lastAt: now, newAt: now, clients: new Map() };
        records.set(subject, record);
      }
      record.failures += 1;
      record.lastAt = now;
      if (own === undefined) record.newAt = now;
      record.clients.set(client, now);
      return allowedAnswer;
    },
    async succeeded(subject) {
      records.delete(subject);
    },
  };
}
