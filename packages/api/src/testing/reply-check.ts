import type { HttpReply } from './http.ts';

/** What only internals would put in a reply: drizzle's message, SQL, its parameters. */
const MARKERS = ['failed query', 'select ', 'params'];
/** A stack trace, raw or JSON-escaped, or a source location. */
const STACK = /(?:\\n|\n)\s+at |node_modules|\.(?:ts|js|mjs|cjs):\d+:\d+/;

function decoded(search: string): string {
  try {
    return decodeURIComponent(search.replace(/\+/g, ' '));
  } catch {
    return search;
  }
}

/** Throws unless the reply is what any client input deserves: a 4xx at worst, no internals. */
export function checkReply(reply: HttpReply, sent: string): void {
  if (reply.status >= 500) {
    throw new Error(
      `HTTP ${reply.status}\n  sent: ${sent.slice(0, 300)}\n  got: ${reply.body.slice(0, 600)}`,
    );
  }
  checkNoInternals(reply, sent);
}

/**
 * Throws unless the reply is JSON with a message for every error, and nothing
 * of the server's internals in it. A marker the client sent itself may come
 * back (tRPC quotes input it cannot parse); none other may.
 */
export function checkNoInternals(reply: HttpReply, sent: string): void {
  const fail = (why: string) => {
    throw new Error(
      `${why}\n  sent: ${sent.slice(0, 300)}\n  got ${reply.status}: ${reply.body.slice(0, 600)}`,
    );
  };
  const body = reply.body.toLowerCase();
  const request = decoded(sent).toLowerCase();
  for (const marker of MARKERS) {
    if (body.includes(marker) && !request.includes(marker)) fail(`the reply contains "${marker}"`);
  }
  if (STACK.test(reply.body) && !STACK.test(request)) fail('the reply contains a stack trace');
  if (reply.status === 204 && reply.body === '') return; // HEAD
  let json: unknown;
  try {
    json = JSON.parse(reply.body);
  } catch {
    fail('the reply is not JSON');
  }
  if (reply.status >= 400) {
    type Shape = { message?: unknown };
    const items = (Array.isArray(json) ? json : [json]) as { error?: Shape & { json?: Shape } }[];
    // superjson wraps each error shape as { json, meta }.
    const errors = items.flatMap((item) => (item.error ? [item.error.json ?? item.error] : []));
    if (errors.length === 0) fail('an error status without an error');
    for (const error of errors) {
      if (typeof error.message !== 'string' || error.message === '')
        fail('an error without a message');
    }
  }
}
