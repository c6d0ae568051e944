import { textProblem } from '@edgecart/core';
import type { z } from 'zod';

/** A check that free text is what PostgreSQL can hold: no NUL, well-formed Unicode. */
export const storableText = (what: string) => (value: string, ctx: z.RefinementCtx) => {
  const problem = textProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: `${what} ${problem}.` });
};
