import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SentryStandIn, startSentryStandIn } from './sentry-stand-in.ts';

let sentry: SentryStandIn;
beforeAll(async () => {
  sentry = await startSentryStandIn();
});
afterAll(async () => {
  await sentry?.close();
});

const endpoint = () => {
  const dsn = new URL(sentry.dsn);
  return `http://${dsn.host}/api${dsn.pathname}/envelope/`;
};
const key = () => new URL(sentry.dsn).username;

describe('the Sentry stand-in', () => {
  it('takes an envelope as the SDKs send it: compressed, an item with a length, the key in a header', async () => {
    const payload = JSON.stringify({ message: 'two\nlines', level: 'error' });
    const body = [
      JSON.stringify({ event_id: 'f'.repeat(32) }),
      JSON.stringify({ type: 'event', length: Buffer.byteLength(payload) }),
      payload,
      JSON.stringify({ type: 'client_report' }),
      JSON.stringify({ discarded_events: [] }),
    ].join('\n');
    const response = await fetch(endpoint(), {
      method: 'POST',
      headers: {
        'content-encoding': 'gzip',
        'x-sentry-auth': `Sentry sentry_version=7, sentry_key=${key()}, sentry_client=test/1`,
      },
      body: gzipSync(body),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: 'f'.repeat(32) });
    expect(sentry.events().at(-1)).toEqual({ message: 'two\nlines', level: 'error' });
  });

  it('refuses a wrong key (401) and a body that is not an envelope (400), keeping nothing', async () => {
    const before = sentry.envelopes.length;
    const wrong = await fetch(`${endpoint()}?sentry_key=nope`, {
      method: 'POST',
      body: '{}\n{"type":"event"}\n{}',
    });
    expect(wrong.status).toBe(401);
    const garbage = await fetch(`${endpoint()}?sentry_key=${key()}`, {
      method: 'POST',
      body: 'not an envelope',
    });
    expect(garbage.status).toBe(400);
    expect(sentry.envelopes.length).toBe(before);
  });
});
