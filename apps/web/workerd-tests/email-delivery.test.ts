import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EdgeStack, startEdgeStack } from '../scripts/edge-stack.ts';

let stack: EdgeStack;

beforeAll(async () => {
  stack = await startEdgeStack({ log: () => {}, email: 'provider' });
});
afterAll(async () => {
  await stack?.stop();
});

const resend = () => {
  if (!stack.resend) throw new Error('the stack has no email stand-in');
  return stack.resend;
};

async function call(path: string, input: unknown) {
  const response = await fetch(`${stack.url}/api/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: stack.url },
    body: JSON.stringify({ json: input }),
  });
  await response.arrayBuffer();
  return response.status;
}

async function waitFor<T>(what: string, find: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const mailTo = (to: string, subject: RegExp) =>
  resend().received.find((email) => email.to[0] === to && subject.test(email.subject));

describe('email from the Worker, through the Resend SDK', () => {
  const email = `worker-${crypto.randomUUID().slice(0, 8)}@example.com`;

  it('sends the sign-up link right after the response', async () => {
    expect(await call('account.signUp', { email, password: 'lantern quietly orbit' })).toBe(200);
    const sent = await waitFor('the sign-up email', () => mailTo(email, /finish signing up/i));
    expect(sent.from).toBe('Edgecart <shop@edgecart.localhost>');
    expect(sent.text).toContain(`${stack.url}/sign-up/confirm?token=`);
    expect(sent.idempotencyKey).toMatch(/^edgecart-outbox\//);
    // The emailed link works: the account exists once it is followed.
    const token = decodeURIComponent(/token=(\S+)/.exec(sent.text ?? '')?.[1] ?? '');
    expect(await call('account.confirmSignUp', { token })).toBe(200);
  });

  it('hides the development outbox and the internal delivery route', async () => {
    expect((await fetch(`${stack.url}/dev/outbox`)).status).toBe(404);
    for (const path of ['/api/internal/outbox', '/api//internal/outbox', '/api/internal/sweep']) {
      const response = await fetch(`${stack.url}${path}`, {
        method: 'POST',
        headers: { 'x-edgecart-internal': 'a guess' },
      });
      expect(response.status).toBe(404);
    }
  });

  it('retries a failed email from the scheduled run', async () => {
    const requestsBefore = resend().requests();
    resend().failNext({ status: 503, name: 'application_error' });
    expect(await call('account.requestPasswordReset', { email: 'someone-else@example.com' })).toBe(
      200,
    );
    // An unknown address gets no email; this one does.
    expect(await call('account.requestPasswordReset', { email })).toBe(200);
    await waitFor('a failed attempt', () =>
      resend().requests() > requestsBefore ? true : undefined,
    );
    const db = new pg.Client({ connectionString: stack.postgres.connectionString });
    await db.connect();
    try {
      type Row = { attempts: number; last_error: string | null };
      let row: Row | undefined;
      for (let i = 0; i < 100 && !row?.last_error; i++) {
        const result = await db.query<Row>(
          'select attempts, last_error from outbox where "to" = $1 and sent_at is null',
          [email],
        );
        row = result.rows[0];
        if (!row?.last_error) await new Promise((r) => setTimeout(r, 100));
      }
      expect(row?.last_error).toMatch(/503 application_error/);
      expect(mailTo(email, /new edgecart password/i)).toBeUndefined();
      // A minute passes: the back-off is over.
      await db.query(`update outbox set next_attempt_at = now() where "to" = $1`, [email]);
    } finally {
      await db.end();
    }
    await stack.runScheduled();
    const sent = await waitFor('the reset email', () => mailTo(email, /new edgecart password/i));
    expect(sent.text).toContain(`${stack.url}/reset-password?token=`);
  });
});
