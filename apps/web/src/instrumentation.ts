import { describeErrorForLog } from '@edgecart/api/error-log';
import { noteRequestError } from './server/http/request-error.ts';

function digestOf(error: unknown): string | null {
  const digest: unknown =
    typeof error === 'object' && error !== null ? Reflect.get(error, 'digest') : undefined;
  return typeof digest === 'string' ? digest : null;
}

/**
 * Next calls this for every error thrown while rendering a page or running a
 * route handler: one JSON line with the request id (set by the Worker's entry)
 * and the cause, without SQL parameters or secrets. In the Worker, the entry
 * then reports the error to Sentry (worker-entry/error-reports.ts).
 */
export function onRequestError(
  error: unknown,
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> },
  context: { routePath: string; routeType: string },
): void {
  noteRequestError(error);
  const id = request.headers['x-request-id'];
  console.error(
    JSON.stringify({
      level: 'error',
      msg: 'render failed',
      requestId: typeof id === 'string' ? id : null,
      method: request.method,
      route: context.routePath,
      routeType: context.routeType,
      // What the error page shows as its reference.
      digest: digestOf(error),
      ...describeErrorForLog(error),
    }),
  );
}
