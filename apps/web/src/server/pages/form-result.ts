import 'server-only';
import { formProblem } from '@edgecart/api';
import { TRPCError } from '@trpc/server';
import type { FormState } from '~/lib/form-state';

/**
 * Runs a tRPC call for a Server Action: a refusal becomes the form's message
 * next to its field (the API's one rule, `formProblem`); a fault of ours is
 * thrown on to the error page, with its reference.
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
    const problem = error instanceof TRPCError ? formProblem(error) : null;
    if (!problem) throw error;
    const field =
      wrapper && problem.field?.startsWith(`${wrapper}.`)
        ? problem.field.slice(wrapper.length + 1)
        : problem.field;
    return { status: 'error', message: problem.message, field, email };
  }
}
