import { DomainError } from '@edgecart/core';
import type { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';

/** The message a client sees for an error the server did not mean to raise. */
export function internalErrorMessage(requestId: string | null): string {
  return requestId
    ? `Something went wrong on our side. Reference: ${requestId}`
    : 'Something went wrong on our side. Please try again.';
}

/**
 * The message to reply with. A server-side failure (5xx) shows only what the
 * domain wrote for people (e.g. "try again in a moment") or a generic
 * message, each with the request id to quote; never the original message,
 * which may hold SQL, parameters or connection details. Client errors (4xx)
 * keep theirs: tRPC and the domain wrote them about the request.
 */
export function clientMessage(error: TRPCError, requestId: string | null): string {
  if (getHTTPStatusCodeFromError(error) < 500) return error.message;
  if (!(error.cause instanceof DomainError)) return internalErrorMessage(requestId);
  return requestId ? `${error.cause.message} Reference: ${requestId}` : error.cause.message;
}
