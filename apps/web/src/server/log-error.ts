/**
 * One structured line for a server-side failure: what was being done, and the
 * error's class, message and stack (never SQL parameters or connection strings).
 */
export function logError(context: Record<string, unknown>, error: unknown): void {
  const described =
    error instanceof Error
      ? { errorClass: error.name, message: error.message, stack: error.stack }
      : { errorClass: typeof error, message: String(error) };
  console.error(
    JSON.stringify({ level: 'error', msg: 'request failed', ...context, ...described }),
  );
}
