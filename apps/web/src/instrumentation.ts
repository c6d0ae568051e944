import { describeErrorForLog } from '@edgecart/api/error-log';

/**
 * Next calls this for every error thrown while rendering a page or running a
 * route handler: one JSON line with the request id (set by the Worker's entry)
 * and the cause, without SQL parameters or secrets.
 */
export function onRequestError(
  error: unknown,
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> },
  context: { routePath: string; routeType: string },
): void {
  const id = request.headers['x-request-id'];
  console.error(
    JSON.stringify({
      level: 'error',
      msg: 'render failed',
      requestId: typeof id === 'string' ? id : null,
      method: request.method,
      route: context.routePath,
      routeType: context.routeType,
      ...describeErrorForLog(error),
    }),
  );
}
