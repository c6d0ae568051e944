import 'server-only';
import { InvalidInputError } from '@edgecart/core';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { FormState } from '~/lib/form-state';

/**
 * Runs an account call for a Server Action: a refusal a person can act on
 * becomes the form's message, next to its field; anything else is thrown on
 * to the error page (with its reference).
 */
export async function formResult(
  run: () => Promise<FormState>,
  email?: string,
  /** The input's wrapper key, left out of field names (`product` in `product.slug`). */
  wrapper?: string,
): Promise<FormState> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof TRPCError) || error.code === 'INTERNAL_SERVER_ERROR') throw error;
    const cause = error.cause;
    if (cause instanceof z.ZodError) {
      const issue = cause.issues[0];
      return {
        status: 'error',
        message: issue?.message,
        field: (issue?.path ?? [])
          .filter((part, i) => !(i === 0 && part === wrapper))
          .map(String)
          .join('.'),
        email,
      };
    }
    const field = cause instanceof InvalidInputError ? (cause.field ?? null) : null;
    return { status: 'error', message: error.message, field, email };
  }
}
