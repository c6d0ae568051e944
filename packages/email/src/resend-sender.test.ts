import { type ResendStandIn, startResendStandIn } from '@edgecart/dev-services';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createResendSender } from './resend-sender.ts';
import type { EmailMessage } from './sender.ts';

let standIn: ResendStandIn;

beforeAll(async () => {
  standIn = await startResendStandIn();
});
afterAll(async () => {
  await standIn?.close();
});
beforeEach(() => {
  standIn.setDelay(0);
});

const from = 'Edgecart <shop@edgecart.test>';
const message = (key: string, to = 'ada@example.com'): EmailMessage => ({
  to,
  subject: 'Confirm your email',
  text: 'Open this link: http://localhost:3000/sign-up/confirm?token=abc',
  idempotencyKey: key,
});
const sender = (options: { apiKey?: string; timeoutMs?: number } = {}) =>
  createResendSender({
    apiKey: options.apiKey ?? standIn.apiKey,
    from,
    baseUrl: standIn.url,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });

describe('the Resend sender, through the real SDK', () => {
  it('delivers a message with its sender, subject, text and idempotency key', async () => {
    const outcome = await sender().send(message('outbox/1'));
    expect(outcome.ok).toBe(true);
    const sent = standIn.received.find((email) => email.idempotencyKey === 'outbox/1');
    expect(sent).toMatchObject({
      from,
      to: ['ada@example.com'],
      subject: 'Confirm your email',
      text: expect.stringContaining('/sign-up/confirm?token=abc'),
    });
    expect(outcome).toEqual({ ok: true, providerId: sent?.id });
  });

  it('sends a message once however often it is attempted with the same key', async () => {
    const before = standIn.received.length;
    const first = await sender().send(message('outbox/2'));
    const again = await sender().send(message('outbox/2'));
    expect(again).toEqual(first);
    expect(standIn.received.length).toBe(before + 1);
  });

  it('gives up on a message the provider refuses as invalid', async () => {
    const outcome = await sender().send(message('outbox/3', 'not an address'));
    expect(outcome).toMatchObject({ ok: false, retry: false });
    expect(outcome.ok || outcome.reason).toMatch(/422 validation_error/);
  });

  it('retries later when the provider is down, rate-limits or refuses the key', async () => {
    for (const failure of [
      { status: 500, name: 'internal_server_error' },
      { status: 429, name: 'rate_limit_exceeded' },
      { status: 0, name: 'connection dropped' },
    ]) {
      standIn.failNext(failure);
      const outcome = await sender().send(message(`outbox/4-${failure.status}`));
      expect(outcome).toMatchObject({ ok: false, retry: true });
    }
    const wrongKey = await sender({ apiKey: 're_wrong' }).send(message('outbox/5'));
    expect(wrongKey).toMatchObject({ ok: false, retry: true });
    expect(wrongKey.ok || wrongKey.reason).toMatch(/403 invalid_api_key/);
  });

  it('counts an attempt that outlasts its timeout as failed, to retry', async () => {
    standIn.setDelay(1_000);
    // The provider would accept it after a second: only the timeout makes it a failure.
    const outcome = await sender({ timeoutMs: 200 }).send(message('outbox/6'));
    expect(outcome).toMatchObject({ ok: false, retry: true });
  });

  it('retries when nothing listens at the address', async () => {
    const outcome = await createResendSender({
      apiKey: 're_x',
      from,
      baseUrl: 'http://127.0.0.1:9',
    }).send(message('outbox/7'));
    expect(outcome).toMatchObject({ ok: false, retry: true });
  });
});
