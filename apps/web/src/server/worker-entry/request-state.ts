/**
 * What the Worker's entry and the app share about one request. The entry and
 * the app are bundled apart (wrangler and Next), so the state travels on the
 * request's ExecutionContext under a registered symbol, not in a module.
 */
export interface RequestState {
  requestId: string;
  /** Set when a query failed because the database could not be reached. */
  databaseUnavailable: boolean;
  /** What the page cache did with it (page-cache.ts), for the request's metrics. */
  pageCache?: 'hit' | 'miss' | 'bypass';
  /**
   * The first server error of this request (an exception the entry caught, or
   * one Next or tRPC turned into a 500): the entry reports it once the answer
   * is known (error-reports.ts).
   */
  error?: unknown;
  /**
   * Set by the entry when error reports are on: how the app's `/api/errors`
   * hands over the events the browser sent.
   */
  errorReports?: { captureBrowserEvent: (event: Record<string, unknown>) => void };
}

const KEY = Symbol.for('edgecart.request-state');

export function attachRequestState(ctx: object, state: RequestState): void {
  Reflect.set(ctx, KEY, state);
}

export function requestStateOf(ctx: object | undefined): RequestState | undefined {
  const state: unknown = ctx ? Reflect.get(ctx, KEY) : undefined;
  return typeof state === 'object' && state !== null ? (state as RequestState) : undefined;
}
