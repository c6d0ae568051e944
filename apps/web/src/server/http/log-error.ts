import { describeErrorForLog } from '@edgecart/api/error-log';
import { noteRequestError } from './request-error.ts';

/**
 * One structured line for a server-side failure: what was being done, and the
 * error's class, code, message and stack, unwrapped down to the driver's
 * error, without SQL parameters, connection strings or secrets. An error (not
 * a warning) is also kept for the request's error report.
 */
export function logError(context: Record<string, unknown>, error: unknown): void {
  if (context.level !== 'warn') noteRequestError(error);
  (context.level === 'warn' ? console.warn : console.error)(
    JSON.stringify({
      level: 'error',
      msg: 'request failed',
      ...context,
      ...describeErrorForLog(error),
    }),
  );
}
