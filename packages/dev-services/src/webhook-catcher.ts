import { createServer } from 'node:http';
import { listenLocal } from './listen-local.ts';

export interface WebhookCatcher {
  /** Where to post: a Slack-compatible incoming webhook's URL. */
  url: string;
  /** Every JSON body it accepted, in order. */
  received: unknown[];
  /** The next `times` posts are answered with this status, and not kept. */
  failNext: (status: number, times?: number) => void;
  close: () => Promise<void>;
}

/**
 * A stand-in for a Slack incoming webhook (or any service that takes the same
 * `{"text": …}` posts): answers 200 `ok` as Slack does, 400 `invalid_payload`
 * to a body that is not JSON with a text, or a failure on demand.
 */
export async function startWebhookCatcher(): Promise<WebhookCatcher> {
  const received: unknown[] = [];
  let failing: { status: number; times: number } | null = null;
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (failing && failing.times > 0) {
      failing.times -= 1;
      response.writeHead(failing.status, { 'content-type': 'text/plain' });
      response.end('failure');
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      body = null;
    }
    if (request.method !== 'POST' || typeof (body as { text?: unknown })?.text !== 'string') {
      response.writeHead(400, { 'content-type': 'text/plain' });
      response.end('invalid_payload');
      return;
    }
    received.push(body);
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('ok');
  });
  const { port, close } = await listenLocal(server);
  return {
    url: `http://127.0.0.1:${port}/services/T000/B000/local`,
    received,
    failNext: (status, times = 1) => {
      failing = { status, times };
    },
    close,
  };
}
