import { DomainError, InvalidInputError } from '@edgecart/core';
import type { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { z } from 'zod';

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

/** What a form shows for a refused call: one sentence, and the input field it is about. */
export interface FormProblem {
  message: string;
  /** The field's path in the input (`variants.0.sku`), or null for the form as a whole. */
  field: string | null;
}

/**
 * The one rule for turning a refusal (4xx) into a form's message: the first
 * issue the input schema found, in its own words and next to its field, or
 * the domain error's words (next to its field, if it names one). Null for a
 * fault of ours (5xx): the form has nothing to correct, the error page says
 * what happened. Server Actions and the browser both show this.
 */
export function formProblem(error: TRPCError): FormProblem | null {
  if (getHTTPStatusCodeFromError(error) >= 500) return null;
  const cause = error.cause;
  if (cause instanceof z.ZodError) {
    const issue = cause.issues[0];
    return {
      message: issue?.message ?? error.message,
      field: issue && issue.path.length > 0 ? issue.path.map(String).join('.') : null,
    };
  }
  return {
    message: error.message,
    field: cause instanceof InvalidInputError ? (cause.field ?? null) : null,
  };
}
